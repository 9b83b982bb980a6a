import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocArrayPool, SPARE_KEPT } from './doc-array-pool.js';

describe('DocArrayPool', () => {
  it('hands out spare arrays again with here all 0 and best all -1', () => {
    const pool = new DocArrayPool();
    const a = pool.take(5);
    assert.deepEqual([...a.here], [0, 0, 0, 0, 0]);
    assert.deepEqual([...a.best], [-1, -1, -1, -1, -1]);
    a.here.fill(1);
    a.best.fill(7);
    a.tf[2] = 3.5;
    pool.giveBack([a], 5);
    const b = pool.take(5);
    assert.equal(b, a, 'the spare set is reused');
    assert.deepEqual([...b.here], [0, 0, 0, 0, 0]);
    assert.deepEqual([...b.best], [-1, -1, -1, -1, -1]);
    // A fresh set, the spare one taken.
    assert.notEqual(pool.take(5), a);
  });

  it('keeps only arrays of the library size it is given back at, and at most SPARE_KEPT', () => {
    const pool = new DocArrayPool();
    const old = pool.take(4);
    pool.giveBack([old], 6);
    const grown = pool.take(6);
    assert.notEqual(grown, old);
    assert.equal(grown.here.length, 6);
    const many = Array.from({ length: SPARE_KEPT + 3 }, () => pool.take(6));
    pool.giveBack(many, 6);
    const back = new Set(Array.from({ length: SPARE_KEPT + 3 }, () => pool.take(6)));
    assert.equal(many.filter((a) => back.has(a)).length, SPARE_KEPT);
  });

  it('gives the arrays a count never reads and an empty exclusion mask, grown to the library', () => {
    const pool = new DocArrayPool();
    pool.growUnread(3);
    assert.ok(pool.unreadTf.length >= 3 && pool.unreadBest.length >= 3);
    const tf = pool.unreadTf;
    pool.growUnread(2);
    assert.equal(pool.unreadTf, tf, 'long enough: kept');
    pool.growUnread(10);
    assert.ok(pool.unreadTf.length >= 10 && pool.unreadBest.length >= 10);
    const none = pool.noExclusions(4);
    assert.ok(none.length >= 4 && none.every((v) => v === 0));
    assert.equal(pool.noExclusions(3), none);
    assert.ok(pool.noExclusions(9).length >= 9);
  });
});
