import assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { Library } from '../../library.js';
import { ingestPaths } from '../../ingest/ingest.js';
import { seedFiles, seedsDir } from '../../testing/shared-seeds.js';
import { runStoreContract } from '../../testing/store-contract.js';
import { oldLibrary, oldMeta } from '../../testing/old-library.js';
import { tempDir } from '../../testing/temp-dir.js';
import { openSqliteStore } from './open-sqlite-store.js';

const dir = tempDir();
let n = 0;
runStoreContract('sqlite', () => openSqliteStore(join(dir, `contract-${n++}.db`)));

it('refuses a library written by a newer sucai, naming the file', async () => {
  const path = join(dir, 'future.db');
  await (await openSqliteStore(path)).close();
  const db = new Database(path);
  db.pragma('user_version = 99');
  db.close();
  await assert.rejects(openSqliteStore(path), /future\.db: library schema version 99 is newer/);
});

it('closes the unit gaps duplicates left in a schema 2 library, so later writes and snippets line up', async () => {
  const path = join(dir, 'v2.db');
  const db = oldLibrary(path, 2);
  const meta = oldMeta(['body']);
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, file_id, title, raw_title, tags, free_chars, exact, band0, band1, band2, band3,
       unit_lo, unit_count, meta, created_at)
     VALUES (?, 1, ?, ?, '[]', NULL, ?, 0, 0, 0, 0, ?, 2, ?, '2026-01-01')`,
  );
  const insertUnit = db.prepare('INSERT INTO units (id, doc_id, ord, text) VALUES (?, ?, ?, ?)');
  // Units 2..4 were a duplicate's (dead in its segment, never stored).
  [
    { id: 1, lo: 0, title: '春季防汛工作汇报', text: '今年防汛形势严峻。' },
    { id: 2, lo: 5, title: '党建工作总结', text: '抓党建促发展。' },
  ].forEach((d) => {
    insertDoc.run(d.id, d.title, d.title, `e${d.id}`, d.lo, meta);
    [d.title, d.text].forEach((t, ord) => insertUnit.run(d.lo + ord, d.id, ord, t));
  });
  db.close();

  const library = await Library.open(path);
  const files = join(dir, 'v2-new');
  mkdirSync(files);
  writeFileSync(join(files, 'new.txt'), '秋季防汛工作总结\n\n今年秋汛来得早，我们提前部署防汛物资和值守力量。\n');
  assert.equal((await library.ingest([files])).documents, 1);
  const found = await library.search('防汛');
  assert.deepEqual(found.hits.map((h) => h.id).sort(), [1, 3]);
  const dang = await library.search('促发展');
  assert.deepEqual(
    dang.hits.map((h) => h.snippets[0]?.text),
    ['抓党建促发展。'],
  );
  await library.close();
});

it("leaves the write-ahead log to the writer's checkpoint: commits do not fold it in, checkpoint() does", async () => {
  const path = join(dir, 'checkpoint.db');
  const store = await openSqliteStore(path);
  // Pages of the library as a reader sees it, against the pages its main file holds.
  const pages = (): { seen: number; inFile: number } => {
    const db = new Database(path, { readonly: true });
    const seen = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    return { seen, inFile: statSync(path).size / pageSize };
  };
  const paths = seedFiles().map((f) => join(seedsDir(), f));
  const summary = await ingestPaths(store, paths, { workers: false, deferCompaction: true });
  assert.ok(summary.documents > 0);
  const written = pages();
  const inLog = `the batches' pages wait in the log (${written.inFile} of ${written.seen} in the file)`;
  assert.ok(written.inFile < written.seen, inLog);
  await store.checkpoint();
  const folded = pages();
  assert.equal(folded.inFile, folded.seen);
  await store.close();
});
