import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNIT_KINDS } from '../index/contracts.js';
import { KIND, KIND_WEIGHT, scopeKinds } from './scope-kinds.js';
import { kindWeight } from './rank.js';

describe('scopeKinds', () => {
  const kindsOf = (allowed: Uint8Array): string[] => UNIT_KINDS.filter((_, i) => allowed[i] === 1);

  it('allows every kind for all and sentence, headings for the outline, else the scope kind', () => {
    assert.deepEqual(kindsOf(scopeKinds('all')), [...UNIT_KINDS]);
    assert.deepEqual(kindsOf(scopeKinds('sentence')), [...UNIT_KINDS]);
    assert.deepEqual(kindsOf(scopeKinds('outline')), ['heading']);
    for (const scope of ['title', 'opening', 'intro', 'closing'] as const) {
      assert.deepEqual(kindsOf(scopeKinds(scope)), [scope]);
    }
    assert.equal(scopeKinds('intro'), scopeKinds('intro'), 'made once');
  });

  it('numbers and weighs kinds as UNIT_KINDS does', () => {
    UNIT_KINDS.forEach((k, i) => {
      assert.equal(KIND[k], i);
      assert.equal(KIND_WEIGHT[i], kindWeight(k));
    });
  });
});
