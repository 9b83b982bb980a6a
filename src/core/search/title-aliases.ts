import type { TitleAlias } from '../index/contracts.js';
import { normalizeText } from '../normalize.js';

/**
 * Weight of an occurrence in a title a document is also known by, beside FIELD_WEIGHT (title 6, headings
 * 3): a repost's title names this very text, nearly as its own title does; a compilation's names the
 * collection it came in, more than a heading says and less than the article's own title.
 */
export const ALIAS_WEIGHT = { repost: 5, compilation: 4 } as const;

/**
 * `best` of a document a term matched by its alias titles alone: no unit of its own to show or read
 * occurrences from (placeShown, findMissingUnits and topByBounds pass it by).
 */
export const FROM_ALIAS = -2;

/** A term's documents by their alias titles: parallel arrays, one entry a document. */
export interface AliasHits {
  /** Document indexes (LibraryTables), ascending by first alias holding the term. */
  docs: number[];
  /** Each document's weighted frequency of the term in its alias titles. */
  tf: number[];
  /** Each document's first alias holding the term (an index for `alias`), shown as its snippet. */
  shown: number[];
  /** Document index → its entry in the arrays above. */
  at: Map<number, number>;
}

const SEPARATOR = '\n';

/**
 * The titles documents are also known by (their compilation's, retitled reposts'), searched beside the
 * index: they are few (a row per compilation article and per retitled repost) and learnt after a
 * document's units were indexed, so they live in one normalized string scanned per term, not in segments.
 */
export class TitleAliasTable {
  private joined = '';
  /** Per alias: its start in `joined`, document index, kind and title as written. */
  private readonly starts: number[] = [];
  private readonly docs: number[] = [];
  private readonly kinds: Array<TitleAlias['kind']> = [];
  private readonly titles: string[] = [];
  /** Id of the last alias loaded (what the source's `titleAliases` takes). */
  lastId = 0;

  get size(): number {
    return this.titles.length;
  }

  /** Adds aliases new since the last load; `docIndex` maps a document id to its index (every one is loaded). */
  load(aliases: readonly TitleAlias[], docIndex: ReadonlyMap<number, number>): void {
    let added = '';
    for (const a of aliases) {
      this.lastId = Math.max(this.lastId, a.id);
      const d = docIndex.get(a.docId);
      if (d === undefined) continue;
      this.starts.push(this.joined.length + added.length);
      this.docs.push(d);
      this.kinds.push(a.kind);
      this.titles.push(a.title);
      added += normalizeText(a.title) + SEPARATOR;
    }
    this.joined += added;
  }

  /** Drops the aliases of a deleted document (by its index): no term finds it through them any more. */
  forget(docIndex: number): void {
    for (let k = 0; k < this.docs.length; k++) if (this.docs[k] === docIndex) this.docs[k] = -1;
  }

  /** The documents whose alias titles hold `term` (normalized), null when none do. */
  match(term: string): AliasHits | null {
    if (this.titles.length === 0 || term.length === 0 || term.includes(SEPARATOR)) return null;
    let at = this.joined.indexOf(term);
    if (at < 0) return null;
    const hits: AliasHits = { docs: [], tf: [], shown: [], at: new Map() };
    while (at >= 0) {
      const alias = this.aliasAt(at);
      const d = this.docs[alias]!;
      if (d < 0) {
        at = this.joined.indexOf(term, at + term.length);
        continue;
      }
      const k = hits.at.get(d);
      const weight = ALIAS_WEIGHT[this.kinds[alias]!];
      if (k === undefined) {
        hits.at.set(d, hits.docs.length);
        hits.docs.push(d);
        hits.tf.push(weight);
        hits.shown.push(alias);
      } else hits.tf[k]! += weight;
      at = this.joined.indexOf(term, at + term.length);
    }
    return hits.docs.length > 0 ? hits : null;
  }

  /** An alias's kind and title as written. */
  alias(i: number): { kind: TitleAlias['kind']; title: string } {
    return { kind: this.kinds[i]!, title: this.titles[i]! };
  }

  /** The alias whose text holds offset `at` of `joined` (binary search over the starts). */
  private aliasAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
