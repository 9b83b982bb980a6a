import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { Library } from '../../library.js';
import { oldLibrary, oldMeta } from '../../testing/old-library.js';
import { tempDir } from '../../testing/temp-dir.js';

const dir = tempDir();

it('gives a schema 9 library its compilation places, its own sources’ titles and compilation titles to search', async () => {
  const path = join(dir, 'v9.db');
  const db = oldLibrary(path, 9);
  const insertFile = db.prepare(
    `INSERT INTO files (id, sha256, path, encoding, format, bytes, ingested_at)
     VALUES (?, ?, ?, 'utf-8', 'text', x'00', '2026-01-01')`,
  );
  insertFile.run(2, 'y', 'set.txt');
  insertFile.run(3, 'z', 'repost.html');
  db.prepare(
    "INSERT INTO compilations (id, file_id, title, raw_title, declared_count) VALUES (1, 2, '防汛材料汇编（3篇）', '防汛材料汇编（3篇）', 3)",
  ).run();
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, file_id, compilation_id, title, raw_title, year, published_at, tags, free_chars,
       exact, band0, band1, band2, band3, unit_lo, unit_count, meta, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '[]', NULL, ?, 0, 0, 0, 0, ?, 2, ?, '2026-01-01')`,
  );
  const insertUnit = db.prepare('INSERT INTO units (id, doc_id, ord, text) VALUES (?, ?, ?, ?)');
  const insertSource = db.prepare('INSERT INTO document_sources (document_id, file_id, near) VALUES (?, ?, ?)');
  const docs = [
    { id: 1, file: 1, compilation: null, title: '春季防汛工作汇报', text: '今年防汛形势严峻，提前部署。' },
    { id: 2, file: 2, compilation: 1, title: '抓好值守', text: '落实二十四小时值班制度。' },
    { id: 3, file: 2, compilation: 1, title: '备足物资', text: '仓库储备沙袋和冲锋舟。' },
  ];
  for (const d of docs) {
    const lo = (d.id - 1) * 2;
    insertDoc.run(d.id, d.file, d.compilation, d.title, d.title, 2024, '2024-04-01', `e${d.id}`, lo, oldMeta(['body']));
    [d.title, d.text].forEach((t, ord) => insertUnit.run(lo + ord, d.id, ord, t));
  }
  // In the order older writers linked them: each file's articles in turn, a duplicate where it stood.
  insertSource.run(1, 1, 0);
  insertSource.run(2, 2, 0);
  insertSource.run(3, 2, 0);
  insertSource.run(1, 2, 0);
  insertSource.run(1, 3, 1);
  db.close();

  const library = await Library.open(path);
  const place = (position: number) => ({ id: 1, title: '防汛材料汇编（3篇）', position, count: 3 });
  assert.deepEqual(
    (await library.list()).map((d) => d.compilation),
    [null, place(1), place(2)],
  );
  const first = (await library.show(1))!;
  assert.deepEqual(
    first.sources.map((s) => [s.path, s.title, s.year, s.compilation]),
    [
      ['a.txt', '春季防汛工作汇报', 2024, null],
      ['set.txt', null, null, place(3)],
      // A repost's title was not kept before: unknown, not made up.
      ['repost.html', null, null, null],
    ],
  );
  // The compilation's title finds its articles, document 1 (its third) among them.
  const found = await library.search('材料汇编');
  assert.deepEqual(found.hits.map((h) => h.id).sort(), [1, 2, 3]);
  assert.ok(found.hits.every((h) => h.snippets[0]!.kind === 'compilation'));
  assert.deepEqual(found.hits.find((h) => h.id === 3)!.compilation, place(2));
  assert.equal((await library.search('防汛')).total, 3);
  await library.close();
});
