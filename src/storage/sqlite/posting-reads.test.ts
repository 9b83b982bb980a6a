import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { Library } from '../../library.js';
import { decodeUnigrams } from '../../core/index/decode-unigrams.js';
import { readSeed } from '../../testing/shared-seeds.js';
import { parsedDocument, preparedFile } from '../../testing/store-contract.js';
import { tempDir } from '../../testing/temp-dir.js';
import { openSqliteStore } from './open-sqlite-store.js';

const dir = tempDir();

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
  for (let i = 0; i + 1 < text.length; i += 7) {
    grams.add(65536 + text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)).add(text.charCodeAt(i));
  }
  grams.add(65536 + '鎏'.charCodeAt(0) * 65536 + '鑫'.charCodeAt(0));
  const filtered = await store.postings([...grams]);
  await store.close();
  const db = new Database(path);
  const withFilters = db.prepare('SELECT COUNT(*) AS n FROM segments WHERE gram_filter IS NOT NULL').get();
  assert.equal((withFilters as { n: number }).n, 3);
  db.prepare('UPDATE segments SET gram_filter = NULL').run();
  db.close();
  const unfiltered = await openSqliteStore(path);
  assert.deepEqual(filtered, await unfiltered.postings([...grams]));
  await unfiltered.close();
});

it('finds what a merge brought into a segment whose filter and lists it had read (merges reuse ids)', async () => {
  const path = join(dir, 'filters-merge.db');
  const library = await Library.open(path);
  const words = ['春耕备耕', '夏粮收购', '秋冬种植', '冬季防火'];
  for (const [k, word] of words.entries()) {
    const one = join(dir, `filters-merge-${k}`);
    mkdirSync(one);
    // Four files of one size: the fourth ingest merges the four segments into one keeping the first's id.
    const text = `${word}工作总结\n\n今年我们扎实推进${word}工作，取得明显成效。\n\n下一步继续抓好${word}各项任务。\n`;
    writeFileSync(join(one, `${k}.txt`), text);
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

it('numbers segment ranges afresh when they run out, the list cache emptied: no list is read for another', async () => {
  const path = join(dir, 'ranges.db');
  // Four numbers: the fourth segment, then every merge, runs them out.
  const store = await openSqliteStore(path, { maxRangeNumbers: 4 });
  const grams = ['党', '建', '篇'].map((c) => c.charCodeAt(0));
  const read = async (from: typeof store): Promise<unknown> =>
    [...(await from.postings(grams))].map(([gram, blobs]) => [gram, decodeUnigrams(blobs)]);
  for (let i = 0; i < 14; i++) {
    const doc = parsedDocument(`第${i}篇`, [`第${i}篇讲党建${'工作'.repeat(i)}。`, '一、党建引领']);
    await store.writeBatch([preparedFile(`r${i}.txt`, [doc])]);
    // Every list read through the cache (kept from the reads before), then again after the merges.
    for (const merge of [false, true]) {
      if (merge) await store.compact();
      const segments = (await store.segments()).length;
      const fresh = await openSqliteStore(path);
      const where = `batch ${i}${merge ? ', merged' : ''}: ${segments} segments`;
      assert.deepEqual(await read(store), await read(fresh), where);
      await fresh.close();
    }
  }
  await store.close();
});
