import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Column } from './column.js';

describe('Column', () => {
  it('keeps every value pushed past its capacity, in order', () => {
    const column = new Column(1);
    for (let v = 0; v < 100; v++) column.push(v * 3 - 7);
    assert.equal(column.length, 100);
    assert.deepEqual(
      [...column.data.subarray(0, 100)],
      Array.from({ length: 100 }, (_, v) => v * 3 - 7),
    );
  });

  it('reserves room for a loop to store into without pushing, keeping what it holds', () => {
    const column = new Column(4);
    column.push(5);
    column.push(6);
    column.reserve(1000);
    assert.ok(column.data.length >= 1002);
    assert.deepEqual([...column.data.subarray(0, 2)], [5, 6]);
    const same = column.data;
    column.reserve(1000);
    assert.equal(column.data, same, 'room already there: no new array');
  });
});
