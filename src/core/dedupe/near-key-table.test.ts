import assert from 'node:assert/strict';
import { it } from 'node:test';
import { MINHASH_BINS } from './fingerprint.js';
import { NearKeyTable } from './near-key-table.js';

const sketchOf = (seed: number): Uint32Array =>
  Uint32Array.from({ length: MINHASH_BINS }, (_, k) => (seed * 7919 + k * 104729) >>> 0);

it('keeps each row’s length and sketch apart, unknown ones as null, across growth', () => {
  const table = new NearKeyTable();
  // Past the first capacity (1024 rows) twice, every fifth row without a length, every seventh without a sketch.
  const rows = 3000;
  for (let r = 0; r < rows; r++)
    assert.equal(table.add(r % 5 === 0 ? null : 100 + r, r % 7 === 0 ? null : sketchOf(r)), r);
  assert.equal(table.size, rows);
  for (let r = 0; r < rows; r++) {
    assert.equal(table.length(r), r % 5 === 0 ? null : 100 + r);
    const sketch = table.sketch(r);
    if (r % 7 === 0) assert.equal(sketch, null);
    else assert.deepEqual([...sketch!], [...sketchOf(r)]);
  }
  // A sketch kept later (a document first compared after it was stored) leaves its neighbours alone.
  table.setSketch(14, sketchOf(99));
  assert.deepEqual([...table.sketch(14)!], [...sketchOf(99)]);
  assert.deepEqual([...table.sketch(13)!], [...sketchOf(13)]);
  assert.deepEqual([...table.sketch(15)!], [...sketchOf(15)]);
  assert.throws(() => table.setSketch(1, new Uint32Array(3)), /64 bins, not 3/);
  // From the bytes a sketch is stored as (a Buffer's, at any offset): the same words.
  const stored = Buffer.concat([Buffer.from([7]), Buffer.from(sketchOf(42).buffer)]).subarray(1);
  table.setSketchBytes(7, stored);
  assert.deepEqual([...table.sketch(7)!], [...sketchOf(42)]);
  assert.deepEqual([...table.sketch(8)!], [...sketchOf(8)]);
  assert.throws(() => table.setSketchBytes(1, new Uint8Array(10)), /256 bytes, not 10/);
});
