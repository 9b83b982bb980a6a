import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { servedBy, type TermDetail } from './term-detail.js';

describe('servedBy', () => {
  const details: TermDetail[] = ['presence', 'zones', 'positions', 'headings'];
  const served = (have: TermDetail): TermDetail[] => details.filter((need) => servedBy(need).includes(have));

  it('answers less with more detail, and headings with positions or itself only', () => {
    assert.deepEqual(served('presence'), ['presence']);
    assert.deepEqual(served('zones'), ['presence', 'zones']);
    assert.deepEqual(served('positions'), ['presence', 'zones', 'positions', 'headings']);
    // A heading document holds the term, but the documents holding it elsewhere are missing.
    assert.deepEqual(served('headings'), ['headings']);
  });

  it('prefers the cheapest hits to search first', () => {
    assert.deepEqual(servedBy('presence'), ['presence', 'zones', 'positions']);
    assert.deepEqual(servedBy('headings'), ['headings', 'positions']);
    assert.deepEqual(servedBy('zones'), ['zones', 'positions']);
  });
});
