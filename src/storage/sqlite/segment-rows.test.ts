import assert from 'node:assert/strict';
import { it } from 'node:test';
import { headerOf, typed } from './segment-rows.js';

it('copies a blob into a typed array of its own, whatever its offset in the driver’s buffer', () => {
  const words = Int32Array.from([7, -1, 1 << 30]);
  // At an odd offset in a larger buffer, as a driver's blob may lie: no Int32Array could view it in place.
  const pool = Buffer.alloc(1 + words.byteLength + 3);
  pool.set(new Uint8Array(words.buffer), 1);
  const blob = pool.subarray(1, 1 + words.byteLength);
  const copy = typed(blob, Int32Array);
  assert.deepEqual([...copy], [...words]);
  blob.fill(0);
  assert.deepEqual([...copy], [...words], 'not a view of the blob');
});

it('maps a segments row to its header', () => {
  const bytes = (...values: number[]) => Buffer.from(Int32Array.from(values).buffer);
  const header = headerOf({
    id: 3,
    unit_lo: 10,
    unit_hi: 12,
    slot_lo: 4,
    slot_hi: 5,
    unit_doc: bytes(1, 1),
    unit_meta: Buffer.from([2, 0]),
    unit_paid_from: bytes(-1, -1),
    unit_length: bytes(6, 9),
    slot_unit_lo: bytes(10),
  });
  assert.deepEqual([header.id, header.unitLo, header.unitHi, header.slotLo, header.slotHi], [3, 10, 12, 4, 5]);
  assert.deepEqual([...header.unitDoc, ...header.unitMeta, ...header.unitPaidFrom], [1, 1, 2, 0, -1, -1]);
  assert.deepEqual([...header.unitLength, ...header.slotUnitLo], [6, 9, 10]);
  assert.ok(header.unitMeta instanceof Uint8Array && header.unitLength instanceof Int32Array);
});
