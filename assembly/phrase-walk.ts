// AssemblyScript (compiled to WebAssembly by `npm run build`; see src/core/search/phrase-walk.ts, which
// lays the lists out and reads the results). The walk of matchPhrase (match-term.ts): the leader's entries
// in order (those a search's filters let through), every other list brought to the leader's document,
// and the starts at which every list lines up read there (the first settles a document that needs no
// more). Its answers are the JavaScript walk's, which a property test holds it to. The lists' bytes are
// the posting codec's (posting-format.ts): entries `gap · 2 + short`, then for a short entry `position · 2 + in a
// heading`, for a long one `bytes · 2 + zoned`, the two zone counts when zoned, and the positions'
// varints (gaps from 0).
//
// Memory, as the caller writes it: the lists' blobs and skip tables, anywhere (kept between walks), each
// blob named in the bounds table by its start and end, its skip table's (see jump) and where it starts in
// its list's blobs laid end to end (what entry starts are given as); the keep mask; the output arrays.
// The per-list state below is the module's own (past it, from heapBase, the caller's).

/** Lists a walk takes at most (a longer term is walked in JavaScript). */
export const MAX_LISTS: i32 = 64;
const PAST_END: i32 = 0x7fffffff;
/** A target at most this many slots past a jumping list's entry is stepped to: at most as many entries lie before it, fewer than reading the skip table costs (filtered walks, which seek within runs of slots, 1.1x at 90M). */
const NEAR: i32 = 4;

// Per-list state: field f of list j is the i32 at state + ((f · MAX_LISTS + j) << 2).
const P = 0; // where the next entry starts
const END = 1; // end of the current blob
const BLOB = 2; // the current blob's pair in the bounds table
const BLOB_END = 3; // one past the list's last pair
const SLOT = 4; // the current entry's slot (-1 before the first, PAST_END past the last)
const FROM = 5; // the current entry's positions: the varints in [FROM, TO)
const TO = 6;
const READ = 7; // where its next position starts, and the last one read (the first is read when the entry is reached)
const LAST = 8;
const OFFSET = 9; // the list's bigram's offset in the term
const START = 10; // where the current entry starts
const TITLES = 11; // the current entry's occurrences in the title (0 for a short entry) and in headings
const HEADINGS = 12;
const JUMPS = 13; // 1 when the list is sought by jumps (its blobs have skip tables)
const SKIP = 14; // its first skip pair not behind the walk (an address in the current blob's table)
const STATE_FIELDS: i32 = 15;

/** What a walk writes: see walk. */
export const PRESENCE: i32 = 0;
export const ZONES: i32 = 1;
export const HEADING_CANDIDATES: i32 = 2;
export const POSITIONS: i32 = 3;

/** The per-list state table, the module's own data at an address fixed when it is compiled: every field's load is one instruction (walks 1.07–1.14× faster than with the table's address in a global). */
const state: usize = memory.data(STATE_FIELDS * MAX_LISTS * 4, 16);
let bounds: usize = 0;
/** The slots the leader may stop at, keep[slot] = 1 (when `filtered`: a search's filters). */
let keep: usize = 0;
let keepLength: i32 = 0;
let filtered = false;

@inline function field(f: i32, j: i32): usize {
  return state + (((f * MAX_LISTS + j) as usize) << 2);
}
@inline function get(f: i32, j: i32): i32 {
  return load<i32>(field(f, j));
}
@inline function set(f: i32, j: i32, v: i32): void {
  store<i32>(field(f, j), v);
}

/** Whether a walk reads its entries' starts and zones (ZONES, HEADING_CANDIDATES) or only their positions. */
let entryDetail = true;

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

/** Blob b's field f in the bounds table (eight i32 a blob): 0 its start, 1 its end, 2 and 3 its skip table's start and end, 4 its start in its list's blobs laid end to end. */
export const BOUNDS_FIELDS: i32 = 8;
@inline function blobAt(b: i32, f: i32): i32 {
  return load<i32>(bounds + ((b as usize) << 5) + ((f as usize) << 2));
}

/** Where the bounds table and the keep mask (with `withKeep`; `keepBytes` long) lie. */
export function regions(boundsPtr: usize, keepPtr: usize, keepBytes: i32, withKeep: bool): void {
  bounds = boundsPtr;
  keep = keepPtr;
  keepLength = keepBytes;
  filtered = withKeep;
}

/** List j: its blobs are the bounds table's [first, first + count); `offset` is its bigram's in the term; with `jumps` it is sought by its skip tables. */
export function setList(j: i32, first: i32, count: i32, offset: i32, jumps: bool): void {
  set(BLOB, j, first);
  set(BLOB_END, j, first + count);
  set(OFFSET, j, offset);
  // A list without blobs is past its end from the start: no seek reads a bounds row it does not have.
  set(SLOT, j, count > 0 ? -1 : PAST_END);
  set(JUMPS, j, jumps ? 1 : 0);
  const start = count > 0 ? blobAt(first, 0) : 0;
  set(P, j, start);
  set(END, j, count > 0 ? blobAt(first, 1) : 0);
  set(SKIP, j, count > 0 ? blobAt(first, 2) : 0);
}

/** Moves list j on to its next blob (its first gap counts from -1); false when it has none. */
@inline function nextBlob(j: i32): bool {
  const blob = get(BLOB, j) + 1;
  if (blob >= get(BLOB_END, j)) return false;
  set(BLOB, j, blob);
  set(P, j, blobAt(blob, 0));
  set(END, j, blobAt(blob, 1));
  set(SKIP, j, blobAt(blob, 2));
  set(SLOT, j, -1);
  return true;
}

/**
 * Moves list j, without reading entries, to the farthest place its skip tables show to lie before
 * `target` (BigramCursor.jump's move): a table's pairs are (slot of the entry before, offset in the blob
 * where an entry starts) for every 16th entry, then (the blob's last slot, its length), so every entry before a pair's
 * place has a slot under target when the pair's slot is; past a blob's last entry, on to the next blob.
 */
function jump(j: i32, target: i32): void {
  while (true) {
    const blob = get(BLOB, j);
    const end = <usize>blobAt(blob, 3);
    // The table's places are offsets into the blob.
    const p = get(P, j) - blobAt(blob, 0);
    let k = <usize>get(SKIP, j);
    while (k < end && load<i32>(k + 4) <= p) k += 8;
    if (k < end && load<i32>(k) < target) {
      let i = k;
      while (i + 8 < end && load<i32>(i + 8) < target) i += 8;
      set(SLOT, j, load<i32>(i));
      set(P, j, blobAt(blob, 0) + load<i32>(i + 4));
      k = i + 8;
    }
    set(SKIP, j, <i32>k);
    if (get(P, j) < get(END, j) || !nextBlob(j)) return;
  }
}

/** Whether the leader may stop at `slot`. */
@inline function kept(slot: i32): bool {
  return !filtered || (slot < keepLength && load<u8>(keep + <usize>slot) == 1);
}

/** The first slot at or after `slot` the keep mask lets through, PAST_END when none does. */
@inline function firstKept(slot: i32): i32 {
  let s = slot;
  // Eight slots at a time where none is kept (a batch's documents of other genres lie in runs).
  while (s + 8 <= keepLength && load<u64>(keep + <usize>s) == 0) s += 8;
  while (s < keepLength && load<u8>(keep + <usize>s) != 1) s++;
  return s < keepLength ? s : PAST_END;
}

/** Moves the leader to its first entry at or after `target` that the keep mask lets through; false when there is none. */
@inline function seekLead(target: i32): bool {
  return filtered ? seekKept(target) : seek(0, target);
}

/** seekLead with a keep mask. */
@inline function seekKept(target: i32): bool {
  let t = target;
  while (true) {
    const slot = get(SLOT, 0);
    if (slot == PAST_END) return false;
    if (slot >= t) {
      if (kept(slot)) return true;
      t = slot + 1;
    }
    t = firstKept(t);
    if (t == PAST_END) {
      set(SLOT, 0, PAST_END);
      return false;
    }
    if (!seek(0, t)) return false;
  }
}

/** Moves list j to its first entry at or after `target` (a jumping list by its skip tables first); false when there is none. Inlined where it is called: 1.03–1.05× on walks. */
@inline function seek(j: i32, target: i32): bool {
  if (get(SLOT, j) >= target) return get(SLOT, j) != PAST_END;
  if (get(JUMPS, j) == 1 && target - get(SLOT, j) > NEAR) jump(j, target);
  let slot = get(SLOT, j);
  let p = <usize>get(P, j);
  let end = <usize>get(END, j);
  while (true) {
    if (p >= end) {
      if (!nextBlob(j)) {
        set(SLOT, j, PAST_END);
        return false;
      }
      p = <usize>get(P, j);
      end = <usize>get(END, j);
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
      // Short: one position (its low bit, read below if the walk stops here, whether it lies in a heading).
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
      // Its first position, read now: a walk reads it for nearly every entry it stops at, and has() then
      // answers from LAST alone (a short entry's one varint holds its heading bit below its position).
      const first = varintAt(from);
      set(SLOT, j, slot);
      set(P, j, <i32>p);
      set(TO, j, <i32>to);
      set(READ, j, <i32>varintEnd);
      set(LAST, j, first >>> (head & 1));
      if (j == 0) leadUnread = true;
      if (entryDetail) {
        set(FROM, j, <i32>from);
        set(START, j, <i32>start);
        set(TITLES, j, titles);
        set(HEADINGS, j, head & 1 ? first & 1 : headings);
      }
      return true;
    }
  }
}

/** Whether the leader's current entry's first position (read by seek) is still to be handed out by nextLeadPosition. */
let leadUnread = false;

/** The leader's current entry's next position, -1 past its last. */
@inline function nextLeadPosition(): i32 {
  if (leadUnread) {
    leadUnread = false;
    return get(LAST, 0);
  }
  const p = <usize>get(READ, 0);
  if (p >= <usize>get(TO, 0)) return -1;
  const at = get(LAST, 0) + varintAt(p);
  set(READ, 0, <i32>varintEnd);
  set(LAST, 0, at);
  return at;
}

/** Whether list j's current entry holds position `at` (asked in ascending order within an entry). */
@inline function has(j: i32, at: i32): bool {
  let last = get(LAST, j);
  if (last >= at) return last == at;
  let p = <usize>get(READ, j);
  const to = <usize>get(TO, j);
  if (p >= to) return false;
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
 * Brings lists 1 .. k-1 to the leader's document `slot`: -1 when every one holds it, else the slot one lies
 * at beyond it, or PAST_END when one has no entry left.
 */
@inline function bringOthers(k: i32, slot: i32): i32 {
  for (let j = 1; j < k; j++) {
    if (!seek(j, slot)) return PAST_END;
    const at = get(SLOT, j);
    if (at > slot) return at;
  }
  return -1;
}

/** The leader's first position in the current document, as firstAligned last read it. */
let firstPosition: i32 = -1;

/**
 * The first start at which every list lines up in the current document, reading the leader's positions on
 * from where it stands (ascending), -1 when none does.
 */
@inline function firstAligned(k: i32, leadOffset: i32): i32 {
  while (true) {
    const at = nextLeadPosition();
    if (at < 0) return -1;
    if (firstPosition < 0) firstPosition = at;
    const start = at - leadOffset;
    if (start < 0) continue;
    let all = true;
    for (let j = 1; j < k && all; j++) all = has(j, start + get(OFFSET, j));
    if (all) return start;
  }
}

/** Whether some list's entry has no occurrence in a heading: then no occurrence of the term lies in one. */
@inline function someOutsideHeadings(k: i32): bool {
  for (let j = 0; j < k; j++) if (get(HEADINGS, j) == 0) return true;
  return false;
}

/**
 * Walks lists 0 .. k-1 (list 0 leading, stopping only at slots the keep mask lets through) and writes the
 * documents holding the term from `out` on, their slots first. PRESENCE: the slots only. ZONES: from
 * `capacity` on, for each the leader's occurrences, its title and heading counts and its first position,
 * then (from 5 · capacity on) every list's entry start (in its blobs laid end to end), k to a document.
 * HEADING_CANDIDATES: the documents whose every entry has an occurrence in a heading, with every start at
 * which all lists line up (at most 2 · capacity), or only the first, as -1 - start, when every occurrence
 * of the leader lies in a heading (the document is settled): document i's are starts[startAt[i] ..
 * startAt[i + 1]), startAt from out + capacity, starts from out + 3 · capacity (each one i32).
 * POSITIONS: every start, for every document holding the term. Returns how many. One loop per mode,
 * each as lean as its output allows.
 */
export function walk(k: i32, out: usize, capacity: i32, mode: i32): i32 {
  entryDetail = mode == ZONES || mode == HEADING_CANDIDATES;
  if (mode == ZONES) return walkZones(k, out, capacity);
  if (mode == HEADING_CANDIDATES) return walkStarts(k, out, capacity, true);
  if (mode == POSITIONS) return walkStarts(k, out, capacity, false);
  return walkPresence(k, out);
}

/**
 * From the leader's current entry on, the next document every list holds (each list brought there; one
 * lying beyond it moves the leader on): its slot, PAST_END when there is none.
 */
@inline function nextDocument(k: i32): i32 {
  while (true) {
    const slot = get(SLOT, 0);
    const beyond = bringOthers(k, slot);
    if (beyond == PAST_END) return PAST_END;
    if (beyond < 0) return slot;
    if (!seekLead(beyond)) return PAST_END;
  }
}

/** The first document every list holds (the leader's entries those the keep mask lets through), PAST_END when none. */
@inline function firstDocument(k: i32): i32 {
  let more = seekLead(0);
  for (let j = 1; j < k && more; j++) more = seek(j, 0);
  return more ? nextDocument(k) : PAST_END;
}

/** The next document after `slot` every list holds, PAST_END when none. */
@inline function documentAfter(k: i32, slot: i32): i32 {
  return seekLead(slot + 1) ? nextDocument(k) : PAST_END;
}

function walkPresence(k: i32, out: usize): i32 {
  const leadOffset = get(OFFSET, 0);
  let n = 0;
  for (let slot = firstDocument(k); slot != PAST_END; slot = documentAfter(k, slot)) {
    // The first start every list lines up with settles the document.
    if (firstAligned(k, leadOffset) >= 0) store<i32>(out + ((n++ as usize) << 2), slot);
  }
  return n;
}

function walkZones(k: i32, out: usize, capacity: i32): i32 {
  const span = (capacity as usize) << 2;
  const leadOffset = get(OFFSET, 0);
  let n = 0;
  for (let slot = firstDocument(k); slot != PAST_END; slot = documentAfter(k, slot)) {
    firstPosition = -1;
    if (firstAligned(k, leadOffset) >= 0) {
      const row = out + ((n as usize) << 2);
      store<i32>(row, slot);
      store<i32>(row + span, count(0));
      store<i32>(row + 2 * span, get(TITLES, 0));
      store<i32>(row + 3 * span, get(HEADINGS, 0));
      store<i32>(row + 4 * span, firstPosition);
      const heads = out + 5 * span + ((<usize>(n * k)) << 2);
      for (let j = 0; j < k; j++) store<i32>(heads + ((j as usize) << 2), get(START, j) - blobAt(get(BLOB, j), 0) + blobAt(get(BLOB, j), 4));
      n++;
    }
  }
  return n;
}

/** HEADING_CANDIDATES (`headingsOnly`) or POSITIONS: every start where all lists line up, by document. */
function walkStarts(k: i32, out: usize, capacity: i32, headingsOnly: bool): i32 {
  const span = (capacity as usize) << 2;
  const startAt = out + span;
  const starts = out + 3 * span;
  const leadOffset = get(OFFSET, 0);
  let nStarts = 0;
  let n = 0;
  for (let slot = firstDocument(k); slot != PAST_END; slot = documentAfter(k, slot)) {
    if (headingsOnly && someOutsideHeadings(k)) continue;
    // Every start every list lines up with (for heading candidates, the caller keeps the document if one lies
    // in a heading). When every occurrence of the leader lies in a heading, so does every start (a term lies
    // within one unit): the first settles the document, written as -1 - start.
    const settled = headingsOnly && get(HEADINGS, 0) == count(0);
    const before = nStarts;
    for (let s = firstAligned(k, leadOffset); s >= 0; s = firstAligned(k, leadOffset)) {
      store<i32>(starts + ((nStarts++ as usize) << 2), settled ? -1 - s : s);
      if (settled) break;
    }
    if (nStarts > before) {
      store<i32>(out + ((n as usize) << 2), slot);
      store<i32>(startAt + ((n as usize) << 2), before);
      n++;
    }
  }
  store<i32>(startAt + ((n as usize) << 2), nStarts);
  return n;
}

/** Where the caller may start laying out its tables (past this module's own data). */
export function heapBase(): usize {
  return __heap_base;
}
