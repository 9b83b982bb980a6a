// AssemblyScript (compiled to WebAssembly by `npm run build`; see src/core/search/phrase-walk.ts, which
// lays the lists out and reads the results). The walk of matchPhrase (match-term.ts) for detail 'presence'
// or 'zones' with no slot filter: the leader's entries in order, every other list brought to the leader's
// document, and the first start at which every list lines up settles the document. The lists' bytes are
// the posting codec's (codec.ts): entries `gap · 2 + short`, then for a long entry `bytes · 2 + zoned`,
// the two zone counts when zoned, and the positions' varints (gaps from 0).
//
// Memory, as the caller writes it: each list's blobs laid end to end, each blob named by a (start, end)
// pair of byte addresses in the bounds table; the per-list state below; the output arrays.

/** Lists a walk takes at most (a longer term is walked in JavaScript). */
export const MAX_LISTS: i32 = 64;
const PAST_END: i32 = 0x7fffffff;

// Per-list state: field f of list j is the i32 at state + ((f · MAX_LISTS + j) << 2).
const P = 0; // where the next entry starts
const END = 1; // end of the current blob
const BLOB = 2; // the current blob's pair in the bounds table
const BLOB_END = 3; // one past the list's last pair
const SLOT = 4; // the current entry's slot (-1 before the first, PAST_END past the last)
const FROM = 5; // the current entry's positions: the varints in [FROM, TO)
const TO = 6;
const READ = 7; // where its next position starts, and the last one read (-1 before the first)
const LAST = 8;
const OFFSET = 9; // the list's bigram's offset in the term
const BASE = 10; // where the list's first blob starts
const START = 11; // where the current entry starts
const TITLES = 12; // the current entry's occurrences in the title and in headings (0 for a short entry)
const HEADINGS = 13;
export const STATE_FIELDS: i32 = 14;

let state: usize = 0;
let bounds: usize = 0;

@inline function field(f: i32, j: i32): usize {
  return state + (((f * MAX_LISTS + j) as usize) << 2);
}
@inline function get(f: i32, j: i32): i32 {
  return load<i32>(field(f, j));
}
@inline function set(f: i32, j: i32, v: i32): void {
  store<i32>(field(f, j), v);
}

/** Where the varint read last ended. */
let varintEnd: usize = 0;

@inline function varintAt(p: usize): i32 {
  let b = <i32>load<u8>(p);
  if (b < 0x80) {
    varintEnd = p + 1;
    return b;
  }
  let value = b & 0x7f;
  let shift = 7;
  let q = p + 1;
  do {
    b = <i32>load<u8>(q++);
    value |= (b & 0x7f) << shift;
    shift += 7;
  } while (b >= 0x80);
  varintEnd = q;
  return value;
}

@inline function varintSkip(p: usize): usize {
  let q = p;
  while (load<u8>(q++) >= 0x80) {}
  return q;
}

/** Where the state table and the bounds table lie. */
export function regions(statePtr: usize, boundsPtr: usize): void {
  state = statePtr;
  bounds = boundsPtr;
}

/** List j: its blobs are the bounds table's pairs [first, first + count); `offset` is its bigram's in the term. */
export function setList(j: i32, first: i32, count: i32, offset: i32): void {
  set(BLOB, j, first);
  set(BLOB_END, j, first + count);
  set(OFFSET, j, offset);
  set(SLOT, j, -1);
  const pair = bounds + ((first as usize) << 3);
  const start = count > 0 ? load<i32>(pair) : 0;
  set(P, j, start);
  set(END, j, count > 0 ? load<i32>(pair + 4) : 0);
  set(BASE, j, start);
}

/** Moves list j to its first entry at or after `target`; false when there is none. */
function seek(j: i32, target: i32): bool {
  let slot = get(SLOT, j);
  if (slot >= target) return slot != PAST_END;
  let p = <usize>get(P, j);
  let end = <usize>get(END, j);
  while (true) {
    if (p >= end) {
      const blob = get(BLOB, j) + 1;
      if (blob >= get(BLOB_END, j)) {
        set(SLOT, j, PAST_END);
        return false;
      }
      set(BLOB, j, blob);
      const pair = bounds + ((blob as usize) << 3);
      p = <usize>load<i32>(pair);
      end = <usize>load<i32>(pair + 4);
      set(END, j, <i32>end);
      // A blob's first gap counts from -1.
      slot = -1;
      continue;
    }
    const start = p;
    const head = varintAt(p);
    p = varintEnd;
    slot += head >>> 1;
    let from = p;
    let to: usize;
    let titles = 0;
    let headings = 0;
    if (head & 1) {
      // Short: one position.
      to = varintSkip(p);
    } else {
      const length = varintAt(p);
      p = varintEnd;
      if (length & 1) {
        titles = varintAt(p);
        headings = varintAt(varintEnd);
        p = varintEnd;
      }
      from = p;
      to = p + <usize>(length >>> 1);
    }
    p = to;
    if (slot >= target) {
      set(SLOT, j, slot);
      set(P, j, <i32>p);
      set(START, j, <i32>start);
      set(FROM, j, <i32>from);
      set(TO, j, <i32>to);
      set(READ, j, <i32>from);
      set(LAST, j, -1);
      set(TITLES, j, titles);
      set(HEADINGS, j, headings);
      return true;
    }
  }
}

/** List j's current entry's next position, -1 past its last. */
@inline function nextPosition(j: i32): i32 {
  const p = <usize>get(READ, j);
  if (p >= <usize>get(TO, j)) return -1;
  const gap = varintAt(p);
  set(READ, j, <i32>varintEnd);
  const before = get(LAST, j);
  const at = (before < 0 ? 0 : before) + gap;
  set(LAST, j, at);
  return at;
}

/** Whether list j's current entry holds position `at` (asked in ascending order within an entry). */
@inline function has(j: i32, at: i32): bool {
  let last = get(LAST, j);
  if (last >= at) return last == at;
  let p = <usize>get(READ, j);
  const to = <usize>get(TO, j);
  if (p >= to) return false;
  if (last < 0) last = 0;
  do {
    last += varintAt(p);
    p = varintEnd;
  } while (last < at && p < to);
  set(READ, j, <i32>p);
  set(LAST, j, last);
  return last == at;
}

/** How many positions list j's current entry holds (every varint has one byte under 0x80). */
@inline function count(j: i32): i32 {
  let n = 0;
  const to = <usize>get(TO, j);
  for (let p = <usize>get(FROM, j); p < to; p++) n += (<i32>load<u8>(p) >>> 7) ^ 1;
  return n;
}

/**
 * Walks lists 0 .. k-1 (list 0 leading) and writes the documents holding the term from `out` on: their
 * slots; with `zones`, `capacity` further on each the leader's occurrences, its title and heading counts,
 * its first position, then (from 5 · capacity on) every list's entry start (from its first blob's start)
 * k to a document. Returns how many documents.
 */
export function walk(k: i32, out: usize, capacity: i32, zones: bool): i32 {
  const span = (capacity as usize) << 2;
  let n = 0;
  let more = seek(0, 0);
  for (let j = 1; j < k && more; j++) more = seek(j, 0);
  const leadOffset = get(OFFSET, 0);
  while (more) {
    const slot = get(SLOT, 0);
    // Bring every list to the leader's document; one that lies beyond it moves the leader on.
    let beyond = -1;
    for (let j = 1; j < k; j++) {
      if (!seek(j, slot)) {
        more = false;
        break;
      }
      const at = get(SLOT, j);
      if (at > slot) {
        beyond = at;
        break;
      }
    }
    if (!more) break;
    if (beyond >= 0) {
      more = seek(0, beyond);
      continue;
    }
    // The first start every list lines up with settles the document.
    let found = false;
    let first = -1;
    while (!found) {
      const at = nextPosition(0);
      if (at < 0) break;
      if (first < 0) first = at;
      const start = at - leadOffset;
      if (start < 0) continue;
      found = true;
      for (let j = 1; j < k && found; j++) found = has(j, start + get(OFFSET, j));
    }
    if (found) {
      const row = out + ((n as usize) << 2);
      store<i32>(row, slot);
      if (zones) {
        store<i32>(row + span, count(0));
        store<i32>(row + 2 * span, get(TITLES, 0));
        store<i32>(row + 3 * span, get(HEADINGS, 0));
        store<i32>(row + 4 * span, first);
        const heads = out + 5 * span + ((<usize>(n * k)) << 2);
        for (let j = 0; j < k; j++) store<i32>(heads + ((j as usize) << 2), get(START, j) - get(BASE, j));
      }
      n++;
    }
    more = seek(0, slot + 1);
  }
  return n;
}

/** Where the caller may start laying out its tables (past this module's own data). */
export function heapBase(): usize {
  return __heap_base;
}
