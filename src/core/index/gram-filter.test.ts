import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { bigramKey } from './gram-keys.js';
import { buildGramFilter, mayHold } from './gram-filter.js';

const codeUnit = fc.integer({ min: 0, max: 65535 });
const gram = fc.oneof(
  codeUnit,
  fc.tuple(codeUnit, codeUnit).map(([a, b]) => bigramKey(a, b)),
);

it('never rules out a gram the segment holds', () => {
  let checked = 0;
  fc.assert(
    fc.property(fc.uniqueArray(gram, { maxLength: 300 }), (grams) => {
      const filter = buildGramFilter(grams);
      for (const g of grams) assert.equal(mayHold(filter, g), true);
      checked += grams.length;
    }),
  );
  assert.ok(checked > 0, 'no gram checked');
});

it('rules out nearly every gram it does not hold (about 1% false "maybe")', () => {
  // 20,000 bigrams of common characters held; 20,000 others asked.
  const held: number[] = [];
  const absent: number[] = [];
  for (let i = 0; i < 40_000; i++) {
    (i % 2 ? absent : held).push(bigramKey(0x4e00 + (i % 200), 0x4e00 + Math.floor(i / 200)));
  }
  const filter = buildGramFilter(held);
  const falseMaybe = absent.filter((g) => mayHold(filter, g)).length / absent.length;
  assert.ok(falseMaybe < 0.03, `false "maybe" rate ${falseMaybe}`);
  assert.ok(filter.length <= Math.ceil((held.length * 10) / 8));
});
