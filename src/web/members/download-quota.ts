import type { Viewer } from '../../core/access/viewer.js';
import { dayKey } from '../../core/members/day-key.js';
import type { TierPolicy } from '../../core/access/tiers.js';
import { dailyDownloadLimit } from '../../core/members/download-limits.js';
import type { MemberStore } from '../../storage/member-store.js';
import { HttpError } from '../errors.js';

export interface QuotaState {
  tier: Viewer['tier'];
  /** The local day counted (YYYY-MM-DD). */
  day: string;
  /** Downloads allowed today; null: not counted. */
  limit: number | null;
  used: number;
}

/** What is counted for a viewer: their account; a guest has no count (the policy gives guests none). */
export function quotaSubject(viewer: Viewer): string | null {
  return viewer.userId === null ? null : `user:${viewer.userId}`;
}

export async function quotaState(
  members: MemberStore,
  viewer: Viewer,
  timeZone: string,
  now = new Date(),
  policy?: TierPolicy,
): Promise<QuotaState> {
  const day = dayKey(now, timeZone);
  const subject = quotaSubject(viewer);
  return {
    tier: viewer.tier,
    day,
    limit: dailyDownloadLimit(viewer.tier, policy),
    used: subject === null ? 0 : await members.downloadsUsed(subject, day, now),
  };
}

export interface DownloadWork {
  documentId: number;
  title: string;
  format: string;
}

/**
 * Makes a download under the viewer's daily quota: one reservation taken before `produce` runs (429 when
 * the day's quota is used up), released when it throws (a failed download is not counted), completed (the
 * member's history) when it gives the file.
 */
export async function withDownloadQuota<T>(
  members: MemberStore,
  viewer: Viewer,
  work: DownloadWork,
  timeZone: string,
  produce: () => Promise<T>,
  policy?: TierPolicy,
): Promise<T> {
  const subject = quotaSubject(viewer);
  const limit = dailyDownloadLimit(viewer.tier, policy);
  if (subject === null) {
    if (limit === 0) throw new HttpError(403, 'forbidden', '登录后才能下载');
    return produce();
  }
  const now = new Date();
  const reservation = await members.reserveDownload(
    { subject, userId: viewer.userId, day: dayKey(now, timeZone), limit, ...work },
    now,
  );
  if (reservation === null) {
    throw new HttpError(
      429,
      'quota_exceeded',
      `今天的 ${limit} 次下载已用完，明天 0 点后恢复${viewer.tier === 'member' ? '；开通 VIP 可下载更多' : ''}`,
    );
  }
  let result: T;
  try {
    result = await produce();
  } catch (error) {
    await members.releaseDownload(reservation);
    throw error;
  }
  await members.completeDownload(reservation);
  return result;
}
