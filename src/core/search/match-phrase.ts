import { grown } from '../grown.js';
import { BigramCursor } from '../index/bigram-cursor.js';
import { EntryReader } from '../index/entry-reader.js';
import { PhraseReader, leaderStarts } from './occurrence-readers.js';
import type { InHeading, TermDetail } from './term-detail.js';
import { NO_ZONES, outScratch, type TermHits } from './term-hits.js';
import { walkedPhrase, walksInWebAssembly } from './walked-phrase.js';

/** A list a longer term is read from: its bigram's blobs, the bigram's offset in the term, the blobs' bytes. */
export interface PhraseList {
  blobs: readonly Uint8Array[];
  offset: number;
  bytes: number;
}

/** A list this many times the leader's bytes or more is sought with jumps (see BigramCursor). */
const JUMP_RATIO = 4;
/** A document's candidate starts. */
let candidates = new Int32Array(256);
/** Where each found document's entry starts in every list (copied out at the size found). */
let headScratch = new Int32Array(1024);

/** Whether some list's entry has no occurrence in a heading: then no occurrence of the phrase lies in one. */
function someOutsideHeadings(cursors: readonly BigramCursor[]): boolean {
  for (let k = 0; k < cursors.length; k++) if (cursors[k]!.headings === 0) return true;
  return false;
}

/**
 * A longer term's hits from the lists of `cover` (see matchTerm): their intersection in JavaScript, or the
 * walk in WebAssembly.
 */
export function matchPhrase(
  cover: readonly PhraseList[],
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
  if (walksInWebAssembly(cover.length)) {
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
  const { slots: outSlots, counts: outCounts, inTitle: outTitle, inHeadings: outHeadings, first: outFirst } = out;
  const { posStart: outStart, positions: outPositions } = out;
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
        for (let k = 0; k < others.length && found; k++) {
          found = others[k]!.cursor.has(start + others[k]!.offset);
        }
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
  if (!withPositions) {
    const settled = inHeading !== null ? 'headings' : 'presence';
    return { detail: settled, ...found, ...NO_ZONES, posStart: null, positions: null };
  }
  outStart[n] = np;
  const positions = outPositions.slice(0, np);
  return { detail: 'positions', ...found, ...NO_ZONES, posStart: outStart.slice(0, n + 1), positions };
}
