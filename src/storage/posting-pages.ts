import type { PostingColumns } from '../core/index/contracts.js';

/**
 * A segment's posting lists are stored in pages: runs of consecutive lists (in gram order) of about
 * PAGE_BYTES together, each page one row. A batch then writes a few hundred rows instead of one per gram,
 * and a lookup still reads one small row per segment (a list longer than a page gets a page of its own).
 */
export const PAGE_BYTES = 16384;

/** A page: a run of a segment's lists (see PostingColumns), stored as one row keyed by its first gram. */
export interface PostingPage extends PostingColumns {
  firstGram: number;
}

/**
 * Groups a segment's lists into pages: each takes lists while they fit in `pageBytes` together, and at
 * least one. A page's columns are views of the segment's (its offsets rebased to 0): nothing is copied.
 */
export function* paginate(lists: PostingColumns, pageBytes = PAGE_BYTES): Generator<PostingPage> {
  const n = lists.grams.length;
  const { offsets } = lists;
  for (let from = 0; from < n;) {
    const base = offsets[from]!;
    let to = from + 1;
    while (to < n && offsets[to + 1]! - base <= pageBytes) to++;
    const pageOffsets = new Uint32Array(to - from + 1);
    for (let i = from; i <= to; i++) pageOffsets[i - from] = offsets[i]! - base;
    yield {
      firstGram: lists.grams[from]!,
      grams: lists.grams.subarray(from, to),
      units: lists.units.subarray(from, to),
      lastUnits: lists.lastUnits.subarray(from, to),
      offsets: pageOffsets,
      data: lists.data.subarray(base, offsets[to]!),
    };
    from = to;
  }
}

/**
 * Where one gram's list lies in a page's data, as [start, end) byte offsets, or null when the page lacks
 * it. Reads the page's stored columns in place (little-endian float64 grams, uint32 offsets), so a lookup
 * copies nothing and needs no aligned arrays.
 */
export function listRange(grams: Uint8Array, offsets: Uint8Array, gram: number): [number, number] | null {
  const g = new DataView(grams.buffer, grams.byteOffset, grams.byteLength);
  const o = new DataView(offsets.buffer, offsets.byteOffset, offsets.byteLength);
  let lo = 0;
  let hi = grams.byteLength / 8 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = g.getFloat64(mid * 8, true);
    if (v === gram) return [o.getUint32(mid * 4, true), o.getUint32(mid * 4 + 4, true)];
    if (v < gram) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
