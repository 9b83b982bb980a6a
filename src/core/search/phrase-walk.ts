import { blobsLength, skipsOf } from '../index/codec.js';
import { PHRASE_WALK_WASM } from './phrase-walk-wasm.js';

/** One list of a phrase walk: a bigram's blobs (one per segment, in slot order), its offset in the term, and whether it is sought by jumps (see BigramCursor). */
export interface WalkList {
  blobs: readonly Uint8Array[];
  offset: number;
  jumps: boolean;
}

/**
 * What a walk gives for each document holding the term: its slot ('presence'); also the leader's counts,
 * zones, first position and every list's entry ('zones'); every start where all lists line up
 * ('positions'); or those starts for the documents whose every entry may have an occurrence in a heading
 * ('heading-candidates').
 */
export type WalkMode = 'presence' | 'zones' | 'positions' | 'heading-candidates';
const MODE_NUMBERS: Readonly<Record<WalkMode, number>> = { presence: 0, zones: 1, 'heading-candidates': 2, positions: 3 };

/** The documents a walk found: see walkPhrase. */
export interface WalkHits {
  length: number;
  slots: Int32Array;
  /** Positions and heading candidates: document i's starts are starts[startAt[i] .. startAt[i + 1]). */
  startAt: Int32Array | null;
  starts: Int32Array | null;
  /** With zones: the leader's occurrences, title and heading counts, first position; every list's entry start (hit i's in heads[i · lists .. ]). */
  counts: Int32Array | null;
  inTitle: Int32Array | null;
  inHeadings: Int32Array | null;
  first: Int32Array | null;
  heads: Int32Array | null;
}

interface Kernel {
  memory: WebAssembly.Memory;
  maxLists: number;
  stateBytes: number;
  heapBase: number;
  regions(state: number, bounds: number, keep: number, keepBytes: number, withKeep: number): void;
  setList(j: number, first: number, count: number, offset: number, jumps: number): void;
  walk(k: number, out: number, capacity: number, mode: number): number;
}

let kernel: Kernel | null = null;

/** The compiled walk, instantiated once per thread on first use (15 KB of WebAssembly, compiled in about a millisecond). */
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
    stateBytes: (exports['STATE_FIELDS'] as WebAssembly.Global).value * maxLists * 4,
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
 * matchPhrase's walk, in WebAssembly (the same entries stepped, jumps taken and positions read as with
 * BigramCursor, 1.3–2× faster on the bench's phrases at 90M): `lists[0]` leads, a list with `jumps` is
 * sought by its blobs' skip tables, and the leader stops only at slots `keep` marks 1 when given; `capacity` bounds the hits
 * (half the leader's bytes and one: every entry takes two bytes or more). The lists' bytes, the jumping
 * lists' skip tables and the mask are copied into the module's memory for the walk (a few hundred
 * kilobytes for a common phrase, ~0.1 ms).
 */
export function walkPhrase(lists: readonly WalkList[], mode: WalkMode, capacity: number, keep: Uint8Array | null): WalkHits {
  const k = loaded();
  if (lists.length > k.maxLists) throw new Error(`phrase walk: ${lists.length} lists, at most ${k.maxLists}`);
  let blobs = 0;
  let bytes = 0;
  let skipInts = 0;
  const skips = lists.map((l) => (l.jumps ? l.blobs.map(skipsOf) : null));
  lists.forEach((l, j) => {
    blobs += l.blobs.length;
    bytes += blobsLength(l.blobs);
    for (const table of skips[j] ?? []) skipInts += table.length;
  });
  const state = align(k.heapBase);
  const bounds = align(state + k.stateBytes);
  const tables = align(bounds + blobs * 16);
  const mask = align(tables + skipInts * 4);
  const data = align(mask + (keep?.length ?? 0));
  const out = align(data + bytes);
  const rows = mode === 'zones' ? 5 + lists.length : mode === 'presence' ? 1 : 5;
  const end = out + capacity * 4 * rows;
  if (k.memory.buffer.byteLength < end) k.memory.grow(Math.ceil((end - k.memory.buffer.byteLength) / 65536));
  const memory = k.memory.buffer;
  const u8 = new Uint8Array(memory);
  const i32 = new Int32Array(memory);
  if (keep !== null) u8.set(keep, mask);
  k.regions(state, bounds, mask, keep?.length ?? 0, keep !== null ? 1 : 0);
  let at = data;
  let table = tables;
  let blob = 0;
  lists.forEach((l, j) => {
    const first = blob;
    l.blobs.forEach((b, i) => {
      u8.set(b, at);
      const row = (bounds >> 2) + 4 * blob;
      i32[row] = at;
      i32[row + 1] = at + b.length;
      i32[row + 2] = table;
      const pairs = skips[j]?.[i];
      if (pairs !== undefined) {
        i32.set(pairs, table >> 2);
        table += pairs.length * 4;
      }
      i32[row + 3] = table;
      at += b.length;
      blob++;
    });
    k.setList(j, first, l.blobs.length, l.offset, l.jumps ? 1 : 0);
  });
  const n = k.walk(lists.length, out, capacity, MODE_NUMBERS[mode]);
  const column = (c: number, length = n): Int32Array => new Int32Array(memory, out + c * capacity * 4, length).slice();
  const none = { startAt: null, starts: null, counts: null, inTitle: null, inHeadings: null, first: null, heads: null };
  if (mode === 'presence') return { ...none, length: n, slots: column(0) };
  if (mode === 'positions' || mode === 'heading-candidates') {
    const startAt = column(1, n + 1);
    return { ...none, length: n, slots: column(0), startAt, starts: column(3, startAt[n]!) };
  }
  return { ...none, length: n, slots: column(0), counts: column(1), inTitle: column(2), inHeadings: column(3), first: column(4), heads: column(5, n * lists.length) };
}
