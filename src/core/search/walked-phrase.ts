import { EntryReader } from '../index/entry-reader.js';
import { PhraseReader } from './occurrence-readers.js';
import { walkMaxLists, walkPhrase, type WalkList } from './phrase-walk.js';
import type { InHeading, TermDetail } from './term-detail.js';
import { headingHits, NO_ZONES, type TermHits } from './term-hits.js';

/* The glue between matchPhrase and the phrase walk in WebAssembly (phrase-walk.ts). */

let walkInWasm = true;

/** With `on` false, the JavaScript walk serves every phrase (to compare the two walks; the default is on). */
export function walkInWebAssembly(on: boolean): void {
  walkInWasm = on;
}

/** Whether the WebAssembly walk serves a phrase read from `lists` lists. */
export function walksInWebAssembly(lists: number): boolean {
  return walkInWasm && lists <= walkMaxLists();
}

/** matchPhrase's walk in WebAssembly: the same hits as the JavaScript walk. */
export function walkedPhrase(
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
    return headingHits(slots, n);
  }
  const withZones = detail === 'zones';
  const w = walkPhrase(lists, withZones ? 'zones' : 'presence', maxHits, keep);
  const found = { length: w.length, slots: w.slots, flags: null, freeCounts: null };
  if (!withZones) {
    const counts = new Int32Array(w.length).fill(1);
    return { detail: 'presence', ...found, counts, ...NO_ZONES, posStart: null, positions: null };
  }
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
