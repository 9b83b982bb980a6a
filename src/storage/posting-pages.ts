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

/** One gram's list in a page, or null. */
export function findInPage(grams: Float64Array, offsets: Uint32Array, data: Uint8Array, gram: number): Uint8Array | null {
  let lo = 0;
  let hi = grams.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = grams[mid]!;
    if (g === gram) return data.subarray(offsets[mid]!, offsets[mid + 1]!);
    if (g < gram) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
