import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCode } from '../../core/members/redeem-code.js';
import type { AuditEntry, CodeBatchSummary, MemberAccount } from '../../storage/member-store.js';
import { GUEST_HEADERS, memberWeb } from '../../testing/member-web.js';

const web = await memberWeb();
const admin = await web.user('boss', 'admin');
const member = await web.user('Qian');

const send = (path: string, headers: Record<string, string>, method = 'GET', body?: unknown) =>
  web.app.request(path, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
const form = (path: string, headers: Record<string, string>, fields: Record<string, string>) =>
  web.app.request(path, { method: 'POST', headers, body: new URLSearchParams(fields) });

describe('VIP admin API and pages', () => {
  it('sends a guest to the login (401 from the API) and refuses a member (403) on every admin route', async () => {
    const routes: Array<[string, string]> = [
      ['POST', '/api/admin/vip/grant'],
      ['POST', '/api/admin/vip/revoke'],
      ['POST', '/api/admin/codes'],
      ['GET', '/api/admin/codes'],
      ['GET', '/api/admin/audit'],
      ['GET', '/admin/vip'],
      ['POST', '/admin/vip/grant'],
      ['POST', '/admin/vip/revoke'],
      ['POST', '/admin/codes'],
      ['GET', '/admin/audit'],
    ];
    for (const [method, path] of routes) {
      const body = method === 'POST' ? { name: 'Qian', days: 30, count: 1 } : undefined;
      // A guest's admin page goes to the login (303), the API answers 401.
      const guest = path.startsWith('/api/') ? 401 : 303;
      assert.equal((await send(path, { ...GUEST_HEADERS }, method, body)).status, guest, `${method} ${path} as guest`);
      assert.equal((await send(path, member.headers, method, body)).status, 403, `${method} ${path} as member`);
    }
    assert.equal((await web.members.account(member.id))?.vipUntil, null, 'nothing was granted');
  });

  it('grants by days or until a date and revokes, by user name; bad input is a 400 naming it', async () => {
    const granted = await send('/api/admin/vip/grant', admin.headers, 'POST', { name: 'qian', days: 30 });
    assert.equal(granted.status, 200);
    const account = (await granted.json()) as MemberAccount;
    assert.equal(account.name, 'Qian');
    assert.ok(Date.parse(account.vipUntil!) > Date.now() + 29 * 86_400_000);
    const until = await send('/api/admin/vip/grant', admin.headers, 'POST', { name: 'Qian', until: '2031-06-01' });
    assert.equal(((await until.json()) as MemberAccount).vipUntil, '2031-06-01T00:00:00.000Z');
    const revoked = await send('/api/admin/vip/revoke', admin.headers, 'POST', { name: 'Qian' });
    assert.equal(((await revoked.json()) as MemberAccount).vipUntil, null);
    const cases: Array<[unknown, number, RegExp]> = [
      [{ name: 'nobody', days: 3 }, 404, /用户不存在/],
      [{ days: 3 }, 400, /用户名/],
      [{ name: 'Qian' }, 400, /天数或到期日期/],
      [{ name: 'Qian', days: 3, until: '2030-01-01' }, 400, /二选一/],
      [{ name: 'Qian', days: 0 }, 400, /天数应为/],
      [{ name: 'Qian', days: '1e3' }, 400, /天数应为/],
      [{ name: 'Qian', until: 'next year' }, 400, /到期日期格式/],
      ['{not json', 400, /JSON/],
      [[1, 2], 400, /JSON/],
    ];
    for (const [body, status, message] of cases) {
      const res = await send('/api/admin/vip/grant', admin.headers, 'POST', body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.match(((await res.json()) as { error: { message: string } }).error.message, message);
    }
    assert.equal((await send('/api/admin/vip/revoke', admin.headers, 'POST', { name: 'nobody' })).status, 404);
  });

  it('generates codes as a CSV download, lists batches and reads the audit log', async () => {
    const res = await send('/api/admin/codes', admin.headers, 'POST', { count: 4, days: 90 });
    assert.equal(res.status, 201);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.match(res.headers.get('content-disposition')!, /attachment/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const rows = (await res.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    assert.equal(rows.length, 4);
    for (const r of rows) assert.equal(normalizeCode(r.split(',')[0]!), r.split(',')[0]);
    for (const bad of [{ count: 0, days: 90 }, { count: 4 }, { count: 10_001, days: 1 }, { count: 2, days: 99999 }]) {
      assert.equal((await send('/api/admin/codes', admin.headers, 'POST', bad)).status, 400, JSON.stringify(bad));
    }
    const { batches } = (await (await send('/api/admin/codes', admin.headers)).json()) as {
      batches: CodeBatchSummary[];
    };
    assert.deepEqual(
      batches.map((b) => [b.count, b.days, b.redeemed, b.createdBy]),
      [[4, 90, 0, 'boss']],
    );
    const { entries } = (await (await send('/api/admin/audit?limit=10', admin.headers)).json()) as {
      entries: AuditEntry[];
    };
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor.name, e.target?.name ?? null]),
      [
        ['codes', 'boss', null],
        ['revoke', 'boss', 'Qian'],
        ['grant', 'boss', 'Qian'],
        ['grant', 'boss', 'Qian'],
      ],
    );
    assert.equal((await send('/api/admin/audit?limit=0', admin.headers)).status, 400);
    assert.equal((await send('/api/admin/audit?before=x', admin.headers)).status, 400);
    const older = (await (await send(`/api/admin/audit?before=${entries[1]!.id}`, admin.headers)).json()) as {
      entries: AuditEntry[];
    };
    assert.equal(older.entries.length, 2);
  });

  it('serves the admin pages: forms grant and revoke (303), codes come as CSV, the audit log lists all', async () => {
    const page = await send('/admin/vip', admin.headers);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /开通或取消 VIP/);
    assert.match(html, /action="\/admin\/codes"/);
    const granted = await form('/admin/vip/grant', admin.headers, { name: 'Qian', days: '7', until: '' });
    assert.equal(granted.status, 303);
    assert.equal(granted.headers.get('location'), '/admin/vip?done=granted');
    assert.match(await (await send('/admin/vip?done=granted', admin.headers)).text(), /已开通 VIP/);
    assert.equal((await form('/admin/vip/grant', admin.headers, { name: 'Qian', days: 'x' })).status, 400);
    assert.equal((await form('/admin/vip/grant', admin.headers, { name: 'ghost', days: '7' })).status, 404);
    assert.equal((await form('/admin/vip/revoke', admin.headers, { name: 'Qian' })).status, 303);
    const csv = await form('/admin/codes', admin.headers, { count: '2', days: '30' });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /^text\/csv/);
    assert.equal((await csv.text()).trim().split('\r\n').length, 3);
    assert.equal((await form('/admin/codes', admin.headers, { count: '-1', days: '30' })).status, 400);
    const audit = await (await send('/admin/audit', admin.headers)).text();
    assert.match(audit, /审计记录/);
    assert.match(audit, /取消 VIP/);
    assert.match(audit, /生成卡密/);
    assert.match(audit, /批次 \d+：2 个，每个 30 天/);
  });

  it('escapes what users wrote (a user name with markup) on the audit page', async () => {
    const evil = await web.user('<script>alert(1)</script>');
    await send('/api/admin/vip/grant', admin.headers, 'POST', { name: '<script>alert(1)</script>', days: 1 });
    const audit = await (await send('/admin/audit', admin.headers)).text();
    assert.doesNotMatch(audit, /<script>alert/);
    assert.match(audit, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.ok(evil.id > 0);
  });
});
