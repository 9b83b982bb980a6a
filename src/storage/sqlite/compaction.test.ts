import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { decodeUnigrams } from '../../core/index/decode-unigrams.js';
import type { SegmentHeader } from '../../core/index/contracts.js';
import { parsedDocument, preparedFile } from '../../testing/store-contract.js';
import { tempDir } from '../../testing/temp-dir.js';
import { openSqliteStore } from './open-sqlite-store.js';

const dir = tempDir();

it('merges four similar segments into the first one’s id, their columns and postings joined in order', async () => {
  const store = await openSqliteStore(join(dir, 'compact.db'));
  const write = (i: number) =>
    store.writeBatch([preparedFile(`c${i}.txt`, [parsedDocument(`第${i}篇`, [`第${i}篇讲党建。`, '一、党建引领'])])]);
  for (let i = 0; i < 3; i++) await write(i);
  await store.compact();
  assert.equal((await store.segments()).length, 3, 'three segments are not merged');
  await write(3);
  const before = await store.segments();
  const gram = '党'.charCodeAt(0);
  const postingsBefore = decodeUnigrams((await store.postings([gram])).get(gram)!);
  await store.compact();
  const after = await store.segments();
  assert.equal(after.length, 1);
  const [merged] = after as [SegmentHeader];
  assert.equal(merged.id, before[0]!.id);
  assert.deepEqual(
    [merged.unitLo, merged.unitHi, merged.slotLo, merged.slotHi],
    [before[0]!.unitLo, before[3]!.unitHi, before[0]!.slotLo, before[3]!.slotHi],
  );
  const columns = ['unitDoc', 'unitMeta', 'unitPaidFrom', 'unitLength', 'slotUnitLo'] as const;
  for (const column of columns) {
    assert.deepEqual(
      [...merged[column]],
      before.flatMap((h) => [...h[column]]),
      column,
    );
  }
  const postingsAfter = decodeUnigrams((await store.postings([gram])).get(gram)!);
  assert.equal(postingsAfter.length, 4);
  assert.deepEqual(
    [...postingsAfter.slots.subarray(0, postingsAfter.length)],
    [...postingsBefore.slots.subarray(0, postingsBefore.length)],
  );
  await store.close();
});
