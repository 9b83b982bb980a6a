import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { Library } from '../../library.js';
import { ingestPaths } from '../../ingest/ingest.js';
import { prepareBatch } from '../../ingest/prepare-batch.js';
import { readSeed, seedFiles, seedsDir } from '../../testing/shared-seeds.js';
import { tempDir } from '../../testing/temp-dir.js';
import { SearchEngine } from '../../core/search/search-engine.js';
import { decodeUnigrams } from '../../core/index/decode-unigrams.js';
import { parsedDocument, preparedFile, runStoreContract } from '../store-contract.js';
import { MIGRATIONS } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';

/** Near-duplicate keys as libraries before schema 7 held them: in documents, indexed there, no near_keys table. */
function nearKeysAsBeforeSchema7(db: Database.Database): void {
  db.exec(
    'DROP TABLE near_keys; CREATE INDEX documents_band0 ON documents(band0); CREATE INDEX documents_band1 ON documents(band1); CREATE INDEX documents_band2 ON documents(band2); CREATE INDEX documents_band3 ON documents(band3)',
  );
}

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

it('rebuilds the index of a library from schema version 1, keeping every document', async () => {
  const path = join(dir, 'v1.db');
  const db = new Database(path);
  db.exec(MIGRATIONS[0]!.sql);
  db.pragma('user_version = 1');
  db.prepare(
    "INSERT INTO files (id, sha256, path, encoding, format, bytes, ingested_at) VALUES (1, 'x', 'a.txt', 'utf-8', 'text', x'00', '2026-01-01')",
  ).run();
  const meta = JSON.stringify({
    outline: [],
    placeholders: [],
    restorations: [],
    removed: [],
    roles: ['opening', 'body'],
    levels: [null, null],
  });
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, file_id, title, raw_title, tags, free_chars, exact, band0, band1, band2, band3, unit_lo, unit_count, meta, created_at)
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
  assert.equal(await engine.count('宣讲', { access: 'free' }), 1);
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

it('closes the unit gaps duplicates left in a schema 2 library, so later writes and snippets line up', async () => {
  const path = join(dir, 'v2.db');
  const db = new Database(path);
  db.exec(MIGRATIONS[0]!.sql);
  db.exec(MIGRATIONS[1]!.sql);
  db.pragma('user_version = 2');
  db.prepare(
    "INSERT INTO files (id, sha256, path, encoding, format, bytes, ingested_at) VALUES (1, 'x', 'a.txt', 'utf-8', 'text', x'00', '2026-01-01')",
  ).run();
  const meta = JSON.stringify({
    outline: [],
    placeholders: [],
    restorations: [],
    removed: [],
    roles: ['body'],
    levels: [null],
  });
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, file_id, title, raw_title, tags, free_chars, exact, band0, band1, band2, band3, unit_lo, unit_count, meta, created_at)
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

it('finds near-duplicates of documents stored before their text length and sketch were kept (read from their text)', async () => {
  const seedsDir = join(dir, 'near-seeds');
  mkdirSync(join(seedsDir, 'a'), { recursive: true });
  mkdirSync(join(seedsDir, 'b'), { recursive: true });
  const text = readSeed('004_61eaccc42b378d20.txt');
  writeFileSync(join(seedsDir, 'a', 'original.txt'), text);
  writeFileSync(join(seedsDir, 'b', 'near.txt'), text.replace('大胆探索、勇于创新', '大胆探索、敢于创新'));
  const path = join(dir, 'old-lengths.db');
  const library = await Library.open(path);
  assert.equal((await library.ingest([join(seedsDir, 'a')])).documents, 1);
  await library.close();
  // As a schema 6 library migrated from before schema 3 holds them: no length for documents stored before,
  // and the near-duplicate keys in documents; migration 7 moves them to near_keys, without sketches.
  const db = new Database(path);
  db.prepare('UPDATE documents SET text_length = NULL').run();
  nearKeysAsBeforeSchema7(db);
  db.pragma('user_version = 6');
  db.close();
  const reopened = await Library.open(path);
  const summary = await reopened.ingest([join(seedsDir, 'b')]);
  assert.deepEqual([summary.documents, summary.nearDuplicates], [0, 1]);
  const migrated = new Database(path);
  // The stored document got its sketch when it was first a candidate.
  assert.equal(
    (migrated.prepare('SELECT COUNT(*) AS n FROM near_keys WHERE minhash IS NOT NULL').get() as { n: number }).n,
    1,
  );
  migrated.close();
  await reopened.close();
});

for (const [version, format] of [
  [3, 'bigram entries without byte lengths'],
  [4, 'long bigram entries without zone counts'],
  [5, 'unigram entries without heading counts'],
  [8, 'short bigram entries without heading bits'],
] as const) {
  it(`rebuilds a schema ${version} index (${format}) on open, with the same answers`, async () => {
    const path = join(dir, `v${version}.db`);
    const library = await Library.open(path);
    const files = join(dir, `v${version}-files`);
    mkdirSync(files);
    for (const name of ['001_c0d31f7370abdfb5.txt', '004_61eaccc42b378d20.txt'])
      writeFileSync(join(files, name), readSeed(name));
    await library.ingest([files]);
    // A near-duplicate found at write time, in one batch with new documents: its units leave a gap in the unit
    // ids before theirs, which the rebuild must close.
    const more = join(dir, `v${version}-more`);
    mkdirSync(more);
    writeFileSync(
      join(more, 'a-near.txt'),
      readSeed('004_61eaccc42b378d20.txt').replace('大胆探索、勇于创新', '大胆探索、敢于创新'),
    );
    for (const name of ['000_519bf36544b22e16.txt', '002_9b796a64e49f5dc7.txt', '003_f863d41575c9a514.txt'])
      writeFileSync(join(more, `b-${name}`), readSeed(name));
    assert.equal((await library.ingest([more], { batchBytes: 1 << 22 })).nearDuplicates, 1);
    const queries = ['主题教育', '调查研究', '党', '以学铸魂', '学习', '防汛'];
    const before = await Promise.all(queries.map((q) => library.search(q)));
    await library.close();
    // As that schema left it: an older posting format, which this sucai must not read.
    const db = new Database(path);
    const gaps = db
      .prepare(
        'SELECT COUNT(*) AS n FROM documents d WHERE d.unit_lo > (SELECT COALESCE(SUM(unit_count), 0) FROM documents e WHERE e.id < d.id)',
      )
      .get() as { n: number };
    assert.ok(gaps.n > 0, 'the library has a gap in its unit ids');
    db.pragma(`user_version = ${version}`);
    if (version < 4) db.prepare('ALTER TABLE segments DROP COLUMN gram_filter').run();
    // Near-duplicate keys lived in documents (indexed there) before schema 7.
    if (version < 7) nearKeysAsBeforeSchema7(db);
    db.prepare('UPDATE postings SET data = zeroblob(length(data))').run();
    db.close();
    const reopened = await Library.open(path);
    assert.deepEqual(await Promise.all(queries.map((q) => reopened.search(q))), before);
    assert.ok(before[0]!.total > 0 && before[4]!.total > 0);
    await reopened.close();
  });
}

it('skips segments by their gram filters without losing a posting', async () => {
  const path = join(dir, 'filters.db');
  const library = await Library.open(path);
  const names = ['000_519bf36544b22e16.txt', '002_9b796a64e49f5dc7.txt', '003_f863d41575c9a514.txt'];
  // One ingest per file: one segment each (no merge below four).
  for (const name of names) {
    const one = join(dir, `filters-${name}`);
    mkdirSync(one);
    writeFileSync(join(one, name), readSeed(name));
    await library.ingest([one]);
  }
  await library.close();
  const store = await openSqliteStore(path);
  const text = names.map(readSeed).join('');
  const grams = new Set<number>();
  for (let i = 0; i + 1 < text.length; i += 7)
    grams.add(65536 + text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)).add(text.charCodeAt(i));
  grams.add(65536 + '鎏'.charCodeAt(0) * 65536 + '鑫'.charCodeAt(0));
  const filtered = await store.postings([...grams]);
  await store.close();
  const db = new Database(path);
  assert.equal(
    (db.prepare('SELECT COUNT(*) AS n FROM segments WHERE gram_filter IS NOT NULL').get() as { n: number }).n,
    3,
  );
  db.prepare('UPDATE segments SET gram_filter = NULL').run();
  db.close();
  const unfiltered = await openSqliteStore(path);
  assert.deepEqual(filtered, await unfiltered.postings([...grams]));
  await unfiltered.close();
});

it('keeps finding what a merge brought into a segment whose filter and lists it had read before (merges reuse ids)', async () => {
  const path = join(dir, 'filters-merge.db');
  const library = await Library.open(path);
  const words = ['春耕备耕', '夏粮收购', '秋冬种植', '冬季防火'];
  for (const [k, word] of words.entries()) {
    const one = join(dir, `filters-merge-${k}`);
    mkdirSync(one);
    // Four files of one size: the fourth ingest merges the four segments into one keeping the first's id.
    writeFileSync(
      join(one, `${k}.txt`),
      `${word}工作总结\n\n今年我们扎实推进${word}工作，取得明显成效。\n\n下一步继续抓好${word}各项任务。\n`,
    );
    await library.ingest([one]);
    // Searches after every ingest: the store has read the filters of every segment there was, and the
    // lists (or their absence) of every word in them.
    for (const [j, w] of words.entries()) assert.equal(await library.count(w), j <= k ? 1 : 0, w);
  }
  // An ingest answers before it merges.
  await library.settle();
  const db = new Database(path);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM segments').get() as { n: number }).n, 1);
  db.close();
  for (const word of words) assert.equal(await library.count(word), 1, word);
  await library.close();
});

it("leaves the write-ahead log to the writer's checkpoint: a batch's commit does not fold it in, checkpoint() does", async () => {
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
  const summary = await ingestPaths(
    store,
    seedFiles().map((f) => join(seedsDir(), f)),
    { workers: false, deferCompaction: true },
  );
  assert.ok(summary.documents > 0);
  const written = pages();
  assert.ok(
    written.inFile < written.seen,
    `the batches' pages wait in the log (${written.inFile} of ${written.seen} in the file)`,
  );
  await store.checkpoint();
  const folded = pages();
  assert.equal(folded.inFile, folded.seen);
  await store.close();
});

it('finds near-duplicates of documents another connection stored after its band index was read, and none of a batch rolled back', async () => {
  const path = join(dir, 'bands.db');
  const text = readSeed('004_61eaccc42b378d20.txt');
  const raw = (name: string, body: string) => ({
    path: name,
    bytes: Buffer.from(body),
    sha256: createHash('sha256').update(body).digest('hex'),
  });
  const writer = await openSqliteStore(path);
  const other = await openSqliteStore(path);
  // The writer reads its band index with its first batch.
  const first = await prepareBatch([raw('first.txt', readSeed('001_c0d31f7370abdfb5.txt'))]);
  assert.equal((await writer.writeBatch(first.prepared, first.segment!))[0]!.documents[0]!.kind, 'new');
  // Another connection stores the original; the writer's next batch holds a near-duplicate of it.
  const original = await prepareBatch([raw('original.txt', text)]);
  await other.writeBatch(original.prepared, original.segment!);
  // Every paragraph that could be keyed ends in other punctuation, so no paragraph key leads to the original:
  // only its SimHash bands do.
  const edited = text
    .split('\n')
    .map((line) => (line.length >= 30 ? line.slice(0, -1) + (line.endsWith('。') ? '；' : '。') : line));
  const near = await prepareBatch([raw('near.txt', edited.join('\n'))]);
  const [outcome] = await writer.writeBatch(near.prepared, near.segment!);
  assert.deepEqual(
    outcome!.documents.map((d) => [d.kind, d.kind === 'duplicate' && d.near]),
    [['duplicate', true]],
  );
  // A batch that fails after its documents were inserted is rolled back, bands and all: a near-duplicate
  // of its document is then a new document, not a source of one that does not exist.
  const lost = readSeed('002_9b796a64e49f5dc7.txt');
  const failing = await prepareBatch([raw('lost.txt', lost)]);
  await assert.rejects(writer.writeBatch(failing.prepared, first.segment!), /segment holds/);
  const again = await prepareBatch([raw('lost-near.txt', lost.replace('精心谋划', '周密谋划'))]);
  assert.equal((await writer.writeBatch(again.prepared, again.segment!))[0]!.documents[0]!.kind, 'new');
  await other.close();
  await writer.close();
});

it('numbers segment ranges afresh when the numbers run out, with the list cache emptied: no list is read for another range', async () => {
  const path = join(dir, 'ranges.db');
  // Four numbers: the fourth segment, then every merge, runs them out.
  const store = await openSqliteStore(path, { maxRangeNumbers: 4 });
  const grams = ['党', '建', '篇'].map((c) => c.charCodeAt(0));
  const read = async (from: typeof store): Promise<unknown> =>
    [...(await from.postings(grams))].map(([gram, blobs]) => [gram, decodeUnigrams(blobs)]);
  for (let i = 0; i < 14; i++) {
    await store.writeBatch([
      preparedFile(`r${i}.txt`, [parsedDocument(`第${i}篇`, [`第${i}篇讲党建${'工作'.repeat(i)}。`, '一、党建引领'])]),
    ]);
    // Every list read through the cache (kept from the reads before), then again after the merges.
    for (const merge of [false, true]) {
      if (merge) await store.compact();
      const segments = (await store.segments()).length;
      const fresh = await openSqliteStore(path);
      assert.deepEqual(
        await read(store),
        await read(fresh),
        `batch ${i}${merge ? ', merged' : ''}: ${segments} segments`,
      );
      await fresh.close();
    }
  }
  await store.close();
});
