import assert from 'node:assert/strict';
import { it } from 'node:test';
import { UnitTextCache, type UnitTextSource } from './unit-text-cache.js';

/** A source of unit texts `单元<id>` that records which ids it was asked for. */
function countingSource(): UnitTextSource & { asked: number[][] } {
  const asked: number[][] = [];
  return {
    asked,
    async unitTexts(ids) {
      asked.push([...ids]);
      return new Map(ids.filter((id) => id !== 404).map((id) => [id, `单元${id}`]));
    },
  };
}

it('reads only the units it does not hold, and answers the rest from memory', async () => {
  const source = countingSource();
  const cache = new UnitTextCache(source);
  assert.deepEqual(
    [...(await cache.unitTexts([1, 2, 3]))],
    [
      [1, '单元1'],
      [2, '单元2'],
      [3, '单元3'],
    ],
  );
  const again = await cache.unitTexts([2, 3, 4]);
  assert.deepEqual(source.asked, [[1, 2, 3], [4]]);
  assert.deepEqual([...again.keys()].sort(), [2, 3, 4]);
  assert.equal(again.get(4), '单元4');
});

it('leaves out units the source does not have, and asks for them again next time', async () => {
  const source = countingSource();
  const cache = new UnitTextCache(source);
  assert.equal((await cache.unitTexts([404])).size, 0);
  await cache.unitTexts([404]);
  assert.deepEqual(source.asked, [[404], [404]]);
});

it('keeps at most its size in characters, and nothing after clear', async () => {
  const source = countingSource();
  // Each text is 3 characters: room for two.
  const cache = new UnitTextCache(source, 6);
  await cache.unitTexts([1, 2, 3]);
  await cache.unitTexts([1]);
  assert.deepEqual(source.asked.at(-1), [1], 'the oldest unit was dropped');
  await cache.unitTexts([3]);
  assert.equal(source.asked.length, 2, 'the newest stayed');
  cache.clear();
  await cache.unitTexts([3]);
  assert.deepEqual(source.asked.at(-1), [3]);
});
