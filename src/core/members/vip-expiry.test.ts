import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { extendVip, isVipDays, MAX_VIP_DAYS, parseExpiry } from './vip-expiry.js';

const now = new Date('2026-02-01T00:00:00Z');

it('extends from now for a lapsed or absent VIP and from the expiry for a running one', () => {
  assert.equal(extendVip(null, now, 30), '2026-03-03T00:00:00.000Z');
  assert.equal(extendVip('2026-01-01T00:00:00.000Z', now, 1), '2026-02-02T00:00:00.000Z');
  assert.equal(extendVip('2026-03-01T00:00:00.000Z', now, 30), '2026-03-31T00:00:00.000Z');
  assert.equal(extendVip('not a date', now, 1), '2026-02-02T00:00:00.000Z');
  for (const bad of [0, -1, 1.5, MAX_VIP_DAYS + 1, Number.NaN])
    assert.throws(() => extendVip(null, now, bad), RangeError);
});

it('never shortens a VIP, and two extensions add up whatever their order', () => {
  fc.assert(
    fc.property(
      fc.option(fc.integer({ min: -400, max: 400 })),
      fc.integer({ min: 1, max: MAX_VIP_DAYS }),
      fc.integer({ min: 1, max: MAX_VIP_DAYS }),
      (offsetDays, a, b) => {
        const current = offsetDays === null ? null : new Date(now.getTime() + offsetDays * 86_400_000).toISOString();
        const once = extendVip(current, now, a);
        assert.ok(Date.parse(once) > Math.max(now.getTime(), current === null ? 0 : Date.parse(current)));
        assert.equal(extendVip(extendVip(current, now, a), now, b), extendVip(extendVip(current, now, b), now, a));
      },
    ),
  );
});

it('checks day counts and reads expiries as dates or instants', () => {
  assert.ok(isVipDays(1) && isVipDays(MAX_VIP_DAYS));
  assert.ok(!isVipDays(0) && !isVipDays(2.5) && !isVipDays(MAX_VIP_DAYS + 1));
  assert.equal(parseExpiry('2026-05-01'), '2026-05-01T00:00:00.000Z');
  assert.equal(parseExpiry('2026-05-01T08:00:00+08:00'), '2026-05-01T00:00:00.000Z');
  assert.equal(parseExpiry('2026-05-01 08:00Z'), '2026-05-01T08:00:00.000Z');
  for (const bad of ['', 'tomorrow', '2026-13-01', '2026-5-1', '1e12']) assert.equal(parseExpiry(bad), null, bad);
});
