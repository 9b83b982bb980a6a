import type { EncodedPostings } from '../core/index/contracts.js';

/**
 * A segment's posting lists are stored in pages: runs of consecutive lists (in gram order) of about
 * PAGE_BYTES together, each page one row. A batch then writes a few hundred rows instead of one per gram,
 * and a lookup still reads one small row per segment (a list longer than a page gets a page of its own).
 */
export const PAGE_BYTES = 16384;

export interface PostingPage {
  firstGram: number;
  grams: Float64Array;
  /** Slots per list. */
  slots: Int32Array;
  lastSlots: Int32Array;
  /** offsets[i]..offsets[i+1] is list i in `data`. */
  offsets: Uint32Array;
  data: Uint8Array;
}

/** Groups lists (ascending by gram) into pages. */
export function* paginate(lists: Iterable<EncodedPostings>, pageBytes = PAGE_BYTES): Generator<PostingPage> {
  let batch: EncodedPostings[] = [];
  let bytes = 0;
  const flush = (): PostingPage => {
    const n = batch.length;
    const offsets = new Uint32Array(n + 1);
    const data = new Uint8Array(bytes);
    batch.forEach((l, i) => {
      data.set(l.data, offsets[i]!);
      offsets[i + 1] = offsets[i]! + l.data.length;
    });
    const page: PostingPage = {
      firstGram: batch[0]!.gram,
      grams: Float64Array.from(batch, (l) => l.gram),
      slots: Int32Array.from(batch, (l) => l.units),
      lastSlots: Int32Array.from(batch, (l) => l.lastUnit),
      offsets,
      data,
    };
    batch = [];
    bytes = 0;
    return page;
  };
  for (const list of lists) {
    if (batch.length > 0 && bytes + list.data.length > pageBytes) yield flush();
    batch.push(list);
    bytes += list.data.length;
  }
  if (batch.length > 0) yield flush();
}

/** The lists of a page, in gram order. */
export function* pageLists(page: Omit<PostingPage, 'firstGram'>): Generator<EncodedPostings> {
  for (let i = 0; i < page.grams.length; i++) {
    yield { gram: page.grams[i]!, units: page.slots[i]!, lastUnit: page.lastSlots[i]!, data: page.data.subarray(page.offsets[i]!, page.offsets[i + 1]!) };
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
