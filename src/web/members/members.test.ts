import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Favourite, FavouriteFolder, RecentRead } from '../../storage/member-store.js';
import { GUEST_HEADERS, memberWeb } from '../../testing/member-web.js';

const web = await memberWeb();
const [d1, d2, d3] = web.documents as [number, number, number];
const me = await web.user('Sun');
const you = await web.user('Zhou');
const admin = { userId: null, name: 'cli:test' };

const send = (path: string, headers: Record<string, string>, method = 'GET', body?: unknown) =>
  web.app.request(path, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
const form = (path: string, headers: Record<string, string>, fields: Record<string, string> = {}) =>
  web.app.request(path, { method: 'POST', headers, body: new URLSearchParams(fields) });
const json = async <T>(res: Response, status = 200): Promise<T> => {
  assert.equal(res.status, status, await res.clone().text());
  return (await res.json()) as T;
};

describe("members' own things", () => {
  it('asks a guest to log in (401) on every member route, page or API', async () => {
    const routes: Array<[string, string]> = [
      ['GET', '/api/me/quota'],
      ['POST', '/api/me/redeem'],
      ['GET', '/api/me/folders'],
      ['POST', '/api/me/folders'],
      ['PATCH', '/api/me/folders/1'],
      ['DELETE', '/api/me/folders/1'],
      ['GET', '/api/me/favourites'],
      ['POST', '/api/me/favourites'],
      ['GET', '/api/me/favourites/1'],
      ['PATCH', '/api/me/favourites/1'],
      ['DELETE', '/api/me/favourites/1'],
      ['GET', '/api/me/downloads'],
      ['GET', '/api/me/downloads/1'],
      ['GET', '/api/me/recent'],
      ['GET', '/account/redeem'],
      ['POST', '/account/redeem'],
      ['GET', '/account/favourites'],
      ['POST', '/account/favourites'],
      ['POST', '/account/favourites/1/delete'],
      ['POST', '/account/favourites/1/move'],
      ['POST', '/account/folders'],
      ['POST', '/account/folders/1/rename'],
      ['POST', '/account/folders/1/delete'],
      ['GET', '/account/downloads'],
      ['GET', '/account/recent'],
    ];
    for (const [method, path] of routes) {
      const res = await send(path, { ...GUEST_HEADERS }, method, method === 'GET' ? undefined : {});
      assert.equal(res.status, 401, `${method} ${path}`);
      if (!path.startsWith('/api/')) assert.match(await res.text(), /请先登录/);
    }
  });

  it('redeems a code once (API and page), extending VIP; refuses used, unknown and malformed codes', async () => {
    const { codes } = await web.members.createCodes(admin, { count: 3, days: 30, tier: 'vip' });
    const [a, b, c] = codes as [string, string, string];
    const done = await json<{ vipUntil: string; days: number }>(
      await send('/api/me/redeem', me.headers, 'POST', { code: a }),
    );
    assert.equal(done.days, 30);
    assert.ok(Date.parse(done.vipUntil) > Date.now() + 29 * 86_400_000);
    const used = await send('/api/me/redeem', you.headers, 'POST', { code: a });
    assert.equal(used.status, 409);
    assert.match(await used.text(), /已经用过/);
    assert.equal((await send('/api/me/redeem', me.headers, 'POST', { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' })).status, 400);
    assert.equal((await send('/api/me/redeem', me.headers, 'POST', { code: '' })).status, 400);
    assert.equal((await send('/api/me/redeem', me.headers, 'POST', { code: 'x'.repeat(65) })).status, 400);
    assert.equal((await send('/api/me/redeem', me.headers, 'POST', { code: 42 })).status, 400);
    assert.equal((await send('/api/me/redeem', me.headers, 'POST', 'nope')).status, 400);
    // The page: a form, success names the new expiry; a second use is refused with the reason.
    assert.match(await (await send('/account/redeem', you.headers)).text(), /action="\/account\/redeem"/);
    const page = await form('/account/redeem', you.headers, { code: b.toLowerCase() });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /兑换成功：VIP 到期/);
    const again = await form('/account/redeem', you.headers, { code: b });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /已经用过/);
    assert.equal((await form('/account/redeem', you.headers, { code: '' })).status, 400);
    // Two redemptions of one code at the same moment: one succeeds.
    const racers = await Promise.all([web.user('race1'), web.user('race2'), web.user('race3')]);
    const statuses = await Promise.all(racers.map((r) => send('/api/me/redeem', r.headers, 'POST', { code: c })));
    assert.deepEqual(statuses.map((s) => s.status).sort(), [200, 409, 409]);
  });

  it('keeps favourites in folders through the API; guessed ids of another member are 404', async () => {
    const folder = await json<FavouriteFolder>(
      await send('/api/me/folders', me.headers, 'POST', { name: '讲话稿' }),
      201,
    );
    assert.equal((await send('/api/me/folders', me.headers, 'POST', { name: '讲话稿' })).status, 409);
    for (const name of ['', '  ', 'x'.repeat(31), 7]) {
      assert.equal((await send('/api/me/folders', me.headers, 'POST', { name })).status, 400, String(name));
    }
    const theirs = await json<FavouriteFolder>(
      await send('/api/me/folders', you.headers, 'POST', { name: '我的' }),
      201,
    );
    const fav = await json<Favourite>(
      await send('/api/me/favourites', me.headers, 'POST', { documentId: d1, folderId: folder.id }),
      201,
    );
    assert.equal(fav.folderId, folder.id);
    await json<Favourite>(await send('/api/me/favourites', me.headers, 'POST', { documentId: d2 }), 201);
    assert.equal((await send('/api/me/favourites', me.headers, 'POST', { documentId: 999_999 })).status, 404);
    assert.equal(
      (await send('/api/me/favourites', me.headers, 'POST', { documentId: d3, folderId: theirs.id })).status,
      404,
    );
    assert.equal((await send('/api/me/favourites', me.headers, 'POST', { documentId: 'one' })).status, 400);
    assert.equal((await send('/api/me/favourites', me.headers, 'POST', { documentId: d3, folderId: -2 })).status, 400);
    assert.equal((await json<Favourite>(await send(`/api/me/favourites/${fav.id}`, me.headers))).documentId, d1);
    // Another member guessing ids: not found, whatever the verb; nothing of mine changes.
    assert.equal((await send(`/api/me/favourites/${fav.id}`, you.headers)).status, 404);
    assert.equal((await send(`/api/me/favourites/${fav.id}`, you.headers, 'PATCH', { folderId: null })).status, 404);
    assert.equal((await send(`/api/me/favourites/${fav.id}`, you.headers, 'DELETE')).status, 404);
    assert.equal((await send(`/api/me/folders/${folder.id}`, you.headers, 'PATCH', { name: 'x' })).status, 404);
    assert.equal((await send(`/api/me/folders/${folder.id}`, you.headers, 'DELETE')).status, 404);
    assert.equal((await send(`/api/me/favourites?folder=${folder.id}`, you.headers)).status, 404);
    assert.deepEqual(
      (await json<{ favourites: Favourite[] }>(await send('/api/me/favourites', you.headers))).favourites,
      [],
    );
    assert.equal((await send('/api/me/favourites/abc', me.headers)).status, 400);
    assert.equal((await send('/api/me/favourites/0', me.headers)).status, 400);
    assert.equal((await send('/api/me/favourites?folder=abc', me.headers)).status, 400);
    // Listing by folder, moving, renaming, deleting.
    const inFolder = await json<{ favourites: Favourite[] }>(
      await send(`/api/me/favourites?folder=${folder.id}`, me.headers),
    );
    assert.deepEqual(
      inFolder.favourites.map((v) => v.documentId),
      [d1],
    );
    const unfiled = await json<{ favourites: Favourite[] }>(await send('/api/me/favourites?folder=none', me.headers));
    assert.deepEqual(
      unfiled.favourites.map((v) => v.documentId),
      [d2],
    );
    assert.equal((await send(`/api/me/favourites/${fav.id}`, me.headers, 'PATCH', {})).status, 400);
    const moved = await json<Favourite>(
      await send(`/api/me/favourites/${fav.id}`, me.headers, 'PATCH', { folderId: null }),
    );
    assert.equal(moved.folderId, null);
    const renamed = await json<FavouriteFolder>(
      await send(`/api/me/folders/${folder.id}`, me.headers, 'PATCH', { name: '讲话' }),
    );
    assert.equal(renamed.name, '讲话');
    const { folders } = await json<{ folders: FavouriteFolder[] }>(await send('/api/me/folders', me.headers));
    assert.deepEqual(
      folders.map((f) => f.name),
      ['讲话'],
    );
    assert.equal((await send(`/api/me/folders/${folder.id}`, me.headers, 'DELETE')).status, 204);
    assert.equal((await send(`/api/me/folders/${folder.id}`, me.headers, 'DELETE')).status, 404);
    assert.equal((await send(`/api/me/favourites/${fav.id}`, me.headers, 'DELETE')).status, 204);
    assert.equal((await send(`/api/me/favourites/${fav.id}`, me.headers)).status, 404);
    assert.equal((await send('/api/me/folders/9999999', me.headers, 'PATCH', { name: 'x' })).status, 404);
  });

  it('adds favourites from the document page and manages them on the favourites page', async () => {
    const guestPage = await (await web.app.request(`/documents/${d3}`)).text();
    assert.match(guestPage, /登录后收藏/);
    const doc = await web.app.request(`/documents/${d3}`, { headers: me.headers });
    assert.equal(doc.headers.get('cache-control'), 'private, no-store');
    const docHtml = await doc.text();
    assert.match(docHtml, /action="\/account\/favourites"/);
    assert.match(docHtml, new RegExp(`name="documentId" value="${d3}"`));
    const added = await form('/account/favourites', me.headers, { documentId: String(d3), back: `/documents/${d3}` });
    assert.equal(added.status, 303);
    assert.equal(added.headers.get('location'), `/documents/${d3}`);
    assert.match(await (await web.app.request(`/documents/${d3}`, { headers: me.headers })).text(), /已收藏/);
    // An address off the site is never where a form sends one back to.
    const offsite = await form('/account/favourites', me.headers, {
      documentId: String(d3),
      back: 'https://evil.example/',
    });
    assert.equal(offsite.headers.get('location'), '/account/favourites?done=added');
    assert.equal((await form('/account/favourites', me.headers, { documentId: '999999' })).status, 404);
    assert.equal((await form('/account/favourites', me.headers, { documentId: 'x' })).status, 400);
    const created = await form('/account/folders', me.headers, { name: '方案' });
    assert.equal(created.status, 303);
    const folderId = Number(/folder=(\d+)/.exec(created.headers.get('location')!)![1]);
    assert.equal((await form('/account/folders', me.headers, { name: '方案' })).status, 409);
    assert.equal((await form('/account/folders', me.headers, { name: '' })).status, 400);
    const mine = (await web.members.favouriteOf(me.id, d3))!;
    assert.equal(
      (await form(`/account/favourites/${mine.id}/move`, me.headers, { folderId: String(folderId) })).status,
      303,
    );
    assert.equal((await web.members.favourite(me.id, mine.id))?.folderId, folderId);
    const list = await (
      await web.app.request(`/account/favourites?folder=${folderId}`, { headers: me.headers })
    ).text();
    assert.match(list, /第三篇工作总结/);
    assert.match(list, /方案 \(1\)/);
    assert.doesNotMatch(
      await (await web.app.request('/account/favourites', { headers: you.headers })).text(),
      /第三篇工作总结/,
    );
    assert.equal(
      (await web.app.request(`/account/favourites?folder=${folderId}`, { headers: you.headers })).status,
      404,
    );
    // Another member's ids on the forms: 404, and mine stay.
    assert.equal((await form(`/account/favourites/${mine.id}/delete`, you.headers)).status, 404);
    assert.equal((await form(`/account/favourites/${mine.id}/move`, you.headers, { folderId: 'none' })).status, 404);
    assert.equal((await form(`/account/folders/${folderId}/rename`, you.headers, { name: 'x' })).status, 404);
    assert.equal((await form(`/account/folders/${folderId}/delete`, you.headers)).status, 404);
    assert.ok(await web.members.favourite(me.id, mine.id));
    assert.equal((await form(`/account/folders/${folderId}/rename`, me.headers, { name: '实施方案' })).status, 303);
    assert.equal((await form(`/account/folders/${folderId}/delete`, me.headers)).status, 303);
    assert.equal((await web.members.favourite(me.id, mine.id))?.folderId, null, 'the favourite stays');
    const removed = await form(`/account/favourites/${mine.id}/delete`, me.headers, { back: `/documents/${d3}` });
    assert.equal(removed.status, 303);
    assert.equal(await web.members.favourite(me.id, mine.id), null);
    assert.equal((await form('/account/favourites/abc/delete', me.headers)).status, 400);
  });

  it('notes what a member reads, newest first, and shows it to them alone', async () => {
    const reader = await web.user('reader');
    await web.app.request(`/documents/${d1}`, { headers: reader.headers });
    await new Promise((r) => setTimeout(r, 5));
    await web.app.request(`/documents/${d2}`, { headers: reader.headers });
    const { recent } = await json<{ recent: RecentRead[] }>(await send('/api/me/recent', reader.headers));
    assert.deepEqual(
      recent.map((r) => r.documentId),
      [d2, d1],
    );
    assert.equal((await send('/api/me/recent?limit=0', reader.headers)).status, 400);
    const page = await (await web.app.request('/account/recent', { headers: reader.headers })).text();
    assert.match(page, /第二篇工作总结[\s\S]*第一篇工作总结/);
    const fresh = await web.user('fresh');
    assert.deepEqual((await json<{ recent: RecentRead[] }>(await send('/api/me/recent', fresh.headers))).recent, []);
  });
});

it("describes the members' and VIP admin's JSON routes in the OpenAPI document", async () => {
  const doc = (await (await web.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  for (const [path, method] of [
    ['/api/me/favourites/{id}', 'patch'],
    ['/api/me/redeem', 'post'],
    ['/api/me/recent', 'get'],
    ['/api/admin/codes', 'post'],
    ['/api/admin/audit', 'get'],
  ] as const) {
    assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  }
  const page = await web.app.request('/api/docs');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /兑换卡密/);
});
