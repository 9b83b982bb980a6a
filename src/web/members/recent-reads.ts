import type { MemberStore } from '../../storage/member-store.js';

/** A member's read of a document is written at most this often: a reload or a flick back is not news. */
export const READ_EVERY_MS = 60_000;
/** Past this many remembered reads, the ones older than the window are forgotten (memory stays bounded). */
const PRUNE_AT = 10_000;

/**
 * Notes members' reads in their recent reads, coalesced: at most one write per member and document per
 * minute. What a dying process loses is at most a minute's re-reads of documents already in the list (their
 * time, not the read itself): the first read of a document is always written at once.
 */
export class RecentReads {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly members: MemberStore,
    private readonly now: () => number = Date.now,
  ) {}

  async note(userId: number, documentId: number): Promise<void> {
    const key = `${userId}:${documentId}`;
    const at = this.now();
    const last = this.written.get(key);
    if (last !== undefined && at - last < READ_EVERY_MS) return;
    if (this.written.size >= PRUNE_AT) this.prune(at);
    this.written.set(key, at);
    try {
      await this.members.recordRead(userId, documentId, new Date(at));
    } catch (error) {
      // Not written: the next read tries again.
      this.written.delete(key);
      throw error;
    }
  }

  private prune(at: number): void {
    for (const [key, last] of this.written) if (at - last >= READ_EVERY_MS) this.written.delete(key);
    // Every one recent (a flood of distinct reads): start over rather than grow; a few extra writes follow.
    if (this.written.size >= PRUNE_AT) this.written.clear();
  }
}
