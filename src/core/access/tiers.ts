import type { Access } from './reader-view.js';
import type { Tier, Viewer } from './viewer.js';

/** A download's format (the same names as the exports': src/export/file-name.ts). */
export type DownloadFormat = 'docx' | 'txt' | 'md';

/** What one tier may do. */
export interface TierRights {
  /** How much of a document it reads: the free part, or all. */
  access: Access;
  /** The formats it may download a document in (the outline alone is every reader's, like the outline). */
  formats: readonly DownloadFormat[];
  /** Downloads of documents a day (counted by the quota, see issue 26); 0: none. */
  downloadsPerDay: number;
}

export type TierPolicy = Readonly<Record<Tier, TierRights>>;

/**
 * What each tier may do unless configured otherwise: as 素材 sites sell it, a guest reads the free part and
 * downloads nothing, a member (registered, free) reads the free part and takes 3 .txt a day, a VIP reads
 * all and takes 50 a day in every format; an admin reads and downloads everything.
 */
const ALL_FORMATS: readonly DownloadFormat[] = ['docx', 'txt', 'md'];

export const DEFAULT_TIER_POLICY: TierPolicy = {
  guest: { access: 'free', formats: [], downloadsPerDay: 0 },
  member: { access: 'free', formats: ['txt'], downloadsPerDay: 3 },
  vip: { access: 'full', formats: ALL_FORMATS, downloadsPerDay: 50 },
  admin: { access: 'full', formats: ALL_FORMATS, downloadsPerDay: Infinity },
};

/** The rights of a viewer's tier in force. */
export function rightsOf(viewer: Viewer, policy: TierPolicy = DEFAULT_TIER_POLICY): TierRights {
  return policy[viewer.tier];
}

/** How much of a document the viewer reads. */
export function accessOf(viewer: Viewer, policy: TierPolicy = DEFAULT_TIER_POLICY): Access {
  return policy[viewer.tier].access;
}

/** Whether the viewer may download a document in `format`. */
export function mayDownload(viewer: Viewer, format: DownloadFormat, policy: TierPolicy = DEFAULT_TIER_POLICY): boolean {
  const rights = policy[viewer.tier];
  return rights.downloadsPerDay > 0 && rights.formats.includes(format);
}

/** Why a tier's configuration is refused (the policy is read at start), or null when it holds together. */
export function policyProblem(policy: TierPolicy): string | null {
  for (const [tier, rights] of Object.entries(policy)) {
    if (rights.access !== 'free' && rights.access !== 'full') return `${tier}: access must be free or full`;
    if (!(rights.downloadsPerDay >= 0)) return `${tier}: downloads per day must be 0 or more`;
    if (rights.formats.some((f) => f !== 'docx' && f !== 'txt' && f !== 'md')) {
      return `${tier}: formats are docx, txt and md`;
    }
  }
  // An admin who could not read everything could not check what is sold.
  if (policy.admin.access !== 'full') return 'admin: access must be full';
  return null;
}

/** The tiers' names as the pages say them. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  guest: '游客',
  member: '会员',
  vip: 'VIP 会员',
  admin: '管理员',
};
