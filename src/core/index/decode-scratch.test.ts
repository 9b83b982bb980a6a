import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DecodeScratch, blobsLength, room } from './decode-scratch.js';

describe('decode scratch', () => {
  it('keeps an array big enough, else gives a fresh one of its kind at least twice as long', () => {
    const a = new Int32Array(10);
    assert.equal(room(a, 10), a);
    const grown = room(a, 11);
    assert.ok(grown instanceof Int32Array && grown.length === 20);
    const bytes = room(new Uint8Array(4), 100);
    assert.ok(bytes instanceof Uint8Array && bytes.length === 100);
    assert.equal(blobsLength([new Uint8Array(3), new Uint8Array(0), new Uint8Array(5)]), 8);
  });

  it('reserves in place up to its limit of positions, and gives a scratch of its own past it', () => {
    const scratch = new DecodeScratch();
    assert.equal(scratch.reserve(100, 1000), scratch);
    assert.ok(scratch.slots.length >= 101 && scratch.heads.length >= 101 && scratch.positions.length >= 1000);
    const positions = scratch.positions;
    assert.equal(scratch.reserve(50, 500).positions, positions, 'reused when big enough');
    const own = scratch.reserve(10, 2000, 1500);
    assert.notEqual(own, scratch);
    assert.ok(own.positions.length >= 2000);
    assert.equal(scratch.positions, positions, 'the shared arrays are left alone');
  });
});
