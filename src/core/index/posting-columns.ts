import { entryHead } from './posting-format.js';
import type { PostingColumns } from './contracts.js';
import { varintAt, varintEnd, writeVarint } from './varint.js';

/** The list of `gram` in `lists` (binary search over its grams), or null when it has none. */
export function findList(lists: PostingColumns, gram: number): Uint8Array | null {
  let lo = 0;
  let hi = lists.grams.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = lists.grams[mid]!;
    if (g === gram) return lists.data.subarray(lists.offsets[mid]!, lists.offsets[mid + 1]!);
    if (g < gram) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Where one input's merge stands: its current page and list, and that list's gram (Infinity past its end). */
interface InputCursor {
  pages: readonly PostingColumns[];
  page: number;
  list: number;
  gram: number;
}

function settle(c: InputCursor): void {
  while (c.page < c.pages.length && c.list >= c.pages[c.page]!.grams.length) {
    c.page++;
    c.list = 0;
  }
  c.gram = c.page < c.pages.length ? c.pages[c.page]!.grams[c.list]! : Infinity;
}

/**
 * Merges the lists of adjacent segments into the lists of one: every gram's parts laid end to end, in
 * segment order, each later part's first entry head re-encoded relative to the part before (a list's first
 * gap counts from slot -1; the short bit is kept). Each segment comes as its lists in gram order, in one
 * or more runs (the store's pages); segments in ascending slot order. Every byte is written once, into
 * one buffer, with no object per list.
 */
export function mergeColumns(segments: ReadonlyArray<readonly PostingColumns[]>): PostingColumns {
  let lists = 0;
  let bytes = 0;
  for (const pages of segments) {
    for (const p of pages) {
      lists += p.grams.length;
      bytes += p.offsets[p.grams.length]! - p.offsets[0]!;
    }
  }
  // A re-encoded head takes at most 5 bytes where the old one took 1 or more.
  const data = new Uint8Array(bytes + 4 * lists);
  const grams = new Float64Array(lists);
  const units = new Int32Array(lists);
  const lastUnits = new Int32Array(lists);
  const offsets = new Uint32Array(lists + 1);
  const cursors: InputCursor[] = segments.map((pages) => ({ pages, page: 0, list: 0, gram: Infinity }));
  cursors.forEach(settle);
  let n = 0;
  let at = 0;
  for (;;) {
    let gram = Infinity;
    for (const c of cursors) if (c.gram < gram) gram = c.gram;
    if (gram === Infinity) break;
    offsets[n] = at;
    let last = -1;
    let count = 0;
    let parts = 0;
    for (const c of cursors) {
      if (c.gram !== gram) continue;
      const page = c.pages[c.page]!;
      let from = page.offsets[c.list]!;
      const to = page.offsets[c.list + 1]!;
      if (parts > 0) {
        const head = varintAt(page.data, from);
        from = varintEnd;
        const firstUnit = (head >>> 1) - 1;
        if (firstUnit <= last) throw new Error(`mergeColumns: gram ${gram}: slot ${firstUnit} is not after ${last}`);
        at = writeVarint(data, at, entryHead(firstUnit - last, (head & 1) === 1));
      }
      data.set(page.data.subarray(from, to), at);
      at += to - from;
      last = page.lastUnits[c.list]!;
      count += page.units[c.list]!;
      parts++;
      c.list++;
      settle(c);
    }
    grams[n] = gram;
    units[n] = count;
    lastUnits[n] = last;
    n++;
  }
  offsets[n] = at;
  return {
    grams: grams.subarray(0, n),
    units: units.subarray(0, n),
    lastUnits: lastUnits.subarray(0, n),
    offsets: offsets.subarray(0, n + 1),
    data: data.subarray(0, at),
  };
}
