import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { dayKey, DEFAULT_TIME_ZONE, isTimeZone } from './day-key.js';

it('turns the day at Beijing midnight (16:00 UTC), not at UTC midnight', () => {
  assert.equal(DEFAULT_TIME_ZONE, 'Asia/Shanghai');
  assert.equal(dayKey(new Date('2026-01-01T15:59:59.999Z')), '2026-01-01');
  assert.equal(dayKey(new Date('2026-01-01T16:00:00.000Z')), '2026-01-02');
  assert.equal(dayKey(new Date('2025-12-31T23:59:59Z')), '2026-01-01');
  assert.equal(dayKey(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
  assert.equal(dayKey(new Date('2028-02-28T16:00:00Z')), '2028-02-29');
});

it('follows the configured zone, daylight saving included', () => {
  assert.equal(dayKey(new Date('2026-01-01T23:59:59Z'), 'UTC'), '2026-01-01');
  assert.equal(dayKey(new Date('2026-01-02T00:00:00Z'), 'UTC'), '2026-01-02');
  // New York in summer is UTC-4: midnight there is 04:00 UTC.
  assert.equal(dayKey(new Date('2026-07-01T03:59:59Z'), 'America/New_York'), '2026-06-30');
  assert.equal(dayKey(new Date('2026-07-01T04:00:00Z'), 'America/New_York'), '2026-07-01');
  assert.ok(isTimeZone('Asia/Shanghai') && isTimeZone('UTC'));
  assert.ok(!isTimeZone('Mars/Olympus') && !isTimeZone(''));
});

it('is the UTC date of the instant 8 hours later, for any instant (China keeps no daylight saving)', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      assert.equal(dayKey(new Date(ms)), new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
    }),
  );
});
