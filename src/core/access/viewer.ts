/**
 * Who is asking, as every route and the CLI's `--as USER` see it. The contract between accounts (who a
 * session belongs to) and everything that decides what that person may read or do (issue 26).
 */

/** Tiers in ascending order of what they may do; an expired VIP is a member. */
export type Tier = 'guest' | 'member' | 'vip' | 'admin';

export interface Viewer {
  /** null for a guest. */
  userId: number | null;
  /** The account's user name; null for a guest. */
  name: string | null;
  /** The tier in force now (a VIP whose expiry has passed is 'member'). */
  tier: Tier;
  /** The VIP expiry (ISO 8601, UTC) when one is recorded, passed or not. */
  vipUntil: string | null;
}

export const GUEST_VIEWER: Viewer = Object.freeze({ userId: null, name: null, tier: 'guest', vipUntil: null });

/** The tier in force at `now` for an account of `role` with the VIP expiry `vipUntil`. */
export function tierAt(role: 'member' | 'admin', vipUntil: string | null, now: Date): Tier {
  if (role === 'admin') return 'admin';
  return vipUntil !== null && Date.parse(vipUntil) > now.getTime() ? 'vip' : 'member';
}
