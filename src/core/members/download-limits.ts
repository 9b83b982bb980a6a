import { DEFAULT_TIER_POLICY, type TierPolicy } from '../access/tiers.js';
import type { Tier } from '../access/viewer.js';

/** Downloads a tier may make per local day, as the tier policy says; null: not counted (an admin's). */
export function dailyDownloadLimit(tier: Tier, policy: TierPolicy = DEFAULT_TIER_POLICY): number | null {
  const perDay = policy[tier].downloadsPerDay;
  return Number.isFinite(perDay) ? perDay : null;
}
