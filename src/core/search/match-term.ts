import { grown } from '../grown.js';
import { BigramCursor } from '../index/bigram-cursor.js';
import { decodeBigrams, ownBigrams, type BigramDetail } from '../index/decode-bigrams.js';
import { DecodeScratch, blobsLength } from '../index/decode-scratch.js';
import { decodeUnigramSlots, decodeUnigrams } from '../index/decode-unigrams.js';
import { EntryReader } from '../index/entry-reader.js';
import { bigramKey } from '../index/gram-keys.js';
import { walkMaxLists, walkPhrase, type WalkList } from './phrase-walk.js';

/**
 * How much a term's hits tell, from least to most: which documents hold it; also how often and how often
 * in the title and in headings (for a longer term, bounds: see TermHits); every occurrence's position.
 * Apart from these, 'headings': which documents hold it in a heading (see InHeading), and no more.
 */
export type TermDetail = BigramDetail | 'headings';

/** What hits of each detail answer: more detail answers less, 'headings' only itself (its documents are a subset). */
const SERVES: Readonly<Record<TermDetail, readonly TermDetail[]>> = {
  presence: ['presence'],
  headings: ['headings'],
  zones: ['presence', 'zones'],
  positions: ['presence', 'zones', 'positions', 'headings'],
};

/** Whether hits decoded to `have` answer a search that needs `need`. */
export function detailServes(have: TermDetail, need: TermDetail): boolean {
  return SERVES[have].includes(need);
}

/**
 * Whether the occurrence starting at index-text offset `at` of the document in `slot` lies in a heading: the
 * caller knows where headings lie (the index knows only how many of an entry's occurrences do).
 */
export type InHeading = (slot: number, at: number) => boolean;

/** Reads the exact occurrence starts of hit i (an index into TermHits' arrays) when they are wanted later. */
export interface OccurrenceReader {
  /** An upper bound on hit i's occurrences (to size `into`). */
  span(i: number): number;
  /** Hit i's occurrence starts, ascending, into `into` from index 0; returns how many. */
  read(i: number, into: Int32Array): number;
}

/**
 * Documents (by slot, ascending) holding a term, with the occurrences in each. A 1-character term comes
 * from its unigram list: its slots alone for 'presence' and 'headings', else counts and flags (no
 * positions: all there is, so its detail is 'positions'); a longer one to the detail asked for.
 *
 * With detail 'zones', `counts`, `inTitle`, `inHeadings` and `first` describe a 2-character term's own
 * occurrences (`exact`), and for a longer term those of its leading bigram: an upper bound, since each
 * occurrence of the term holds one of the leader's in the same unit (`exact` false). Either way `reader`
 * gives the exact occurrences of the hits that need them.
 */
export interface TermHits {
  detail: TermDetail;
  length: number;
  slots: Int32Array;
  /** Occurrences per slot; 1 for 'presence' and 'headings'; see above for 'zones'. */
  counts: Int32Array;
  /** 1-character terms: IN_TITLE / IN_PAID / IN_HEADING bits per slot (see codec.ts); null for longer terms. */
  flags: Uint8Array | null;
  /** 1-character terms: occurrences before the paid part. */
  freeCounts: Int32Array | null;
  /**
   * Detail 'zones': see above and DecodedBigrams (`inTitle` 0 for an entry with one occurrence: `first` says
   * whether it lies in the title; `inHeadings` counts it too). `inHeadings` also holds a 1-character term's
   * occurrences in headings.
   */
  inTitle: Int32Array | null;
  inHeadings: Int32Array | null;
  first: Int32Array | null;
  exact: boolean;
  reader: OccurrenceReader | null;
  /** Slot i's occurrence starts are positions[posStart[i] .. posStart[i+1]); null unless the detail is 'positions' (and for 1-character terms). */
  posStart: Int32Array | null;
  positions: Int32Array | null;
}

/**
 * Every TermHits is made here, its fields always in this order: the search engine's loops over hits then
 * meet one object shape, whichever path made them (V8 compiles them for one shape and never throws the
 * code away for another).
 */
function termHits(h: TermHits): TermHits {
  return {
    detail: h.detail,
    length: h.length,
    slots: h.slots,
    counts: h.counts,
    flags: h.flags,
    freeCounts: h.freeCounts,
    inTitle: h.inTitle,
    inHeadings: h.inHeadings,
    first: h.first,
    exact: h.exact,
    reader: h.reader,
    posStart: h.posStart,
    positions: h.positions,
  };
}

const NO_ZONES = { inTitle: null, inHeadings: null, first: null, exact: true, reader: null } as const;

/** The grams a term is read from: its one character, or every bigram in it (matchTerm picks those it intersects). */
export function gramsOf(codes: Uint16Array): Array<{ gram: number; offset: number }> {
  if (codes.length === 1) return [{ gram: codes[0]!, offset: 0 }];
  const out: Array<{ gram: number; offset: number }> = [];
  for (let o = 0; o + 1 < codes.length; o++) out.push({ gram: bigramKey(codes[o]!, codes[o + 1]!), offset: o });
  return out;
}

/**
 * The offsets (ascending) of the covering set of a term's bigrams whose lists hold the fewest bytes
 * together, `bytes[o]` being the list of the bigram at offset o. Every character lies in a chosen bigram
 * (the first and the last bigram always, each next one starting one or two characters after the one
 * before), so a position where all of them line up is an exact occurrence. An intersection steps over
 * every entry of its longer lists, so it costs about their bytes: 我为群众办实事 is read from 我为, 为群,
 * 众办 and 实事 rather than through 群众, which nearly every document holds. On equal bytes, fewer lists.
 */
export function cheapestCover(bytes: ArrayLike<number>): number[] {
  const n = bytes.length;
  // The cheapest chain from offset 0 to the bigram at o: its bytes, its lists, the bigram before o in it.
  const best = new Float64Array(n);
  const lists = new Int32Array(n);
  const from = new Int32Array(n).fill(-1);
  best[0] = bytes[0]!;
  lists[0] = 1;
  for (let o = 1; o < n; o++) {
    const skip = o - 2;
    const prev =
      skip >= 0 && (best[skip]! < best[o - 1]! || (best[skip] === best[o - 1] && lists[skip]! <= lists[o - 1]!))
        ? skip
        : o - 1;
    best[o] = best[prev]! + bytes[o]!;
    lists[o] = lists[prev]! + 1;
    from[o] = prev;
  }
  const cover: number[] = [];
  for (let o = n - 1; o >= 0; o = from[o]!) cover.push(o);
  return cover.reverse();
}

/** Turns the leader's first `found` positions in `into` into the phrase starts they stand for (its offset taken off, those before the text's start dropped); returns how many. */
function leaderStarts(into: Int32Array, found: number, offset: number): number {
  let n = 0;
  for (let k = 0; k < found; k++) {
    const start = into[k]! - offset;
    if (start >= 0) into[n++] = start;
  }
  return n;
}

/** A 2-character term's occurrences: its entry's positions (`heads[i]`: where hit i's entry starts). */
class BigramReader implements OccurrenceReader {
  constructor(
    private readonly entries: EntryReader,
    private readonly heads: Int32Array,
  ) {}

  span(i: number): number {
    return this.entries.span(this.heads[i]!);
  }

  read(i: number, into: Int32Array): number {
    return this.entries.positions(this.heads[i]!, into);
  }
}

/**
 * A longer term's occurrences: the leader's positions (its offset taken off) that every other list lines
 * up with. `heads[i · lists + k]` is where hit i's entry starts in list k; `lists[0]` leads.
 */
class PhraseReader implements OccurrenceReader {
  constructor(
    private readonly lists: ReadonlyArray<{ entries: EntryReader; offset: number }>,
    private readonly heads: Int32Array,
  ) {}

  span(i: number): number {
    return this.lists[0]!.entries.span(this.heads[i * this.lists.length]!);
  }

  read(i: number, into: Int32Array): number {
    const row = i * this.lists.length;
    const lead = this.lists[0]!;
    let n = leaderStarts(into, lead.entries.positions(this.heads[row]!, into), lead.offset);
    for (let k = 1; k < this.lists.length && n > 0; k++)
      n = this.lists[k]!.entries.keep(this.heads[row + k]!, into, n, this.lists[k]!.offset);
    return n;
  }
}

/** A bigram outside a term's cover joins it, and leads, when its list holds under this share of the cover's smallest's bytes (a bigram near the cover's size holds nearly as many documents, and only adds a list). */
const RAREST_LEADS = 0.7;
/** A list this many times the leader's bytes or more is sought with jumps (see BigramCursor). */
const JUMP_RATIO = 4;
/** One decode scratch for a 2-character term's list (matching is synchronous, so calls never share it). */
const scratch = new DecodeScratch();
/** Where a longer term's occurrences are gathered before being copied out at their size. */
const outScratch = new DecodeScratch();
/** A document's candidate starts. */
let candidates = new Int32Array(256);
/** Where each found document's entry starts in every list (copied out at the size found). */
let headScratch = new Int32Array(1024);

/**
 * Exact occurrences of a term from its grams' postings: a 1- or 2-character term is its posting list; a
 * longer one is a positional intersection of the covering bigrams with the fewest bytes (`blobs` holds
 * every bigram gramsOf names; see cheapestCover). With detail 'headings' (which
 * needs `inHeading`), only the documents holding the term in a heading: a 2-character term's heading
 * counts settle it, and a longer term's document is settled by its leader's (all its occurrences in
 * headings) or by its first occurrence `inHeading` accepts.
 *
 * The intersection walks the lists' heads together, the list with the fewest bytes leading, and reads
 * positions only for a document every list holds: with detail 'positions', the leader's give candidate
 * starts, each other list (fewest bytes first) keeps those it lines up with, and a document is left as
 * soon as none remain; otherwise the first start that lines up everywhere settles the document (the rest
 * of its positions are never read), and with 'zones' the leader's counts and where every list's entry
 * lies are kept, so the exact occurrences of the documents that turn out to matter can be read later.
 *
 * With `keep` (1 per slot that may match, from a search's filters), the other slots of a 2-character or
 * longer term are left out: a longer term never seeks the other lists nor reads positions for them.
 */
export function matchTerm(
  codes: Uint16Array,
  blobs: ReadonlyMap<number, Uint8Array[]>,
  detail: TermDetail,
  keep: Uint8Array | null = null,
  inHeading: InHeading | null = null,
): TermHits {
  const grams = gramsOf(codes);
  if (detail === 'headings' && inHeading === null)
    throw new Error("matchTerm: detail 'headings' needs to know where headings lie (inHeading)");
  // One function per path, so each keeps compiled code of its own whatever the queries before it were.
  if (codes.length === 1) return termHits(matchUnigram(blobs.get(grams[0]!.gram) ?? [], detail));
  if (codes.length === 2) {
    const list = blobs.get(grams[0]!.gram) ?? [];
    // A filtered count walks its one list as a phrase walk does, by jumps past the slots left out (in
    // WebAssembly 1.2–1.3× the decode's at 90M). Unfiltered, the decode steps its entries faster than the
    // walk, which also copies the list.
    if (detail === 'presence' && keep !== null)
      return termHits(matchPhrase([{ blobs: list, offset: 0, bytes: blobsLength(list) }], detail, keep, null));
    return termHits(detail === 'headings' ? matchBigramInHeadings(list, keep) : matchBigram(list, detail, keep));
  }
  const lists = grams.map((g) => {
    const list = blobs.get(g.gram) ?? [];
    return { blobs: list, offset: g.offset, bytes: blobsLength(list) };
  });
  const cover = cheapestCover(lists.map((l) => l.bytes)).map((o) => lists[o]!);
  // The term's rarest bigram leads, in the cover or not: every occurrence holds it too (at its offset), so
  // the documents without it are stepped over unread by every list.
  const rarest = lists.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  if (!cover.includes(rarest) && rarest.bytes < RAREST_LEADS * Math.min(...cover.map((l) => l.bytes)))
    cover.push(rarest);
  return termHits(matchPhrase(cover, detail, keep, detail === 'headings' ? inHeading : null));
}

/** A 1-character term: with detail 'presence' or 'headings' its documents only (those with it in a heading), else its whole entries. */
function matchUnigram(list: readonly Uint8Array[], detail: TermDetail): TermHits {
  if (detail === 'presence' || detail === 'headings') {
    const found = decodeUnigramSlots(list, detail === 'headings');
    return { detail, ...found, flags: null, freeCounts: null, ...NO_ZONES, posStart: null, positions: null };
  }
  const u = decodeUnigrams(list);
  return {
    detail: 'positions',
    length: u.length,
    slots: u.slots,
    counts: u.counts,
    flags: u.flags,
    freeCounts: u.freeCounts,
    ...NO_ZONES,
    inHeadings: u.inHeadings,
    posStart: null,
    positions: null,
  };
}

function matchBigram(list: readonly Uint8Array[], detail: BigramDetail, keep: Uint8Array | null): TermHits {
  const { heads, ...b } = ownBigrams(decodeBigrams(list, detail, scratch, keep));
  const reader = heads ? new BigramReader(new EntryReader(list), heads) : null;
  return { detail, flags: null, freeCounts: null, ...b, exact: true, reader };
}

/** Whether some list's entry has no occurrence in a heading: then no occurrence of the phrase lies in one. */
function someOutsideHeadings(cursors: readonly BigramCursor[]): boolean {
  for (let k = 0; k < cursors.length; k++) if (cursors[k]!.headings === 0) return true;
  return false;
}

/** A 2-character term's documents with an occurrence in a heading, by its entries' heading counts (a short entry's its position's bit); positions are stepped over unread. */
function matchBigramInHeadings(list: readonly Uint8Array[], keep: Uint8Array | null): TermHits {
  const cursor = new BigramCursor(list, keep !== null);
  // Every entry takes two bytes or more.
  const out = outScratch.reserve((blobsLength(list) >> 1) + 1, 0);
  let n = 0;
  while (cursor.next(keep)) if (cursor.headings > 0) out.slots[n++] = cursor.slot;
  return {
    detail: 'headings',
    length: n,
    slots: out.slots.slice(0, n),
    counts: new Int32Array(n).fill(1),
    flags: null,
    freeCounts: null,
    ...NO_ZONES,
    posStart: null,
    positions: null,
  };
}

let walkInWasm = true;

/** With `on` false, the JavaScript walk serves every phrase (to compare the two walks; the default is on). */
export function walkInWebAssembly(on: boolean): void {
  walkInWasm = on;
}

/** matchPhrase's walk in WebAssembly: the same hits as the JavaScript walk. */
function walkedPhrase(
  lists: readonly WalkList[],
  detail: TermDetail,
  maxHits: number,
  keep: Uint8Array | null,
  inHeading: InHeading | null,
): TermHits {
  if (detail === 'positions') {
    const w = walkPhrase(lists, 'positions', maxHits, keep);
    const counts = new Int32Array(w.length);
    for (let i = 0; i < w.length; i++) counts[i] = w.startAt![i + 1]! - w.startAt![i]!;
    return {
      detail,
      length: w.length,
      slots: w.slots,
      counts,
      flags: null,
      freeCounts: null,
      ...NO_ZONES,
      posStart: w.startAt,
      positions: w.starts,
    };
  }
  if (inHeading !== null) {
    // The walk gives the documents whose every entry has occurrences in headings, with every start that
    // lines up: the first start in a heading settles a document (one the walk settled has one start, < 0).
    const w = walkPhrase(lists, 'heading-candidates', maxHits, keep);
    const slots = new Int32Array(w.length);
    let n = 0;
    for (let i = 0; i < w.length; i++) {
      const slot = w.slots[i]!;
      for (let s = w.startAt![i]!; s < w.startAt![i + 1]!; s++) {
        const start = w.starts![s]!;
        if (start < 0 || inHeading(slot, start)) {
          slots[n++] = slot;
          break;
        }
      }
    }
    return {
      detail: 'headings',
      length: n,
      slots: slots.slice(0, n),
      counts: new Int32Array(n).fill(1),
      flags: null,
      freeCounts: null,
      ...NO_ZONES,
      posStart: null,
      positions: null,
    };
  }
  const withZones = detail === 'zones';
  const w = walkPhrase(lists, withZones ? 'zones' : 'presence', maxHits, keep);
  const found = { length: w.length, slots: w.slots, flags: null, freeCounts: null };
  if (!withZones)
    return {
      detail: 'presence',
      ...found,
      counts: new Int32Array(w.length).fill(1),
      ...NO_ZONES,
      posStart: null,
      positions: null,
    };
  const reader = new PhraseReader(
    lists.map((l) => ({ entries: new EntryReader(l.blobs), offset: l.offset })),
    w.heads!,
  );
  return {
    detail: 'zones',
    ...found,
    counts: w.counts!,
    inTitle: w.inTitle,
    inHeadings: w.inHeadings,
    first: w.first,
    exact: false,
    reader,
    posStart: null,
    positions: null,
  };
}

/** A longer term: see matchTerm. */
function matchPhrase(
  cover: ReadonlyArray<{ blobs: readonly Uint8Array[]; offset: number; bytes: number }>,
  detail: TermDetail,
  keep: Uint8Array | null,
  inHeading: InHeading | null,
): TermHits {
  const withPositions = detail === 'positions';
  const withZones = detail === 'zones';
  const fewest = Math.min(...cover.map((l) => l.bytes));
  // Jumps pay where seeks go far: every list's past the slots `keep` leaves out (the leader stops at none of
  // them), and a list's much longer than the leader's.
  const jumps = (l: { bytes: number }): boolean => keep !== null || l.bytes > JUMP_RATIO * fewest;
  // Every occurrence is one of the leader's positions, every entry takes two bytes or more.
  const maxHits = (fewest >> 1) + 1;
  if (walkInWasm && cover.length <= walkMaxLists()) {
    const walked = cover
      .map((l) => ({ blobs: l.blobs, offset: l.offset, bytes: l.bytes, jumps: jumps(l) }))
      .sort((a, b) => a.bytes - b.bytes);
    return walkedPhrase(walked, detail, maxHits, keep, inHeading);
  }
  const lists = cover.map((l) => ({
    blobs: l.blobs,
    offset: l.offset,
    bytes: l.bytes,
    cursor: new BigramCursor(l.blobs, jumps(l)),
  }));
  lists.sort((a, b) => a.bytes - b.bytes);
  const lead = lists[0]!;
  const others = lists.slice(1);
  const out = outScratch.reserve(maxHits, withPositions ? lead.bytes : 0);
  const {
    slots: outSlots,
    counts: outCounts,
    inTitle: outTitle,
    inHeadings: outHeadings,
    first: outFirst,
    posStart: outStart,
    positions: outPositions,
  } = out;
  let n = 0;
  let np = 0;
  const leader = lead.cursor;
  // With zones, where every list's entry of each hit starts: room for as many hits as the leader can give.
  const cursors = lists.map((l) => l.cursor);
  const width = lists.length;
  if (withZones) headScratch = grown(headScratch, maxHits * width);
  const heads = headScratch;
  // The leader stops only at slots `keep` lets through (every slot without it).
  let more = leader.next(keep) && others.every((o) => o.cursor.next());
  while (more) {
    const slot = leader.slot;
    // Bring every list to the leader's document; one that lies beyond it moves the leader on.
    let beyond = -1;
    for (let k = 0; k < others.length; k++) {
      const c = others[k]!.cursor;
      if (!c.seek(slot)) {
        more = false;
        break;
      }
      if (c.slot > slot) {
        beyond = c.slot;
        break;
      }
    }
    if (!more) break;
    if (beyond >= 0) {
      more = leader.seek(beyond, keep);
      continue;
    }
    if (inHeading !== null && someOutsideHeadings(cursors)) {
      more = leader.next(keep);
      continue;
    }
    if (!withPositions) {
      // The first start every list lines up with settles the document; the positions past it are never read.
      let found = false;
      let first = -1;
      while (!found) {
        const at = leader.nextPosition();
        if (at < 0) break;
        if (first < 0) first = at;
        const start = at - lead.offset;
        if (start < 0) continue;
        found = true;
        for (let k = 0; k < others.length && found; k++) found = others[k]!.cursor.has(start + others[k]!.offset);
        // Detail 'headings': an occurrence outside the headings does not settle the document.
        if (found && inHeading !== null) found = inHeading(slot, start);
      }
      if (found) {
        outSlots[n] = slot;
        outCounts[n] = 1;
        if (withZones) {
          outCounts[n] = leader.count();
          outTitle[n] = leader.titles;
          outHeadings[n] = leader.headings;
          outFirst[n] = first;
          const row = n * width;
          for (let k = 0; k < width; k++) heads[row + k] = cursors[k]!.head;
        }
        n++;
      }
      more = leader.next(keep);
      continue;
    }
    if (candidates.length < leader.span()) candidates = new Int32Array(leader.span() * 2);
    let nc = leaderStarts(candidates, leader.positions(candidates), lead.offset);
    // Each list keeps the candidates it lines up with (one merge walk, reading up to the last candidate).
    for (let k = 0; k < others.length && nc > 0; k++) nc = others[k]!.cursor.keep(candidates, nc, others[k]!.offset);
    if (nc > 0) {
      outSlots[n] = slot;
      outCounts[n] = nc;
      outStart[n++] = np;
      for (let i = 0; i < nc; i++) outPositions[np++] = candidates[i]!;
    }
    more = leader.next(keep);
  }
  const found = {
    length: n,
    slots: outSlots.slice(0, n),
    counts: outCounts.slice(0, n),
    flags: null,
    freeCounts: null,
  };
  if (withZones) {
    const reader = new PhraseReader(
      lists.map((l) => ({ entries: new EntryReader(l.blobs), offset: l.offset })),
      heads.slice(0, n * width),
    );
    const zones = { inTitle: outTitle.slice(0, n), inHeadings: outHeadings.slice(0, n), first: outFirst.slice(0, n) };
    return { detail: 'zones', ...found, ...zones, exact: false, reader, posStart: null, positions: null };
  }
  if (!withPositions)
    return {
      detail: inHeading !== null ? 'headings' : 'presence',
      ...found,
      ...NO_ZONES,
      posStart: null,
      positions: null,
    };
  outStart[n] = np;
  return {
    detail: 'positions',
    ...found,
    ...NO_ZONES,
    posStart: outStart.slice(0, n + 1),
    positions: outPositions.slice(0, np),
  };
}
