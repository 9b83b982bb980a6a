import assert from 'node:assert/strict';
import { it } from 'node:test';
import { accessOf, DEFAULT_TIER_POLICY, mayDownload, policyProblem, rightsOf } from './tiers.js';
import { GUEST_VIEWER, tierAt, type Viewer } from './viewer.js';

const as = (tier: Viewer['tier']): Viewer => ({ userId: tier === 'guest' ? null : 1, name: 'x', tier, vipUntil: null });

it('gives guests and members the free part, VIPs and admins all', () => {
  assert.equal(accessOf(GUEST_VIEWER), 'free');
  assert.equal(accessOf(as('member')), 'free');
  assert.equal(accessOf(as('vip')), 'full');
  assert.equal(accessOf(as('admin')), 'full');
});

it('lets a member download .txt only, a VIP every format, a guest nothing', () => {
  for (const f of ['docx', 'txt', 'md'] as const) assert.equal(mayDownload(GUEST_VIEWER, f), false);
  assert.equal(mayDownload(as('member'), 'txt'), true);
  assert.equal(mayDownload(as('member'), 'docx'), false);
  for (const f of ['docx', 'txt', 'md'] as const) assert.equal(mayDownload(as('vip'), f), true);
  assert.equal(rightsOf(as('member')).downloadsPerDay, 3);
  assert.equal(rightsOf(as('vip')).downloadsPerDay, 50);
});

it('makes an expired VIP a member at once', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  assert.equal(tierAt('member', '2026-05-31T23:59:59Z', now), 'member');
  assert.equal(tierAt('member', '2026-06-01T00:00:01Z', now), 'vip');
  assert.equal(accessOf(as(tierAt('member', '2026-05-31T23:59:59Z', now))), 'free');
});

it('checks a configured policy', () => {
  assert.equal(policyProblem(DEFAULT_TIER_POLICY), null);
  assert.match(
    policyProblem({ ...DEFAULT_TIER_POLICY, admin: { ...DEFAULT_TIER_POLICY.admin, access: 'free' } })!,
    /admin/,
  );
  assert.match(
    policyProblem({ ...DEFAULT_TIER_POLICY, member: { ...DEFAULT_TIER_POLICY.member, downloadsPerDay: -1 } })!,
    /member/,
  );
});
