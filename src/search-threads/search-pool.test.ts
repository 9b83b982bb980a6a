import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { QuerySyntaxError } from '../core/search/query-syntax-error.js';
import { Library } from '../library.js';
import { runCli } from '../testing/run-cli.js';
import { tempDir } from '../testing/temp-dir.js';
import { DEMO_DIR } from '../web/server.js';

const dir = tempDir();
const dbPath = join(dir, 'pool.db');
let threaded: Library;
let plain: Library;

before(async () => {
  const setUp = await Library.open(dbPath);
  await setUp.ingest([DEMO_DIR], { thread: false });
  await setUp.close();
  threaded = await Library.open(dbPath);
  await threaded.searchInThreads(2);
  // The same file searched on the calling thread: what the threads must answer alike.
  plain = await Library.open(dbPath);
});

after(async () => {
  await threaded.close();
  await plain.close();
});

const QUERIES: Array<[string, Parameters<Library['search']>[1]]> = [
  ['工作', {}],
  ['工作 -通知', { access: 'free' }],
  ['高质量发展', { scope: 'outline' }],
  ['坚持', { scope: 'sentence', limit: 5, offset: 2 }],
  ['加强', { sort: 'newest', genre: '通知' }],
  ['学思想，强党性', { punctuation: 'any' }],
];

it('answers every query as the calling thread does: count, hits, order, snippets', async () => {
  assert.equal(threaded.searchThreads, 2);
  for (const [q, options] of QUERIES) {
    const [a, b] = await Promise.all([threaded.search(q, options), plain.search(q, options)]);
    assert.deepEqual(a, b, `${q} ${JSON.stringify(options)}`);
    assert.equal(await threaded.count(q, options), b.total);
  }
  assert.ok((await plain.count('工作')) > 0, 'the queries find something');
});

it('throws a malformed query as the QuerySyntaxError it is, on the calling thread', async () => {
  await assert.rejects(threaded.search('"未闭合'), (e: unknown) => e instanceof QuerySyntaxError);
  await assert.rejects(threaded.search('-只排除'), QuerySyntaxError);
});

it('finds what it ingests at once, and stops finding what it deletes', async () => {
  const file = join(dir, '关于线程检索同步的测试通知.txt');
  writeFileSync(file, '关于线程检索同步的测试通知\n\n检索线程应在入库返回之前看到新文档，删除之后立即不再命中。\n');
  await threaded.catchUp();
  const summary = await threaded.ingest([file]);
  assert.equal(summary.documents, 1);
  // Its own ingest is served already: the once-a-second catch-up must not refresh every engine for it again.
  assert.equal(await threaded.catchUp(), false, 'its own ingest is not taken as another process’s');
  // Every thread, not only the one asked first: as many searches at once as there are threads.
  const counts = await Promise.all([1, 2, 3, 4].map(() => threaded.count('检索线程应在入库')));
  assert.deepEqual(counts, [1, 1, 1, 1]);
  const [doc] = (await threaded.list()).filter((d) => d.title === '关于线程检索同步的测试通知');
  assert.ok(await threaded.deleteDocument(doc!.id));
  const after = await Promise.all([1, 2, 3, 4].map(() => threaded.count('检索线程应在入库')));
  assert.deepEqual(after, [0, 0, 0, 0]);
});

it('takes in another process’s ingest on catchUp, in every thread', async () => {
  await threaded.catchUp();
  const file = join(dir, '关于跨进程线程同步的测试通知.txt');
  writeFileSync(file, '关于跨进程线程同步的测试通知\n\n另一个进程写入的文档应被每个检索线程看到。\n');
  const r = runCli(['--db', dbPath, 'ingest', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(await threaded.catchUp(), true);
  const counts = await Promise.all([1, 2, 3, 4].map(() => threaded.count('每个检索线程看到')));
  assert.deepEqual(counts, [1, 1, 1, 1]);
  assert.equal(await threaded.catchUp(), false, 'nothing more was written');
  // Members' writes by another process (a new account here; recent reads, sessions) leave the documents be.
  assert.equal(runCli(['--db', dbPath, 'user', 'add', '读者甲'], {}, 'reader-password-1\n').status, 0);
  assert.equal(await threaded.catchUp(), false, 'an account is not a document');
});

it('passes over a search thread that died, and searches on the calling thread when none is left', async () => {
  const library = await Library.open(dbPath);
  await library.searchInThreads(2);
  const expected = await library.search('工作', { limit: 5 });
  assert.ok(expected.total > 0);
  // Failure injection: the pool's threads are private, reached here as a crash would reach them.
  const threads = (library as unknown as { pool: { threads: Array<{ worker: Worker }> } }).pool.threads;
  await threads[0]!.worker.terminate();
  assert.equal(library.searchThreads, 1);
  assert.deepEqual(await library.search('工作', { limit: 5 }), expected);
  await threads[1]!.worker.terminate();
  assert.equal(library.searchThreads, 0);
  assert.deepEqual(await library.search('工作', { limit: 5 }), expected);
  await library.close();
});
