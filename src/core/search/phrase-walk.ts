import { skipsOf } from '../index/skip-table.js';
import { PHRASE_WALK_WASM } from './phrase-walk-wasm.js';

/**
 * One list of a phrase walk: a bigram's blobs (one per segment, in slot order), its offset in the term, and
 * whether it is sought by jumps (see BigramCursor).
 */
export interface WalkList {
  blobs: readonly Uint8Array[];
  offset: number;
  jumps: boolean;
}

/**
 * What a walk gives for each document holding the term: its slot ('presence'); also the leader's counts,
 * zones, first position and every list's entry ('zones'); every start where all lists line up
 * ('positions'); or those starts for the documents whose every entry has an occurrence in a heading, only
 * the first (as -1 - start) where the leader's every occurrence lies in one ('heading-candidates').
 */
export type WalkMode = 'presence' | 'zones' | 'positions' | 'heading-candidates';
const MODE_NUMBERS: Readonly<Record<WalkMode, number>> = {
  presence: 0,
  zones: 1,
  'heading-candidates': 2,
  positions: 3,
};

/** The documents a walk found: see walkPhrase. */
export interface WalkHits {
  length: number;
  slots: Int32Array;
  /** Positions and heading candidates: document i's starts are starts[startAt[i] .. startAt[i + 1]). */
  startAt: Int32Array | null;
  starts: Int32Array | null;
  /**
   * With zones: the leader's occurrences, title and heading counts, first position; every list's entry start
   * (hit i's in heads[i · lists .. ]).
   */
  counts: Int32Array | null;
  inTitle: Int32Array | null;
  inHeadings: Int32Array | null;
  first: Int32Array | null;
  heads: Int32Array | null;
}

interface Kernel {
  memory: WebAssembly.Memory;
  maxLists: number;
  boundsFields: number;
  heapBase: number;
  regions(bounds: number, keep: number, keepBytes: number, withKeep: number): void;
  setList(j: number, first: number, count: number, offset: number, jumps: number): void;
  walk(k: number, out: number, capacity: number, mode: number): number;
}

let kernel: Kernel | null = null;

/** The compiled walk, instantiated once per thread on first use (a small module, compiled at once). */
function loaded(): Kernel {
  if (kernel !== null) return kernel;
  const module = new WebAssembly.Module(Buffer.from(PHRASE_WALK_WASM, 'base64'));
  const exports = new WebAssembly.Instance(module, {
    env: {
      abort: () => {
        throw new Error('phrase walk: aborted');
      },
    },
  }).exports;
  const maxLists = (exports['MAX_LISTS'] as WebAssembly.Global).value;
  kernel = {
    memory: exports['memory'] as WebAssembly.Memory,
    maxLists,
    boundsFields: (exports['BOUNDS_FIELDS'] as WebAssembly.Global).value,
    heapBase: (exports['heapBase'] as () => number)(),
    regions: exports['regions'] as Kernel['regions'],
    setList: exports['setList'] as Kernel['setList'],
    walk: exports['walk'] as Kernel['walk'],
  };
  return kernel;
}

/** The most lists a walk takes (a longer term's walk stays in JavaScript). */
export function walkMaxLists(): number {
  return loaded().maxLists;
}

const align = (n: number): number => (n + 15) & ~15;

/**
 * Lists stay in the module's memory between walks: the blobs and skip tables copied in so far, by identity,
 * at their addresses in the resident region (from the module's own data's end up to `residentTop`). A blob is
 * never written after it is read (the store's cache hands out the same one until it drops it), so a walk
 * copies in only what it has not met before. When a walk's new lists do not fit in the region's budget,
 * the region starts afresh.
 */
let residentBlobs = new WeakMap<Uint8Array, number>();
let residentTables = new WeakMap<Int32Array, number>();
let residentTop = -1;
/** The resident region's budget (bytes): lists of several hundred common phrases. */
let residentBytes = 32 << 20;

/** Sets the resident region's budget and empties it (tests make it small, to start it afresh often). */
export function keepResident(bytes: number): void {
  residentBytes = bytes;
  residentTop = -1;
}

/**
 * matchPhrase's walk, in WebAssembly (the same documents found and positions read as with BigramCursor,
 * which jumps by the same skip tables but for targets a few slots ahead, which the kernel steps to):
 * `lists[0]` leads, a list with `jumps` is sought by its blobs' skip tables, and the leader stops only at
 * slots `keep` marks 1 when given; `capacity` bounds the hits (half the leader's bytes and one: every entry
 * takes two bytes or more). Lists and skip tables not yet in the module's memory are copied in (see
 * residentBlobs), the mask for each walk. A list without blobs (a bigram no segment holds) leaves nothing
 * to find, and no walk is made.
 */
export function walkPhrase(
  lists: readonly WalkList[],
  mode: WalkMode,
  capacity: number,
  keep: Uint8Array | null,
): WalkHits {
  const k = loaded();
  if (lists.length > k.maxLists) throw new Error(`phrase walk: ${lists.length} lists, at most ${k.maxLists}`);
  if (lists.some((l) => l.blobs.length === 0)) return hitsOf(mode, 0, (_c, length) => new Int32Array(length));
  const residentFrom = align(k.heapBase);
  const skips = lists.map((l) => (l.jumps ? l.blobs.map(skipsOf) : null));
  // What this walk copies in: everything when the region starts afresh.
  const newBytes = (): number => {
    let bytes = 0;
    lists.forEach((l, j) => {
      for (const b of l.blobs) if (!residentBlobs.has(b)) bytes += align(b.length);
      for (const table of skips[j] ?? []) if (!residentTables.has(table)) bytes += align(table.byteLength);
    });
    return bytes;
  };
  // A region never used yet (residentTop -1) starts afresh too.
  let adding = residentTop < 0 ? Infinity : newBytes();
  if (residentTop + adding > residentFrom + residentBytes) {
    residentBlobs = new WeakMap();
    residentTables = new WeakMap();
    residentTop = residentFrom;
    adding = newBytes();
  }
  let blobs = 0;
  for (const l of lists) blobs += l.blobs.length;
  const bounds = align(residentTop + adding);
  const mask = align(bounds + blobs * 4 * k.boundsFields);
  const out = align(mask + (keep?.length ?? 0));
  const rows = mode === 'zones' ? 5 + lists.length : mode === 'presence' ? 1 : 5;
  const end = out + capacity * 4 * rows;
  if (k.memory.buffer.byteLength < end) k.memory.grow(Math.ceil((end - k.memory.buffer.byteLength) / 65536));
  const memory = k.memory.buffer;
  const u8 = new Uint8Array(memory);
  const i32 = new Int32Array(memory);
  if (keep !== null) u8.set(keep, mask);
  k.regions(bounds, mask, keep?.length ?? 0, keep !== null ? 1 : 0);
  let blob = 0;
  lists.forEach((l, j) => {
    const first = blob;
    let laidTo = 0;
    l.blobs.forEach((b, i) => {
      let at = residentBlobs.get(b);
      if (at === undefined) {
        at = residentTop;
        u8.set(b, at);
        residentBlobs.set(b, at);
        residentTop = align(at + b.length);
      }
      const row = (bounds >> 2) + k.boundsFields * blob;
      i32[row] = at;
      i32[row + 1] = at + b.length;
      // Entry starts are given as offsets into the list's blobs laid end to end (as EntryReader reads them).
      i32[row + 4] = laidTo;
      laidTo += b.length;
      const pairs = skips[j]?.[i];
      let table = 0;
      if (pairs !== undefined) {
        table = residentTables.get(pairs) ?? -1;
        if (table < 0) {
          table = residentTop;
          i32.set(pairs, table >> 2);
          residentTables.set(pairs, table);
          residentTop = align(table + pairs.byteLength);
        }
      }
      i32[row + 2] = table;
      i32[row + 3] = table + (pairs?.byteLength ?? 0);
      blob++;
    });
    k.setList(j, first, l.blobs.length, l.offset, l.jumps ? 1 : 0);
  });
  const n = k.walk(lists.length, out, capacity, MODE_NUMBERS[mode]);
  return hitsOf(mode, n, (c, length) => new Int32Array(memory, out + c * capacity * 4, length).slice(), lists.length);
}

/**
 * A walk's `n` hits in `mode`, output column c's first `length` values read by `column` (`width` lists a
 * hit's heads).
 */
function hitsOf(mode: WalkMode, n: number, column: (c: number, length: number) => Int32Array, width = 0): WalkHits {
  const none = { startAt: null, starts: null, counts: null, inTitle: null, inHeadings: null, first: null, heads: null };
  if (mode === 'presence') return { ...none, length: n, slots: column(0, n) };
  if (mode === 'positions' || mode === 'heading-candidates') {
    const startAt = column(1, n + 1);
    return { ...none, length: n, slots: column(0, n), startAt, starts: column(3, startAt[n]!) };
  }
  return {
    ...none,
    length: n,
    slots: column(0, n),
    counts: column(1, n),
    inTitle: column(2, n),
    inHeadings: column(3, n),
    first: column(4, n),
    heads: column(5, n * width),
  };
}
