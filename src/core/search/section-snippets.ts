import { UNIT_KINDS } from '../index/contracts.js';
import { normalizeText } from '../normalize.js';
import { indexOfTerm } from './any-punctuation.js';
import { aliasShown, aliasSnippets } from './alias-hits.js';
import type { TermState } from './collect-hits.js';
import type { LibraryTables } from './library-tables.js';
import { rankKeys } from './rank-by-bounds.js';
import { KIND } from './scope-kinds.js';
import { makeSnippet, type Snippet } from './snippets.js';
import { FROM_ALIAS, type TitleAliasTable } from './title-aliases.js';
import { rankOrder } from './top-k.js';
import { boundaryFit } from './word-boundaries.js';

/** How many of the first results of a 1–2 character query are re-ranked by word boundaries. */
export const RERANK_WINDOW = 30;

/**
 * Units whose texts the shown documents need: each term's unit, titles excluded (the title is in
 * DocMeta).
 */
export function snippetUnits(t: LibraryTables, docs: readonly number[], states: readonly TermState[]): number[] {
  const units = new Set<number>();
  for (const d of docs) {
    for (const s of states) if (s.best[d]! >= 0 && s.best[d] !== t.docUnitLo[d]) units.add(s.best[d]!);
  }
  return [...units];
}

/** Re-ranks the first results of 1–2 character queries by how often the hit stands as a word of its own. */
export function rerank(
  t: LibraryTables,
  window: number[],
  score: Float64Array,
  states: readonly TermState[],
  texts: ReadonlyMap<number, string>,
  aliases: TitleAliasTable | null = null,
): void {
  for (const d of window) {
    let fit = 0;
    let n = 0;
    for (const s of states) {
      const u = s.best[d]!;
      // A document found by an alias title alone is judged on that title, as the rest on their units.
      const text =
        u === t.docUnitLo[d]
          ? t.docs[d]!.title
          : u >= 0
            ? texts.get(u)
            : u === FROM_ALIAS && aliases !== null
              ? aliasShown(aliases, s, d)
              : undefined;
      if (text === undefined) continue;
      const normalized = normalizeText(text);
      let at = indexOfTerm(normalized, s.term);
      for (let k = 0; at >= 0 && k < 2; k++) {
        fit += boundaryFit(normalized, at, at + s.term.length);
        n++;
        at = indexOfTerm(normalized, s.term, at + s.term.length);
      }
    }
    if (n > 0) score[d] = score[d]! * (0.85 + 0.15 * (fit / n));
  }
  window.sort(rankOrder(rankKeys(t, score)));
}

/** The heading a unit stands under in its document (a heading: its parent), -1 at the top. */
export function sectionOf(t: LibraryTables, unit: number): number {
  const d = t.unitDoc[unit]!;
  // A heading's section is its parent: the nearest heading above of a lower level (二、 is in no section, not
  // in the last heading of section one); any other unit's is the nearest heading above.
  const below = t.unitKind[unit] === KIND.heading ? t.unitLevel[unit]! : Infinity;
  for (let u = unit - 1; u > t.docUnitLo[d]!; u--) {
    if (t.unitKind[u] === KIND.heading && t.unitLevel[u]! < below) return u;
  }
  return -1;
}

/** The headings above document `d`'s units to show (those the reader may see), whose texts name sections. */
export function sectionUnits(t: LibraryTables, d: number, states: readonly TermState[], freeOnly: boolean): number[] {
  return states
    .map((s) => s.best[d]!)
    .filter((u) => u > t.docUnitLo[d]!)
    .map((u) => sectionOf(t, u))
    .filter((s) => s >= 0 && (!freeOnly || t.unitPaidFrom[s] === -1));
}

/**
 * Document `d`'s snippets: the title when it holds a term, the alias titles that do, then each term's unit
 * to show (three at most).
 */
export function snippets(
  t: LibraryTables,
  d: number,
  states: readonly TermState[],
  terms: readonly string[],
  texts: ReadonlyMap<number, string>,
  sections: ReadonlyMap<number, string>,
  sentence: boolean,
  freeOnly: boolean,
  aliases: TitleAliasTable | null = null,
): Snippet[] {
  const out: Snippet[] = [];
  const title = t.docs[d]!.title;
  const titleUnit = t.docUnitLo[d]!;
  if (
    states.some((s) => s.best[d] === titleUnit) ||
    terms.some((term) => indexOfTerm(normalizeText(title), term) >= 0)
  ) {
    const s = makeSnippet(title, terms, title.length, false);
    if (s) out.push({ ord: 0, kind: 'title', section: null, ...s });
  }
  if (aliases !== null) out.push(...aliasSnippets(aliases, d, states, terms));
  const seen = new Set<number>();
  for (const state of states) {
    const u = state.best[d]!;
    if (u <= titleUnit || seen.has(u) || out.length >= 3) continue;
    seen.add(u);
    const text = texts.get(u);
    if (text === undefined) continue;
    const paidFrom = t.unitPaidFrom[u]!;
    const visibleUpTo = freeOnly && paidFrom >= 0 ? paidFrom : text.length;
    const s = makeSnippet(text, terms, visibleUpTo, sentence);
    if (!s) continue;
    const sectionUnit = sectionOf(t, u);
    const sectionText = sectionUnit >= 0 ? sections.get(sectionUnit) : undefined;
    const section =
      sectionText === undefined ? null : sectionText.length > 30 ? `${sectionText.slice(0, 30)}…` : sectionText;
    out.push({ ord: u - titleUnit, kind: UNIT_KINDS[t.unitKind[u]!]!, section, ...s });
  }
  return out;
}
