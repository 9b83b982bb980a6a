import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { Library } from '../../library.js';
import { SearchEngine } from '../../core/search/search-engine.js';
import { batchesAsBeforeSchema11 } from '../../testing/batches-as-before-schema11.js';
import { titlesAsBeforeSchema10 } from '../../testing/titles-as-before-schema10.js';
import { nearKeysAsBeforeSchema7 } from '../../testing/near-keys-as-before-schema7.js';
import { readSeed } from '../../testing/shared-seeds.js';
import { oldLibrary, oldMeta } from '../../testing/old-library.js';
import { tempDir } from '../../testing/temp-dir.js';
import { openSqliteStore } from './open-sqlite-store.js';

const dir = tempDir();

it('rebuilds the index of a library from schema version 1, keeping every document', async () => {
  const path = join(dir, 'v1.db');
  const db = oldLibrary(path, 1);
  const meta = oldMeta(['opening', 'body']);
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, file_id, title, raw_title, tags, free_chars, exact, band0, band1, band2, band3,
       unit_lo, unit_count, meta, created_at)
     VALUES (?, 1, ?, ?, '[]', ?, ?, 0, 0, 0, 0, ?, 3, ?, '2026-01-01')`,
  );
  const insertUnit = db.prepare('INSERT INTO units (id, doc_id, ord, text) VALUES (?, ?, ?, ?)');
  // Units 3..5 belonged to a duplicate and were never stored: version 1 left gaps in unit ids.
  [
    { id: 1, lo: 0, title: '春季防汛工作汇报', texts: ['今年防汛形势严峻。', '我们开展宣讲活动十二场。'], free: null },
    { id: 2, lo: 6, title: '党建工作总结', texts: ['抓党建促发展。', '付费部分讲宣讲品牌。'], free: 8 },
  ].forEach((d) => {
    insertDoc.run(d.id, d.title, d.title, d.free, `e${d.id}`, d.lo, meta);
    [d.title, ...d.texts].forEach((t, ord) => insertUnit.run(d.lo + ord, d.id, ord, t));
  });
  db.close();

  const store = await openSqliteStore(path);
  const engine = new SearchEngine(store);
  await engine.refresh();
  assert.equal(await engine.count('宣讲'), 2);
  // Both second paragraphs are paid: one after its marker, one past the default free share.
  assert.equal(await engine.count('宣讲', { access: 'free' }), 0);
  assert.equal(await engine.count('防汛', { access: 'free' }), 1);
  assert.equal(await engine.count('党建', { scope: 'title' }), 1);
  const result = await engine.search('宣讲品牌');
  assert.deepEqual(
    result.hits.map((h) => h.id),
    [2],
  );
  assert.equal((await store.getDocument(2))!.parsed.paragraphs[1]!.text, '付费部分讲宣讲品牌。');
  assert.equal((await store.listDocuments()).length, 2);
  await store.close();
});

const OLD_FORMATS = [
  [3, 'bigram entries without byte lengths'],
  [4, 'long bigram entries without zone counts'],
  [5, 'unigram entries without heading counts'],
  [8, 'short bigram entries without heading bits'],
] as const;

for (const [version, format] of OLD_FORMATS) {
  it(`rebuilds a schema ${version} index (${format}) on open, with the same answers`, async () => {
    const path = join(dir, `v${version}.db`);
    const library = await Library.open(path);
    const files = join(dir, `v${version}-files`);
    mkdirSync(files);
    for (const name of ['001_c0d31f7370abdfb5.txt', '004_61eaccc42b378d20.txt']) {
      writeFileSync(join(files, name), readSeed(name));
    }
    await library.ingest([files]);
    // A near-duplicate found at write time, in one batch with new documents: its units leave a gap in the unit
    // ids before theirs, which the rebuild must close.
    const more = join(dir, `v${version}-more`);
    mkdirSync(more);
    const near = readSeed('004_61eaccc42b378d20.txt').replace('大胆探索、勇于创新', '大胆探索、敢于创新');
    writeFileSync(join(more, 'a-near.txt'), near);
    for (const name of ['000_519bf36544b22e16.txt', '002_9b796a64e49f5dc7.txt', '003_f863d41575c9a514.txt']) {
      writeFileSync(join(more, `b-${name}`), readSeed(name));
    }
    assert.equal((await library.ingest([more], { batchBytes: 1 << 22 })).nearDuplicates, 1);
    const queries = ['主题教育', '调查研究', '党', '以学铸魂', '学习', '防汛'];
    const before = await Promise.all(queries.map((q) => library.search(q)));
    await library.close();
    // As that schema left it: an older posting format, which this sucai must not read.
    const db = new Database(path);
    const gaps = db
      .prepare(
        `SELECT COUNT(*) AS n FROM documents d
         WHERE d.unit_lo > (SELECT COALESCE(SUM(unit_count), 0) FROM documents e WHERE e.id < d.id)`,
      )
      .get() as { n: number };
    assert.ok(gaps.n > 0, 'the library has a gap in its unit ids');
    db.pragma(`user_version = ${version}`);
    if (version < 4) db.prepare('ALTER TABLE segments DROP COLUMN gram_filter').run();
    // Near-duplicate keys lived in documents (indexed there) before schema 7.
    if (version < 7) nearKeysAsBeforeSchema7(db);
    batchesAsBeforeSchema11(db);
    titlesAsBeforeSchema10(db);
    db.prepare('UPDATE postings SET data = zeroblob(length(data))').run();
    db.close();
    const reopened = await Library.open(path);
    assert.deepEqual(await Promise.all(queries.map((q) => reopened.search(q))), before);
    assert.ok(before[0]!.total > 0 && before[4]!.total > 0);
    await reopened.close();
  });
}
