import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Inbox } from '../../inbox/inbox.js';
import { Library } from '../../library.js';
import type { MemberStore } from '../../storage/member-store.js';
import { openSqliteMemberStore } from '../../storage/sqlite/sqlite-member-store.js';
import { readSeed, seedsDir } from '../../testing/shared-seeds.js';
import { tempDir } from '../../testing/temp-dir.js';
import { createApp, type WebApp } from '../app.js';
import { webConfig } from '../config.js';

const TOKEN = 'a-long-admin-token-for-tests';
const BEARER = { authorization: `Bearer ${TOKEN}` };

interface ErrorJson {
  error: { code: string; message: string };
}

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`gave up waiting: ${what}`);
}

function form(files: Array<[string, string | Uint8Array]>): FormData {
  const body = new FormData();
  for (const [name, content] of files) body.append('files', new File([content], name));
  return body;
}

describe('the admin', () => {
  const dir = tempDir();
  let library: Library;
  let inbox: Inbox;
  let app: WebApp;
  let closed: WebApp;
  let cliBatch: number;
  let members: MemberStore;

  before(async () => {
    library = await Library.open(join(dir, 'admin.db'));
    const summary = await library.ingest(
      ['000_519bf36544b22e16.txt', '003_f863d41575c9a514.txt'].map((f) => join(seedsDir(), f)),
      { origin: 'cli' },
    );
    cliBatch = summary.batchId!;
    inbox = new Inbox(library, { dir: join(dir, 'inbox'), pollMs: 50 });
    await inbox.start();
    const config = webConfig({ dbPath: join(dir, 'admin.db'), adminToken: TOKEN, inboxDir: join(dir, 'inbox') });
    members = openSqliteMemberStore(join(dir, 'admin.db'));
    app = createApp({ library, config: { ...config, uploadLimitBytes: 256 * 1024 }, inbox, members });
    closed = createApp({ library, config: webConfig({ adminToken: null }), inbox, members });
  });
  after(async () => {
    await inbox.stop();
    await members.close();
    await library.close();
  });

  const api = async <T>(path: string, init: RequestInit = {}, status = 200): Promise<T> => {
    const res = await app.request(path, { ...init, headers: { ...BEARER, ...(init.headers ?? {}) } });
    assert.equal(res.status, status, `${path}: ${res.status} ${status !== res.status ? await res.clone().text() : ''}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    return (await res.json()) as T;
  };

  describe('access', () => {
    const routes: Array<[string, string]> = [
      ['GET', '/api/admin/status'],
      ['GET', '/api/admin/batches'],
      ['GET', '/api/admin/batches/1'],
      ['POST', '/api/admin/uploads'],
      ['GET', '/api/admin/uploads/abc'],
      ['DELETE', '/api/admin/documents/1'],
    ];

    it('is closed, with a page saying how to open it, when no token is set', async () => {
      for (const [method, path] of routes) {
        const res = await closed.request(path, { method, headers: BEARER });
        assert.equal(res.status, 403, path);
        assert.equal(((await res.json()) as ErrorJson).error.code, 'admin_disabled');
      }
      const page = await closed.request('/admin');
      assert.equal(page.status, 403);
      assert.match(await page.text(), /管理功能未开启[\s\S]*SUCAI_ADMIN_TOKEN/);
      assert.equal((await closed.request('/admin/login', { method: 'POST', body: form([]) })).status, 403);
    });

    it('asks for the token without one (401), refuses a wrong one (403), for every route', async () => {
      for (const [method, path] of routes) {
        const none = await app.request(path, { method });
        assert.equal(none.status, 401, `${method} ${path}`);
        const body = (await none.json()) as ErrorJson;
        assert.deepEqual([body.error.code, body.error.message], ['unauthorized', '请先输入管理令牌']);
        for (const headers of [{ authorization: `Bearer ${TOKEN}x` }, { authorization: 'Basic abc' }]) {
          const wrong = await app.request(path, { method, headers });
          assert.equal(wrong.status, 403, `${method} ${path}`);
          assert.equal(((await wrong.json()) as ErrorJson).error.code, 'forbidden');
        }
        const badCookie = await app.request(path, { method, headers: { cookie: 'sucai_admin=forged' } });
        assert.equal(badCookie.status, 403);
      }
      const login = await app.request('/admin');
      assert.equal(login.status, 401);
      assert.match(await login.text(), /管理登录[\s\S]*name="token"/);
      for (const path of ['/admin/batches', `/admin/batches/${cliBatch}`, '/admin/delete?id=1']) {
        assert.equal((await app.request(path)).status, 401, path);
      }
      assert.equal((await app.request('/admin/documents/1/delete', { method: 'POST' })).status, 401);
    });

    it('logs in by the form: an HttpOnly SameSite=Strict cookie holding no token; logs out', async () => {
      const wrong = await app.request('/admin/login', { method: 'POST', body: new URLSearchParams({ token: 'nope' }) });
      assert.equal(wrong.status, 403);
      assert.match(await wrong.text(), /管理令牌不正确/);
      const res = await app.request('/admin/login', { method: 'POST', body: new URLSearchParams({ token: TOKEN }) });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin');
      const cookie = res.headers.get('set-cookie')!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.ok(!cookie.includes(TOKEN));
      const session = cookie.split(';')[0]!;
      const page = await app.request('/admin', { headers: { cookie: session } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /上传文件[\s\S]*收件箱[\s\S]*最近批次/);
      const out = await app.request('/admin/logout', { method: 'POST', headers: { cookie: session } });
      assert.match(out.headers.get('set-cookie')!, /sucai_admin=;/);
    });
  });

  it('reports the inbox and the latest batches', async () => {
    const status = await api<{ watching: boolean; waiting: number; batches: Array<{ id: number }>; dir: string }>(
      '/api/admin/status',
    );
    assert.equal(status.watching, true);
    assert.equal(status.dir, join(dir, 'inbox'));
    assert.equal(status.batches[0]!.id, cliBatch);
    const list = await api<{ batches: Array<{ id: number; origin: string }> }>('/api/admin/batches?limit=5');
    assert.deepEqual(list.batches[0], { ...list.batches[0], id: cliBatch, origin: 'cli' });
    for (const bad of ['?limit=0', '?limit=abc', '?limit=100000']) {
      const body = await api<ErrorJson>(`/api/admin/batches${bad}`, {}, 400);
      assert.equal(body.error.code, 'bad_request');
    }
  });

  it('gives a batch report: documents, compilations, removed spans by rule', async () => {
    const report = await api<{
      origin: string;
      files: Array<{
        path: string;
        outcome: string;
        documents: Array<{ title: string; exists: boolean; removedByRule: object }>;
      }>;
    }>(`/api/admin/batches/${cliBatch}`);
    assert.equal(report.origin, 'cli');
    assert.equal(report.files.length, 2);
    assert.equal(report.files.find((f) => f.path.endsWith('003_f863d41575c9a514.txt'))!.documents.length, 12);
    assert.ok(report.files.every((f) => f.documents.every((d) => d.exists)));
    assert.equal((await api<ErrorJson>('/api/admin/batches/999999', {}, 404)).error.message, '批次不存在');
    assert.equal((await api<ErrorJson>('/api/admin/batches/abc', {}, 400)).error.code, 'bad_request');
    const page = await app.request(`/admin/batches/${cliBatch}`, { headers: BEARER });
    assert.equal(page.status, 200);
    const text = await page.text();
    assert.match(text, /新增文档（13）/);
    assert.match(text, /清理掉的内容/);
    assert.match(text, /href="\/documents\/\d+"/);
    assert.equal((await app.request('/admin/batches/x1', { headers: BEARER })).status, 400);
    assert.equal((await app.request('/admin/batches/999999', { headers: BEARER })).status, 404);
  });

  it('takes uploads into the library with progress, rejecting bad files with why; limits size and input', async () => {
    const job = await api<{ id: string; state: string; files: string[] }>(
      '/api/admin/uploads',
      {
        method: 'POST',
        body: form([
          ['全市理论宣讲.txt', readSeed('004_61eaccc42b378d20.txt')],
          ['图.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])],
        ]),
      },
      202,
    );
    assert.deepEqual(job.files, ['全市理论宣讲.txt', '图.txt']);
    let done: { state: string; batchId: number | null; filesDone: number; filesTotal: number } | null = null;
    await until('the upload is taken', async () => {
      done = await api(`/api/admin/uploads/${job.id}`);
      return done!.state === 'done';
    });
    assert.ok(done!.batchId !== null);
    assert.ok((await library.count('理论宣讲')) > 0, 'the upload is searchable');
    const report = await api<{
      origin: string;
      files: Array<{ path: string; outcome: string; reasonText: string | null }>;
    }>(`/api/admin/batches/${done!.batchId}`);
    assert.equal(report.origin, 'upload');
    assert.deepEqual(report.files.map((f) => [f.path, f.outcome]).sort(), [
      ['upload/全市理论宣讲.txt', 'stored'],
      ['upload/图.txt', 'rejected'],
    ]);
    assert.match(report.files.find((f) => f.outcome === 'rejected')!.reasonText!, /不是文本文件/);
    const jobPage = await app.request(`/admin/uploads/${job.id}`, { headers: BEARER });
    const jobHtml = await jobPage.text();
    assert.match(jobHtml, /查看批次报告/);
    // The site's content security policy allows no inline style or script: the page holds none.
    assert.doesNotMatch(jobHtml, /style="|<script>/);

    const none = await api<ErrorJson>('/api/admin/uploads', { method: 'POST', body: new FormData() }, 400);
    assert.equal(none.error.code, 'no_files');
    const big = await api<ErrorJson>(
      '/api/admin/uploads',
      { method: 'POST', body: form([['大.txt', new Uint8Array(300 * 1024)]]) },
      413,
    );
    assert.match(big.error.message, /上传的文件太大/);
    const bigPage = await app.request('/admin/upload', {
      method: 'POST',
      headers: BEARER,
      body: form([['大.txt', new Uint8Array(300 * 1024)]]),
    });
    assert.equal(bigPage.status, 413);
    assert.match(await bigPage.text(), /文件太大/);
    assert.equal((await api<ErrorJson>('/api/admin/uploads/nosuchjob', {}, 404)).error.code, 'not_found');
    assert.equal((await api<ErrorJson>('/api/admin/uploads/BAD!', {}, 400)).error.code, 'bad_request');

    // The page's form posts and lands on the job's page.
    const posted = await app.request('/admin/upload', {
      method: 'POST',
      headers: BEARER,
      body: form([['再一份.md', '# 标题\n\n正文一段，讲防汛抗旱工作的部署。\n']]),
    });
    assert.equal(posted.status, 303);
    assert.match(posted.headers.get('location')!, /^\/admin\/uploads\/[a-z0-9-]+$/);
  });

  it('deletes a document after confirming; it is gone from search at once, its compilation siblings stay', async () => {
    const docs = await library.list();
    const article = docs.find((d) => d.compilation !== null && d.compilation.position === 2)!;
    const sibling = docs.find((d) => d.compilation?.position === 3)!;
    assert.equal((await app.request(`/documents/${article.id}`)).status, 200, 'read (and cached) before');
    const confirm = await app.request(`/admin/delete?id=${article.id}`, { headers: BEARER });
    assert.equal(confirm.status, 200);
    const text = await confirm.text();
    assert.match(text, /确认删除/);
    assert.match(text, /其他文章保留/);
    const unconfirmed = await app.request(`/admin/documents/${article.id}/delete`, {
      method: 'POST',
      headers: BEARER,
      body: new URLSearchParams({}),
    });
    assert.equal(unconfirmed.status, 400);
    assert.ok(await library.show(article.id), 'not deleted without confirming');
    const deleted = await app.request(`/admin/documents/${article.id}/delete`, {
      method: 'POST',
      headers: BEARER,
      body: new URLSearchParams({ confirm: 'yes' }),
    });
    assert.equal(deleted.status, 200);
    assert.match(await deleted.text(), /已删除/);
    assert.equal(await library.show(article.id), null);
    assert.ok(!(await library.search(article.title, { scope: 'title' })).hits.some((h) => h.id === article.id));
    assert.ok(await library.show(sibling.id));
    // The reader's pages and API agree at once (their caches follow the library's generation).
    assert.equal((await app.request(`/documents/${article.id}`)).status, 404);
    assert.equal((await app.request(`/api/documents/${article.id}`)).status, 404);
    assert.equal((await app.request(`/documents/${sibling.id}`)).status, 200);
    const found = (await (await app.request(`/api/search?q=${encodeURIComponent(article.title)}`)).json()) as {
      hits: Array<{ id: number }>;
    };
    assert.ok(!found.hits.some((h) => h.id === article.id));
    // Its batch report names it as deleted.
    const report = await api<{ files: Array<{ documents: Array<{ id: number; exists: boolean }> }> }>(
      `/api/admin/batches/${cliBatch}`,
    );
    assert.equal(report.files.flatMap((f) => f.documents).find((d) => d.id === article.id)!.exists, false);

    const other = docs.find((d) => d.compilation === null)!;
    assert.deepEqual(await api(`/api/admin/documents/${other.id}`, { method: 'DELETE' }), {
      id: other.id,
      title: other.title,
      sources: 1,
      files: 1,
    });
    assert.equal(
      (await api<ErrorJson>(`/api/admin/documents/${other.id}`, { method: 'DELETE' }, 404)).error.code,
      'not_found',
    );
    assert.equal(
      (await api<ErrorJson>('/api/admin/documents/abc', { method: 'DELETE' }, 400)).error.code,
      'bad_request',
    );
    assert.equal((await app.request('/admin/delete?id=abc', { headers: BEARER })).status, 400);
    assert.equal((await app.request('/admin/delete?id=99999', { headers: BEARER })).status, 404);
  });

  it('describes its API in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    for (const path of [
      '/api/admin/status',
      '/api/admin/batches',
      '/api/admin/batches/{id}',
      '/api/admin/uploads',
      '/api/admin/uploads/{id}',
      '/api/admin/documents/{id}',
    ]) {
      assert.ok(doc.paths[path], path);
    }
  });
});
