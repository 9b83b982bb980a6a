import type { Tier } from '../access/viewer.js';

/** Downloads a tier may make per local day; null: not counted. */
export type DailyDownloads = Readonly<Record<Tier, number | null>>;

/**
 * The defaults until the tier policy (issue 26's accounts work) configures them: a guest's downloads hold
 * the free part only and are not counted; a member has a few a day, a VIP many, an admin no limit.
 */
export const DEFAULT_DAILY_DOWNLOADS: DailyDownloads = Object.freeze({ guest: null, member: 3, vip: 50, admin: null });

export function dailyDownloadLimit(tier: Tier, limits: DailyDownloads = DEFAULT_DAILY_DOWNLOADS): number | null {
  return limits[tier];
}
