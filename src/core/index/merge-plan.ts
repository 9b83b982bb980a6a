/** Segments merged at once when the newest ones are of similar size (within SIMILAR×). */
export const MERGE_FACTOR = 4;
export const SIMILAR = 2;
/** More segments than this trigger merges of the smallest adjacent pair. */
export const MAX_SEGMENTS = 24;

/** A live segment as the merge plan sees it: its id and its size in units. */
export interface SegmentSize {
  id: number;
  size: number;
}

/**
 * The next segments to merge, given the live segments in unit order: their ids (adjacent, in unit order), or
 * null when none need merging. Keeps the segment count low with few rewrites: whenever the last MERGE_FACTOR
 * segments are of similar size they are merged into one (a base-4 counter: each unit is rewritten about
 * log4(batches) times), and past MAX_SEGMENTS the smallest adjacent pair is merged.
 */
export function nextMerge(sizes: readonly SegmentSize[]): number[] | null {
  const tail = sizes.slice(-MERGE_FACTOR);
  if (tail.length === MERGE_FACTOR) {
    const smallest = Math.min(...tail.map((t) => t.size));
    const largest = Math.max(...tail.map((t) => t.size));
    if (largest <= SIMILAR * Math.max(1, smallest)) return tail.map((t) => t.id);
  }
  if (sizes.length > MAX_SEGMENTS) {
    let best = 0;
    for (let i = 1; i + 1 < sizes.length; i++) {
      if (sizes[i]!.size + sizes[i + 1]!.size < sizes[best]!.size + sizes[best + 1]!.size) best = i;
    }
    return [sizes[best]!.id, sizes[best + 1]!.id];
  }
  return null;
}
