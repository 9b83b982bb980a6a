import type { Viewer } from '../../core/access/viewer.js';
import type { MemberStore } from '../../storage/member-store.js';
import type { Html } from '../html.js';
import type { RecentReads } from './recent-reads.js';
import { favouriteControl } from './member-views.js';

/**
 * What the document page adds for who is reading: the favourite control, and for a member the read noted
 * in their recent reads (coalesced: see RecentReads) (the page is then theirs alone: private to caches).
 */
export async function memberExtras(
  members: MemberStore,
  reads: RecentReads,
  viewer: Viewer,
  documentId: number,
  csrf: Html,
): Promise<{ favourite: Html; headers: Record<string, string> }> {
  if (viewer.userId === null)
    return { favourite: favouriteControl(documentId, { signedIn: false }, csrf), headers: {} };
  const [favourite, folders] = await Promise.all([
    members.favouriteOf(viewer.userId, documentId),
    members.folders(viewer.userId),
    reads.note(viewer.userId, documentId),
  ]);
  return {
    favourite: favouriteControl(documentId, { signedIn: true, favourite, folders }, csrf),
    headers: { 'cache-control': 'private, no-store' },
  };
}
