import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LatencySamples } from './latency-samples.js';

describe('LatencySamples', () => {
  it('answers null before any sample', () => {
    assert.equal(new LatencySamples().quantile(0.99), null);
  });

  it('keeps fractions a whole-millisecond histogram loses', () => {
    const s = new LatencySamples();
    for (let i = 1; i <= 100; i++) s.add(8 + i / 100);
    assert.equal(s.quantile(0.5), 8.5);
    assert.equal(s.quantile(0.99), 8.99);
    assert.equal(s.quantile(1), 9);
    s.add(20);
    assert.equal(s.quantile(1), 20, 'a sample after a quantile is counted');
  });

  it('gives the nearest-rank quantile of any samples, past its first buffer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 3000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, q) => {
          const s = new LatencySamples();
          for (const v of values) s.add(v);
          const sorted = [...values].sort((a, b) => a - b);
          assert.equal(s.size, values.length);
          assert.equal(s.quantile(q), sorted[Math.ceil(q * values.length) - 1]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
