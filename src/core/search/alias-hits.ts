import type { CollectContext, TermState } from './collect-hits.js';
import type { LibraryTables } from './library-tables.js';
import type { TermHits } from './match-term.js';
import { makeSnippet, type Snippet } from './snippets.js';
import type { SearchScope } from './search-options.js';
import { FROM_ALIAS, type AliasHits, type TitleAliasTable } from './title-aliases.js';

/** Alias titles are titles: searched in the title scope and everywhere, not in a scope of the text's parts. */
export function aliasScope(scope: SearchScope): boolean {
  return scope === 'all' || scope === 'title';
}

/**
 * Adds a term's alias-title documents to what collectHits found: those still in play (not excluded, held
 * by every term before, let through by the filters) gain the alias weight; those the index did not find
 * match by their alias alone. Returns how many matched by alias alone.
 */
export function mergeAliasHits(
  a: AliasHits,
  ctx: Pick<CollectContext, 'excluded' | 'previous'>,
  tf: Float64Array,
  here: Uint8Array,
  best: Int32Array,
  entry: Int32Array,
): number {
  const { excluded, previous } = ctx;
  let added = 0;
  for (let k = 0; k < a.docs.length; k++) {
    const d = a.docs[k]!;
    if (excluded[d] === 1 || (previous !== null && previous[d] === 0)) continue;
    if (here[d] === 1) {
      tf[d]! += a.tf[k]!;
      continue;
    }
    here[d] = 1;
    tf[d] = a.tf[k]!;
    best[d] = FROM_ALIAS;
    if (entry.length > 0) entry[d] = -1;
    added++;
  }
  return added;
}

/**
 * How many of a term's alias-title documents its index hits do not hold, among those `mask` lets through:
 * what a count by the hits alone adds for them (each looked up in the hits' ascending slots).
 */
export function aliasOnlyCount(a: AliasHits, h: TermHits, t: LibraryTables, mask: Uint8Array | null): number {
  let n = 0;
  for (const d of a.docs) {
    if (mask !== null && mask[d] === 0) continue;
    const slot = t.docSlot[d]!;
    let lo = 0;
    let hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h.slots[mid]! < slot) lo = mid + 1;
      else hi = mid;
    }
    if (lo === h.length || h.slots[lo] !== slot) n++;
  }
  return n;
}

/** Marks the documents an excluded term's alias titles hold: it rules a document out wherever it stands. */
export function markAliasExcluded(a: AliasHits | null, excluded: Uint8Array): void {
  if (a !== null) for (const d of a.docs) excluded[d] = 1;
}

/** A term's weighted frequency in document `d`'s alias titles (0 when none holds it). */
export function aliasFrequency(state: TermState, d: number): number {
  const k = state.alias?.at.get(d);
  return k === undefined ? 0 : state.alias!.tf[k]!;
}

/** The alias title shown for a term's hit in document `d` (one of its alias titles holds the term). */
export function aliasShown(table: TitleAliasTable, state: TermState, d: number): string | undefined {
  const k = state.alias?.at.get(d);
  return k === undefined ? undefined : table.alias(state.alias!.shown[k]!).title;
}

/** Document `d`'s alias titles that hold a term, as snippets (ord -1: not a unit of the document). */
export function aliasSnippets(
  table: TitleAliasTable,
  d: number,
  states: readonly TermState[],
  terms: readonly string[],
): Snippet[] {
  const out: Snippet[] = [];
  const shown = new Set<number>();
  for (const state of states) {
    const k = state.alias?.at.get(d);
    if (k === undefined) continue;
    const i = state.alias!.shown[k]!;
    if (shown.has(i)) continue;
    shown.add(i);
    const { kind, title } = table.alias(i);
    const s = makeSnippet(title, terms, title.length, false);
    if (s) out.push({ ord: -1, kind, section: null, ...s });
  }
  return out;
}
