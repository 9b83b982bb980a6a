import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { it } from 'node:test';
import { Library } from '../library.js';
import { seedsDir } from '../testing/shared-seeds.js';
import { tempDir } from '../testing/temp-dir.js';
import { IngestThread } from './ingest-thread.js';

const dir = tempDir();

it('ingests in a thread of its own: progress relayed, documents searchable from the calling thread', async () => {
  const library = await Library.open(join(dir, 'thread.db'));
  const seen: number[] = [];
  let searchesMeanwhile = 0;
  let finished = false;
  const ingest = library
    .ingest([seedsDir()], { onProgress: (p) => seen.push(p.filesDone) })
    .finally(() => (finished = true));
  while (!finished) {
    await library.search('党建');
    searchesMeanwhile++;
    await new Promise((r) => setImmediate(r));
  }
  const summary = await ingest;
  assert.equal(summary.documents, 16);
  assert.equal(seen[seen.length - 1], summary.files);
  assert.ok(searchesMeanwhile > 0);
  assert.ok((await library.count('党建')) > 0);
  await library.close();
});

it('reports a library the thread cannot open, naming it, and tries afresh on the next ingest', async () => {
  const thread = new IngestThread(dir);
  for (let k = 0; k < 2; k++)
    await assert.rejects(
      thread.ingest([seedsDir()]),
      (e: Error) => e.message.includes(dir) && /cannot open the library/.test(e.message),
    );
  assert.equal(thread.started, 1);
  await thread.close();
});

it('keeps one thread for every ingest of a library, answers before merging, and merges before the next ingest', async () => {
  const path = join(dir, 'kept.db');
  const library = await Library.open(path);
  const words = ['春耕备耕', '夏粮收购', '秋冬种植', '冬季防火', '元旦慰问'];
  for (const [k, word] of words.entries()) {
    const one = join(dir, `kept-${k}`);
    mkdirSync(one);
    writeFileSync(join(one, `${k}.txt`), `${word}工作总结\n\n今年我们扎实推进${word}工作，取得明显成效。\n`);
    const summary = await library.ingest([one]);
    assert.equal(summary.documents, 1);
    // Searchable as soon as the ingest answers, whether or not its segments are merged yet.
    for (const w of words.slice(0, k + 1)) assert.equal(await library.count(w), 1, w);
  }
  assert.equal(library.ingestThreadsStarted, 1);
  await library.settle();
  // Four single-batch ingests of one size were merged into one segment; the fifth stands beside it.
  const db = new Database(path, { readonly: true });
  assert.deepEqual(
    (
      db.prepare('SELECT unit_hi - unit_lo AS units FROM segments ORDER BY unit_lo').all() as Array<{ units: number }>
    ).map((r) => r.units),
    [8, 2],
  );
  db.close();
  for (const word of words) assert.equal(await library.count(word), 1, word);
  await library.close();
});

it('warms up on the library’s latest files before the first ingest, writing nothing, and keeps that thread', async () => {
  const path = join(dir, 'warm.db');
  const empty = await Library.open(path);
  // An empty library has nothing to warm up on.
  assert.deepEqual({ ...(await empty.warmIngest()), ms: 0 }, { files: 0, documents: 0, ms: 0 });
  const summary = await empty.ingest([seedsDir()]);
  await empty.close();

  const library = await Library.open(path);
  const before = new Database(path, { readonly: true });
  const rows = (): { files: number; documents: number; segments: number } =>
    before
      .prepare(
        'SELECT (SELECT COUNT(*) FROM files) AS files, (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM segments) AS segments',
      )
      .get() as { files: number; documents: number; segments: number };
  const stored = rows();
  assert.equal(stored.files, summary.files - summary.rejected.length);
  const warmUp = await library.warmIngest();
  assert.equal(warmUp.files, stored.files);
  // Every seed file parsed again by the workers (the compilation's articles each a document).
  assert.equal(warmUp.documents, summary.documents + summary.duplicates);
  assert.deepEqual(rows(), stored);
  assert.equal(library.ingestThreadsStarted, 1);
  const more = join(dir, 'warm-more');
  mkdirSync(more);
  writeFileSync(join(more, 'new.txt'), '防汛抗旱工作总结\n\n今年汛期我们全力做好防汛抗旱各项工作。\n');
  assert.equal((await library.ingest([more])).documents, 1);
  assert.equal(library.ingestThreadsStarted, 1);
  assert.equal(await library.count('防汛抗旱'), 1);
  before.close();
  await library.close();
  // A file that is not a library: the warm-up says which and why.
  await assert.rejects(
    new IngestThread(dir).warm(),
    (e: Error) => e.message.includes(dir) && /cannot open the library/.test(e.message),
  );
});

it(
  'runs the ingest thread and its parse workers at the lowest priority, the calling thread at its own',
  { skip: process.platform !== 'linux' },
  async () => {
    // A thread's nice value is field 19 of /proc/self/task/<tid>/stat (counted from its pid, after the name).
    const niceOf = (tid: string): number => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    // A thread may end between the listing and its read: it is left out.
    const niceness = (): number[] =>
      readdirSync('/proc/self/task').flatMap((tid) => {
        try {
          return [niceOf(tid)];
        } catch {
          return [];
        }
      });
    const calling = niceOf(String(process.pid));
    const library = await Library.open(join(dir, 'nice.db'));
    // More than 50 files, so the ingest parses in workers.
    const files = join(dir, 'nice-files');
    mkdirSync(files);
    for (let i = 0; i < 60; i++)
      writeFileSync(
        join(files, `${i}.txt`),
        `关于第${i}次工作的总结\n\n${'一、主要工作\n今年以来，我们认真落实各项部署，推进重点工作。\n'.repeat(200)}`,
      );
    await library.ingest([files]);
    const all = niceness();
    await library.close();
    // The ingest thread and its pool's workers, one a core (see createParsePool).
    assert.ok(
      all.filter((n) => n === 19).length >= 1 + Math.max(1, availableParallelism()),
      `the ingest thread and its parse workers at nice 19: ${all.join(' ')}`,
    );
    assert.equal(niceOf(String(process.pid)), calling);
    assert.ok(calling < 19);
  },
);
