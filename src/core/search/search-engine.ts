import type { IndexSource } from '../index/contracts.js';
import { anyPunctuation } from './any-punctuation.js';
import { aliasOnlyCount, aliasScope, markAliasExcluded, mergeAliasHits } from './alias-hits.js';
import { collectHits, markExcluded, type CollectContext, type TermState } from './collect-hits.js';
import { DocArrayPool, type DocArrays } from './doc-array-pool.js';
import { FilterMasks } from './filter-mask.js';
import { LibraryTables } from './library-tables.js';
import type { TermDetail, TermHits } from './match-term.js';
import { parseQuery, type ParsedQuery } from './parse-query.js';
import { findMissingUnits, placeShown, Placement } from './place-units.js';
import { idf } from './rank.js';
import { top, topByBounds } from './rank-by-bounds.js';
import { topK } from './top-k.js';
import { scopeKinds } from './scope-kinds.js';
import { ScopedScan } from './scoped-scan.js';
import { countLiveHits, countOnes, presenceAnswers, RARE_SHARE, scoreMatches } from './score-matches.js';
import type { SearchOptions, SearchResult, SearchScope } from './search-options.js';
import { RERANK_WINDOW, rerank, sectionUnits, snippets, snippetUnits } from './section-snippets.js';
import { TermCache, termDetail } from './term-cache.js';
import { TitleAliasTable, type AliasHits } from './title-aliases.js';
import { UnitTextCache } from './unit-text-cache.js';

const SENTENCE_TERMINATOR = /[。！？!?；;]/;
const NO_ENTRIES = new Int32Array(0);

/** What rankOrCount takes of search's reading of the query and options. */
interface RankContext extends Omit<CollectContext, 'previous'> {
  filtered: Uint8Array | null;
  scope: SearchScope;
  limit: number;
  offset: number;
  newest: boolean;
  snippets: boolean;
  /** Per include term, the documents its alias titles hold (none outside the scopes aliases stand in). */
  aliased: Map<string, AliasHits | null>;
}

/**
 * Exact, ranked Chinese search over an IndexSource. Posting lists are per document (slot); the engine keeps
 * the library's tables in typed arrays (see LibraryTables), loads only what is new on refresh, and caches
 * decoded terms.
 */
export class SearchEngine {
  private readonly tables = new LibraryTables();
  private readonly filters = new FilterMasks(this.tables);
  private readonly cache: TermCache;
  private readonly pool = new DocArrayPool();
  private readonly placed = new Placement();
  private readonly scoped: ScopedScan;
  private readonly aliases = new TitleAliasTable();
  private readonly units: UnitTextCache;

  constructor(private readonly source: IndexSource) {
    this.cache = new TermCache(source, this.tables, this.filters);
    this.scoped = new ScopedScan(source, this.tables);
    this.units = new UnitTextCache(source);
  }

  private refreshing: Promise<void> = Promise.resolve();

  /**
   * Loads what was written since the last refresh (new documents, segments); call after writes. Refreshes
   * run one after another, however they are asked (two at once would both load the documents after the
   * same last one).
   */
  refresh(): Promise<void> {
    const next = this.refreshing.then(() => this.loadNew());
    this.refreshing = next.catch(() => undefined);
    return next;
  }

  private async loadNew(): Promise<void> {
    // Aliases first: every document they name is then among the documents read after them.
    const aliases = await this.source.titleAliases(this.aliases.lastId);
    const segments = await this.source.segments(this.tables.unitsLoaded);
    const docs = await this.source.documents(this.tables.lastDocId());
    this.tables.load(docs, segments);
    this.aliases.load(aliases, this.tables.docIndex);
    // Deletions last: those of documents just loaded too.
    for (const deletion of await this.source.deletions(this.tables.deletionsSeen)) {
      this.forget(deletion.docId);
      this.tables.deletionsSeen = deletion.seq;
    }
    this.filters.clear();
    this.dropTermCache();
  }

  /**
   * Stops finding a deleted document at once (refresh does the same for deletions it reads from the
   * source): its slot turns dead, its alias titles are dropped. Cached terms keep their hits (a dead slot is
   * passed over); filter masks are made afresh.
   */
  forget(docId: number): void {
    const d = this.tables.forget(docId);
    if (d < 0) return;
    this.aliases.forget(d);
    this.filters.clear();
  }

  /** Forgets the decoded posting lists of recent terms and the unit texts read (the benchmark times every query from the index). */
  dropTermCache(): void {
    this.cache.clear();
    this.units.clear();
  }

  /** Number of documents matching. */
  async count(query: string | ParsedQuery, options: SearchOptions = {}): Promise<number> {
    return (await this.search(query, { ...options, limit: 0, snippets: false })).total;
  }

  /** The documents matching, best first: how many, and the page asked for (with snippets unless turned off). */
  async search(query: string | ParsedQuery, options: SearchOptions = {}): Promise<SearchResult> {
    const scope = options.scope ?? 'all';
    const asTyped = typeof query === 'string' ? parseQuery(query) : query;
    const parsed = options.punctuation === 'any' ? anyPunctuation(asTyped, scope === 'sentence') : asTyped;
    const freeOnly = options.access === 'free';
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    if (scope === 'sentence' && parsed.include.some((t) => SENTENCE_TERMINATOR.test(t))) return { total: 0, hits: [] };
    const allowed = scopeKinds(scope);
    const level = scope === 'outline' ? options.level : undefined;
    const restricted = allowed.includes(0) || level !== undefined;
    // Occurrences are placed in units when ranking, when the scope restricts kinds, or to check paid parts.
    const placeUnits = limit > 0 || restricted;
    const nDocs = this.tables.docs.length;
    // Filters first: documents they rule out are never looked at again, nor (include terms) decoded.
    const filtered = this.filters.filterMask(options);
    // The outline at every level, for a reader with access: the index's counts in headings answer 1 and 2
    // characters.
    const byHeadingCounts = scope === 'outline' && level === undefined && !freeOnly;
    const detail = termDetail(scope, byHeadingCounts, limit, freeOnly);
    // Before the await: the documents aliases name are then among those this search's arrays are made for.
    const withAliases = aliasScope(scope);
    const aliased = new Map(parsed.include.map((t) => [t, withAliases ? this.aliases.match(t) : null]));
    const hits = await this.cache.termHits(parsed.include, detail, filtered);
    // A term no document holds (among those the filters let through) leaves nothing to match: nothing the
    // size of the library is made for it.
    if (parsed.include.some((t) => hits.get(t)!.length === 0 && aliased.get(t) === null)) return { total: 0, hits: [] };
    // A count of one term present in the document (or in a heading) is its hits' documents, without the
    // term's arrays the size of the library (collectHits' presence branch reads nothing else of them).
    const oneTermCount = limit === 0 && parsed.include.length === 1 && parsed.exclude.length === 0;
    const single = oneTermCount ? hits.get(parsed.include[0]!)! : null;
    if (single !== null && single.flags === null && presenceAnswers(single, placeUnits, freeOnly)) {
      const alias = aliased.get(parsed.include[0]!)!;
      const byAlias = alias === null ? 0 : aliasOnlyCount(alias, single, this.tables, filtered);
      return { total: countLiveHits(single, this.tables.slotDoc, filtered) + byAlias, hits: [] };
    }
    // An excluded term rules a document out wherever it stands, not only in the scope.
    const excludeDetail = (term: string): TermDetail => (detail(term) === 'headings' ? 'presence' : detail(term));
    for (const [term, h] of await this.cache.termHits(parsed.exclude, excludeDetail, null)) hits.set(term, h);

    const excluded = parsed.exclude.length > 0 ? new Uint8Array(nDocs) : this.pool.noExclusions(nDocs);
    for (const term of parsed.exclude) {
      markExcluded(this.tables, hits.get(term)!, term.length, freeOnly, excluded);
      markAliasExcluded(this.aliases.match(term), excluded);
    }

    const taken: DocArrays[] = [];
    try {
      return await this.rankOrCount(parsed, hits, taken, {
        allowed,
        level,
        restricted,
        placeUnits,
        byHeadingCounts,
        freeOnly,
        excluded,
        filtered,
        scope,
        limit,
        offset,
        newest: options.sort === 'newest',
        snippets: options.snippets ?? true,
        aliased,
      });
    } finally {
      this.pool.giveBack(taken, this.tables.docs.length);
    }
  }

  /** search's matching, ranking and snippets, its library-sized arrays taken into `taken` (given back by search). */
  private async rankOrCount(
    parsed: ParsedQuery,
    hits: Map<string, TermHits>,
    taken: DocArrays[],
    o: RankContext,
  ): Promise<SearchResult> {
    const { allowed, level, restricted, placeUnits, byHeadingCounts, freeOnly, excluded, scope, limit, offset } = o;
    const t = this.tables;
    const nDocs = t.docs.length;
    let previous = o.filtered;
    const states: TermState[] = [];
    for (const term of parsed.include) {
      const arrays = this.pool.take(nDocs);
      taken.push(arrays);
      const ranked = limit > 0;
      const ctx = { allowed, level, restricted, placeUnits, ranked, byHeadingCounts, freeOnly, excluded, previous };
      const state = await this.collect(term, hits.get(term)!, arrays, ctx, o.aliased.get(term)!);
      states.push(state);
      previous = state.here;
    }
    // A document matches when every term is present (each term's mask already holds the ones before it).
    const last = states[states.length - 1]!.here;
    if (limit === 0) {
      // A rare term's count follows its hits, not the library's size; a common one's reads the mask in order
      // (its hits name most documents anyway, through one more lookup each).
      const lastHits = states[states.length - 1]!.hits;
      // Documents the last term matched by alias titles alone are not among its hits.
      const rare = lastHits.length * RARE_SHARE < nDocs && !states[states.length - 1]!.alias;
      return { total: rare ? countLiveHits(lastHits, t.slotDoc, last) : countOnes(last, nDocs), hits: [] };
    }
    const averageLength = nDocs ? t.totalLength / nDocs : 1;
    const idfs = states.map((s) => idf(countOnes(s.here, nDocs), nDocs));
    // Scores are written for every candidate before they are read: a spare array serves as it is.
    const scores = this.pool.take(nDocs);
    taken.push(scores);
    const score = scores.tf;
    const candidates = scoreMatches(states, last, t.docLength, nDocs, averageLength, idfs, score);
    const total = candidates.length;
    // Newest first needs no exact scores to order by: every candidate matches, its date decides.
    const k = o.newest ? offset + limit : Math.max(offset + limit, RERANK_WINDOW);
    const window = o.newest
      ? topK(candidates, k, { score: t.docTime, time: score, id: t.docIds })
      : states.every((s) => s.hits.exact)
        ? top(t, candidates, score, k)
        : topByBounds(t, this.placed, candidates, score, k, states, idfs, averageLength, allowed, level);
    placeShown(t, this.placed, window, states, allowed, level);
    await findMissingUnits(t, this.units, window, states, allowed, level, freeOnly);
    const texts = await this.units.unitTexts(snippetUnits(t, window, states));
    if (!o.newest && parsed.include.every((term) => term.length <= 2))
      rerank(t, window, score, states, texts, this.aliases);
    const page = window.slice(offset, offset + limit);
    const wantSnippets = o.snippets;
    const sectionTexts = wantSnippets
      ? await this.units.unitTexts(page.flatMap((d) => sectionUnits(t, d, states, freeOnly)))
      : new Map<number, string>();
    const sentence = scope === 'sentence';
    return {
      total,
      hits: page.map((d) => ({
        id: t.docs[d]!.id,
        title: t.docs[d]!.title,
        score: Math.round(score[d]! * 1000) / 1000,
        snippets: wantSnippets
          ? snippets(t, d, states, parsed.include, texts, sectionTexts, sentence, freeOnly, this.aliases)
          : [],
        compilation: t.docs[d]!.compilation ?? null,
      })),
    };
  }

  /**
   * One include term's documents among those still in play: field-weighted frequency, presence and the
   * unit to show (a 1-character term in a narrow scope verified on the scope's texts).
   */
  private async collect(
    term: string,
    h: TermHits,
    arrays: DocArrays,
    ctx: CollectContext & { ranked: boolean },
    alias: AliasHits | null,
  ): Promise<TermState> {
    const nDocs = this.tables.docs.length;
    const { allowed, level, ranked, freeOnly } = ctx;
    if (!ranked) this.pool.growUnread(nDocs);
    const tf = ranked ? arrays.tf : this.pool.unreadTf;
    const here = arrays.here;
    const best = ranked ? arrays.best : this.pool.unreadBest;
    const entry = h.reader ? arrays.entry : NO_ENTRIES;
    const scopedSingle = collectHits(this.tables, this.placed, term, h, ctx, tf, here, best, entry);
    if (scopedSingle.length > 0) {
      await this.scoped.verifyScoped(term, scopedSingle, { tf, here, best }, allowed, level, freeOnly, ranked);
    }
    if (alias !== null) mergeAliasHits(alias, ctx, tf, here, best, entry);
    return { term, hits: h, tf, here, entry, best, alias };
  }
}
