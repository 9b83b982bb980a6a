import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { webFixture } from '../testing/web-fixture.js';
import { inADay, signedIn } from '../testing/web-session.js';

const fixture = webFixture();

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const { app } = await fixture;
  return app.request(path, { headers });
}

/** A request asking for JSON errors (a download's refusal) as one visitor. */
async function getAs(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return get(path, { accept: 'application/json', ...headers });
}

async function json<T = Record<string, unknown>>(path: string, status = 200): Promise<T> {
  const res = await get(path);
  assert.equal(res.status, status, `${path}: ${res.status}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return (await res.json()) as T;
}

async function page(path: string, status = 200): Promise<string> {
  const res = await get(path);
  assert.equal(res.status, status, `${path}: ${res.status}`);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  return res.text();
}

interface ErrorJson {
  error: { code: string; message: string };
}

const q = encodeURIComponent;

async function firstPaidId(): Promise<number> {
  const home = await json<{ days: Array<{ documents: Array<{ id: number; paid: boolean }> }> }>('/api/home');
  const all = await json<{ documents: Array<{ id: number; paid: boolean }> }>('/api/documents');
  const paid = all.documents.find((d) => d.paid);
  assert.ok(home.days.length > 0 && paid, 'the test library has a paid document');
  return paid.id;
}

describe('health, assets and errors', () => {
  it('answers /healthz with the document count', async () => {
    const body = await json<{ status: string; documents: number }>('/healthz');
    assert.equal(body.status, 'ok');
    assert.ok(body.documents > 0);
  });

  it('serves the stylesheet and the script, cacheable', async () => {
    for (const [name, type] of [
      ['site.css', /text\/css/],
      ['site.js', /javascript/],
    ] as const) {
      const res = await get(`/assets/${name}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', type);
      assert.match(res.headers.get('cache-control') ?? '', /max-age/);
    }
    assert.equal((await get('/assets/nothing.css')).status, 404);
  });

  it('sends a content security policy allowing only the site’s own script and style', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    const html = await page('/');
    assert.doesNotMatch(html, /<script>|style="| on[a-z]+="/, 'no inline script, style or handler');
  });

  it('answers an unknown path with 404: JSON under /api/, a Chinese page elsewhere', async () => {
    const body = await json<ErrorJson>('/api/nothing', 404);
    assert.deepEqual(body, { error: { code: 'not_found', message: '页面不存在' } });
    assert.match(await page('/nothing/here', 404), /页面不存在/);
  });
});

describe('search', () => {
  it('finds documents with snippets naming their section and highlights inside the text', async () => {
    const body = await json<{
      total: number;
      hits: Array<{ id: number; snippets: Array<{ text: string; highlights: Array<[number, number]> }> }>;
    }>(`/api/search?q=${q('推动')}`);
    assert.ok(body.total > 0);
    for (const hit of body.hits) {
      for (const s of hit.snippets) {
        for (const [a, b] of s.highlights) assert.ok(a >= 0 && b <= s.text.length && a < b);
      }
    }
  });

  it('takes every scope, filter, sort and page, and rejects values outside them with a 400', async () => {
    for (const scope of ['all', 'title', 'outline', 'opening', 'intro', 'closing', 'sentence']) {
      await json(`/api/search?q=${q('推动')}&scope=${scope}`);
    }
    await json(`/api/search?q=${q('推动')}&genre=${q('总结')}&year=2023&paid=free&sort=newest&punct=exact&page=1`);
    for (const bad of [
      'scope=everywhere',
      'year=abc',
      'year=99999',
      'page=0',
      'page=1000',
      'sort=oldest',
      'paid=maybe',
      'punct=none',
    ]) {
      const body = await json<ErrorJson>(`/api/search?q=${q('推动')}&${bad}`, 400);
      assert.equal(body.error.code, 'bad_request');
      assert.match(body.error.message, /参数“.+”的值无效/);
    }
    const missing = await json<ErrorJson>('/api/search', 400);
    assert.match(missing.error.message, /查询词/);
    const long = await json<ErrorJson>(`/api/search?q=${'字'.repeat(201)}`, 400);
    assert.match(long.error.message, /查询词/);
  });

  it('explains a malformed query in Chinese', async () => {
    const cases: Array<[string, string]> = [
      ['"走深', 'query_unbalanced_quote'],
      ['-走深', 'query_only_exclusions'],
      ['走深 -', 'query_lone_minus'],
    ];
    for (const [query, code] of cases) {
      const body = await json<ErrorJson>(`/api/search?q=${q(query)}`, 400);
      assert.equal(body.error.code, code);
      assert.match(body.error.message, /[\u4e00-\u9fff]/);
      assert.match(await page(`/search?q=${q(query)}`, 400), /请求有误/);
    }
  });

  it('sorts newest first when asked, with the same documents as by relevance', async () => {
    const byScore = await json<{
      total: number;
      hits: Array<{ id: number; publishedAt: string | null; year: number | null }>;
    }>(`/api/search?q=${q('主题教育')}`);
    const newest = await json<typeof byScore>(`/api/search?q=${q('主题教育')}&sort=newest`);
    assert.equal(newest.total, byScore.total);
    assert.deepEqual(newest.hits.map((h) => h.id).sort(), byScore.hits.map((h) => h.id).sort());
    const time = (h: { publishedAt: string | null; year: number | null }): string =>
      h.publishedAt ?? (h.year !== null ? `${h.year}-01-01` : '');
    for (let i = 1; i < newest.hits.length; i++) assert.ok(time(newest.hits[i - 1]!) >= time(newest.hits[i]!));
  });

  it('matches any punctuation by default and exact punctuation when asked', async () => {
    const any = await json<{ total: number }>(`/api/search?q=${q('学思想，强党性')}`);
    const exact = await json<{ total: number }>(`/api/search?q=${q('学思想，强党性')}&punct=exact`);
    assert.ok(any.total >= exact.total);
    assert.ok(any.total > 0, '学思想、强党性 is in the demo plan');
  });

  it('shows an outline hit with its parallel headings', async () => {
    const body = await json<{
      hits: Array<{
        snippets: Array<{ kind: string; text: string; set: { headings: Array<{ text: string }>; at: number } | null }>;
      }>;
    }>(`/api/search?q=${q('推动')}&scope=outline`);
    const sets = body.hits.flatMap((h) => h.snippets).filter((s) => s.set !== null);
    assert.ok(sets.length > 0);
    for (const s of sets) {
      assert.ok(s.set!.headings.length >= 2);
      assert.ok(s.set!.headings[s.set!.at]!.text.includes(s.text.replace(/^…|…$/g, '').slice(0, 4)));
    }
  });

  it('gives a sentence hit as one sentence', async () => {
    const body = await json<{ hits: Array<{ snippets: Array<{ text: string }> }> }>(
      `/api/search?q=${q('推动')}&scope=sentence`,
    );
    const texts = body.hits.flatMap((h) => h.snippets.map((s) => s.text));
    assert.ok(texts.length > 0);
    for (const t of texts) assert.ok(!/[。！？][^”’）)]/.test(t.slice(0, -1)), t);
  });

  it('helps when nothing is found: each term alone', async () => {
    const body = await json<{ total: number; help: { terms: Array<{ term: string; total: number }> } }>(
      `/api/search?q=${q('推动 无此词语组合')}`,
    );
    assert.equal(body.total, 0);
    const terms = Object.fromEntries(body.help.terms.map((t) => [t.term, t.total]));
    assert.ok(terms['推动']! > 0);
    assert.equal(terms['无此词语组合'], 0);
    const html = await page(`/search?q=${q('推动 无此词语组合')}`);
    assert.match(html, /各个词单独搜索时/);
  });

  it('renders the results page with tabs, filters, count and no raw markup from documents', async () => {
    const html = await page(`/search?q=${q('推动')}&scope=outline`);
    assert.match(html, /aria-current="page"\s+data-scope="outline"/);
    assert.match(html, /找到 <strong>\d+<\/strong> 篇/);
    assert.match(html, /<select name="genre">/);
    assert.match(html, /复制这组提纲/);
    assert.match(await page('/search'), /检索范围/);
  });

  it('suggests titles and headings while typing', async () => {
    const body = await json<{ suggestions: Array<{ kind: string; text: string; url: string }> }>(
      `/api/suggest?q=${q('主题')}`,
    );
    assert.ok(body.suggestions.some((s) => s.kind === 'title'));
    for (const s of body.suggestions) assert.match(s.url, /^\/documents\/\d+(#p\d+)?$/);
    assert.deepEqual(await json(`/api/suggest?q=`), { suggestions: [] });
    await json(`/api/suggest?q=${'长'.repeat(101)}`, 400);
  });
});

describe('documents', () => {
  it('gives a document page with outline anchors, slots, copy buttons and sources', async () => {
    const list = await json<{ documents: Array<{ id: number; title: string }> }>('/api/documents');
    const doc = await json<{
      view: {
        title: string;
        outline: Array<{ paragraph: number; free: boolean }>;
        paragraphs: Array<{ index: number }>;
      };
      sources: Array<{ name: string }>;
    }>(`/api/documents/${list.documents[0]!.id}`);
    const html = await page(`/documents/${list.documents[0]!.id}`);
    for (const o of doc.view.outline.filter((o) => o.free)) {
      assert.ok(html.includes(`href="#p${o.paragraph}"`) && html.includes(`id="p${o.paragraph}"`));
    }
    assert.match(html, /<p id="p0" class="para/);
    assert.doesNotMatch(html, /data-copy-from="#p0"/, "a paragraph's copy button is made by site.js");
    assert.ok(doc.sources.length > 0);
    for (const s of doc.sources) assert.doesNotMatch(s.name, /[\\/]/, 'a source is named by its file alone');
  });

  it('shows placeholders as slots to fill', async () => {
    const all = await json<{ documents: Array<{ id: number }> }>('/api/documents');
    let slots = 0;
    for (const d of all.documents) slots += (await page(`/documents/${d.id}`)).split('class="slot"').length - 1;
    assert.ok(slots > 0);
  });

  it('cuts a paid document at its free part and invites the reader to become a member', async () => {
    const id = await firstPaidId();
    const doc = await json<{ view: { truncated: boolean; shownChars: number; totalChars: number } }>(
      `/api/documents/${id}`,
    );
    assert.equal(doc.view.truncated, true);
    assert.ok(doc.view.shownChars < doc.view.totalChars);
    const html = await page(`/documents/${id}`);
    assert.match(html, /以下为 VIP 会员内容/);
    assert.match(html, /href="\/login\?next=%2Fdocuments%2F\d+"/);
    assert.match(html, /免费注册/);
  });

  it('gives a compilation article its compilation and siblings', async () => {
    const all = await json<{ documents: Array<{ id: number; compilation: { id: number; count: number } | null }> }>(
      '/api/documents',
    );
    const article = all.documents.find((d) => d.compilation !== null);
    assert.ok(article, 'the seeds hold a compilation');
    const doc = await json<{ siblings: Array<{ id: number }> }>(`/api/documents/${article.id}`);
    assert.ok(doc.siblings.length > 1);
    assert.ok(doc.siblings.some((s) => s.id === article.id));
    assert.match(await page(`/documents/${article.id}`), /所在汇编/);
  });

  it('finds related documents near in content, never the document itself', async () => {
    const all = await json<{ documents: Array<{ id: number }> }>('/api/documents');
    let withRelated = 0;
    for (const d of all.documents) {
      const doc = await json<{ related: Array<{ id: number }> }>(`/api/documents/${d.id}`);
      assert.ok(doc.related.every((r) => r.id !== d.id));
      if (doc.related.length > 0) withRelated++;
    }
    assert.ok(withRelated > all.documents.length / 2);
  });

  it('gives the outline alone, as a page and as JSON with its text', async () => {
    const id = await firstPaidId();
    const body = await json<{ outline: Array<{ text: string; level: number }>; text: string }>(
      `/api/documents/${id}/outline`,
    );
    assert.ok(body.outline.length > 0);
    assert.equal(body.text.split('\n').length, body.outline.length);
    assert.match(await page(`/documents/${id}/outline`), /class="skeleton"/);
  });

  it('answers a bad id with 400 and an unknown one with 404, on pages and in the API', async () => {
    for (const bad of ['abc', '0', '-1', '1.5', '9999999999']) {
      await json(`/api/documents/${bad}`, 400);
      await page(`/documents/${bad}`, 400);
    }
    const body = await json<ErrorJson>('/api/documents/999999', 404);
    assert.deepEqual(body, { error: { code: 'not_found', message: '文档不存在' } });
    await page('/documents/999999', 404);
    await page('/documents/999999/outline', 404);
  });

  it('downloads .docx, .txt and .md for a VIP, and the outline alone, named by title (RFC 5987)', async () => {
    const id = await firstPaidId();
    const vip = (await signedIn((await fixture).library, 'download-vip', { vipUntil: inADay() })).headers;
    const get = (path: string): Promise<Response> => getAs(path, vip);
    const docx = await get(`/documents/${id}/download.docx`);
    assert.equal(docx.status, 200);
    assert.match(
      docx.headers.get('content-disposition') ?? '',
      /^attachment; filename="[ -~]+\.docx"; filename\*=UTF-8''[\w%.-]+\.docx$/,
    );
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
    assert.ok(files['word/document.xml']);
    const txt = await (await get(`/documents/${id}/download.txt`)).text();
    assert.doesNotMatch(txt, /仅限会员/, "a VIP's download is whole");
    const md = await get(`/documents/${id}/download.md`);
    assert.match(md.headers.get('content-type') ?? '', /markdown/);
    const outline = await (await get(`/documents/${id}/download.txt?outline=1`)).text();
    const skeleton = await json<{ outline: Array<{ text: string }> }>(`/api/documents/${id}/outline`);
    for (const o of skeleton.outline) assert.ok(outline.includes(o.text.trim()), o.text);
    assert.equal((await get(`/documents/${id}/download.docx?outline=yes`)).status, 400);
    assert.equal((await get('/documents/999999/download.docx')).status, 404);
  });

  it('lets a guest download the outline alone, a member the free part as .txt only', async () => {
    const id = await firstPaidId();
    const guest = await getAs(`/documents/${id}/download.txt`);
    assert.equal(guest.status, 401);
    assert.match(((await guest.json()) as ErrorJson).error.message, /请先登录/);
    assert.equal((await getAs(`/documents/${id}/download.txt?outline=1`)).status, 200);
    const member = (await signedIn((await fixture).library, 'download-member')).headers;
    const txt = await getAs(`/documents/${id}/download.txt`, member);
    assert.equal(txt.status, 200);
    assert.match(await txt.text(), /仅限会员/);
    const docx = await getAs(`/documents/${id}/download.docx`, member);
    assert.equal(docx.status, 403);
    assert.match(((await docx.json()) as ErrorJson).error.message, /开通 VIP/);
    assert.match(await page(`/documents/${id}`), /登录后下载/);
  });
});

describe('home, updates, browsing and feeds', () => {
  it('gives the home page: search box, 每日更新, genres and tags', async () => {
    const body = await json<{
      documents: number;
      days: Array<{ day: string; documents: unknown[] }>;
      genres: unknown[];
    }>('/api/home');
    assert.ok(body.documents > 0 && body.days.length > 0 && body.genres.length > 0);
    assert.match(body.days[0]!.day, /^\d{4}-\d\d-\d\d$/);
    const html = await page('/');
    assert.match(html, /每日更新/);
    assert.match(html, /文种/);
    assert.match(html, /<form class="big-search" action="\/search"/);
  });

  it('lists updates by day, pages past the end are 404, bad pages 400', async () => {
    const body = await json<{ days: unknown[]; page: number; pages: number }>('/api/updates');
    assert.ok(body.days.length > 0);
    assert.match(await page('/updates'), /每日更新/);
    await json('/api/updates?page=999', 404);
    await json('/api/updates?page=abc', 400);
    await page('/updates?page=-3', 400);
  });

  it('browses by genre and by tag', async () => {
    const facets = await json<{ genres: Array<[string, number]>; tags: Array<[string, number]> }>('/api/facets');
    const [genre, n] = facets.genres[0]!;
    const body = await json<{ total: number; documents: Array<{ genre: string | null }> }>(
      `/api/documents?genre=${q(genre)}`,
    );
    assert.equal(body.total, n);
    assert.ok(body.documents.every((d) => (d.genre ?? '未分类') === genre));
    assert.match(await page(`/browse?genre=${q(genre)}`), new RegExp(`共 ${n} 篇`));
    if (facets.tags.length > 0) {
      const [tag, m] = facets.tags[0]!;
      assert.equal((await json<{ total: number }>(`/api/documents?tag=${q(tag)}`)).total, m);
    }
    await json(`/api/documents?genre=${'长'.repeat(30)}`, 400);
  });

  it('serves an Atom feed of the newest documents, per genre and tag too', async () => {
    const res = await get('/feed.atom');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const xml = await res.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.ok(xml.split('<entry>').length > 1);
    const facets = await json<{ genres: Array<[string, number]> }>('/api/facets');
    const [genre, n] = facets.genres[0]!;
    const byGenre = await (await get(`/feed.atom?genre=${q(genre)}`)).text();
    assert.equal(byGenre.split('<entry>').length - 1, Math.min(n, 30));
  });
});

describe('the API description', () => {
  it('is an OpenAPI 3.1 document naming every API route', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/search',
      '/api/suggest',
      '/api/documents',
      '/api/documents/{id}',
      '/api/documents/{id}/outline',
      '/api/home',
      '/api/updates',
      '/api/facets',
    ]) {
      assert.ok(doc.paths[path], path);
    }
  });

  it('has a browsable page made by the server, with no outside script', async () => {
    const html = await page('/api/docs');
    assert.match(html, /\/api\/search/);
    assert.doesNotMatch(html, /<script[^>]+src="https?:/);
  });
});

describe('request bodies', () => {
  it('refuses a form body over 1 MB with a 413 saying why', async () => {
    const { app } = await fixture;
    const big = `user=${'a'.repeat(1_100_000)}`;
    for (const path of ['/login', '/api/login', '/register']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) },
        body: big,
      });
      assert.equal(res.status, 413, path);
      // A page's form gets the error page, the API its JSON: both say why.
      assert.match(await res.text(), /请求内容太大/, path);
    }
  });

  it('answers a GET as before (the limit passes GET and HEAD by)', async () => {
    const res = await get(`/api/search?q=${q('工作')}`);
    assert.equal(res.status, 200);
    assert.ok(((await res.json()) as { total: number }).total > 0);
    assert.equal((await app()).status, 200);
  });
});

async function app(): Promise<Response> {
  return (await fixture).app.request('/', { method: 'HEAD' });
}
