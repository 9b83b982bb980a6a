import { UNIT_KINDS, UNIT_SEPARATOR, type DocMeta, type IndexSource, type UnitKind } from '../index/contracts.js';
import { grown } from '../grown.js';
import { hasBit, setBits } from '../bit-set.js';
import { normalizeCodes, normalizeText } from '../normalize.js';
import { IN_TITLE } from '../index/posting-format.js';
import { detailServes, gramsOf, matchTerm, type InHeading, type TermDetail, type TermHits } from './match-term.js';
import { parseQuery, type ParsedQuery } from './parse-query.js';
import { bm25, idf, kindWeight, weightedFrequency } from './rank.js';
import { makeSnippet, type Snippet } from './snippets.js';
import { rankOrder, topK, type RankKeys } from './top-k.js';
import { boundaryFit } from './word-boundaries.js';

export type { Snippet };

export const SEARCH_SCOPES = ['all', 'title', 'outline', 'opening', 'intro', 'closing', 'sentence'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

export interface SearchOptions {
  scope?: SearchScope;
  /** With scope 'outline': only headings of this level. */
  level?: number;
  genre?: string;
  year?: number;
  tag?: string;
  /** Only documents with ('paid') or without ('free') a member-only part. */
  paid?: 'free' | 'paid';
  /** 'free': the reader may not see paid text, so paid text neither matches nor shows. Default 'full'. */
  access?: 'full' | 'free';
  limit?: number;
  offset?: number;
  snippets?: boolean;
}

export interface SearchHit {
  id: number;
  title: string;
  score: number;
  snippets: Snippet[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

const KIND = Object.fromEntries(UNIT_KINDS.map((k, i) => [k, i])) as Record<UnitKind, number>;
/** Field weight by kind index, for the hot loop. */
const KIND_WEIGHT = Float64Array.from(UNIT_KINDS, kindWeight);
const HEADING_WEIGHT = kindWeight('heading');
const TITLE_WEIGHT = kindWeight('title');
const TEXT_WEIGHT = kindWeight('body');
const SENTENCE_TERMINATOR = /[。！？!?；;]/;
/** How many of the first results of a 1–2 character query are re-ranked by word boundaries. */
const RERANK_WINDOW = 30;
const CACHE_SIZE = 128;
/** Filter masks kept (one byte per document each). */
const MASKS_KEPT = 16;
/** Units fetched per document and round when looking for a 1-character term's snippet. */
const PROBE_UNITS = 6;
/** No paid part. */
const NEVER = 0x7fffffff;
const SEPARATOR = String.fromCharCode(UNIT_SEPARATOR);
const NO_ENTRIES = new Int32Array(0);

/**
 * How much of a term's hits a search needs. The index's counts by zone (title, headings, the rest) rank
 * over the whole document (a 2-character term's weighted frequency; bounds for a longer one) and, with
 * `byHeadingCounts` (the outline at every level, for a reader with access), answer a 2-character term in
 * the outline; a longer term in the outline is found as fast by its positions. Counting there needs only
 * the documents holding the term in a heading ('headings'). A reader who may not see paid text always
 * gets positions, compared with the paid boundary.
 */
function termDetail(
  scope: SearchScope,
  byHeadingCounts: boolean,
  limit: number,
  freeOnly: boolean,
): (term: string) => TermDetail {
  if (byHeadingCounts) return (term) => (limit === 0 ? 'headings' : term.length === 2 ? 'zones' : 'positions');
  if (scope === 'all' && !freeOnly) return () => (limit > 0 ? 'zones' : 'presence');
  return () => 'positions';
}

/** Each scope's unit kinds (made once: never written after). */
const SCOPE_KINDS = new Map<SearchScope, Uint8Array>();

function scopeKinds(scope: SearchScope): Uint8Array {
  const known = SCOPE_KINDS.get(scope);
  if (known !== undefined) return known;
  const allowed = new Uint8Array(UNIT_KINDS.length);
  const set = (k: UnitKind): void => {
    allowed[KIND[k]] = 1;
  };
  if (scope === 'all' || scope === 'sentence') UNIT_KINDS.forEach(set);
  else if (scope === 'outline') set('heading');
  else set(scope);
  SCOPE_KINDS.set(scope, allowed);
  return allowed;
}

/** The units of one scope as one normalized text; unit i starts at starts[i] (units joined by the separator). */
interface StructureText {
  text: string;
  starts: Int32Array;
  units: Int32Array;
  count: number;
  loadedTo: number;
}

/** Per-term state of one search call (searches may interleave at their awaits). */
interface TermState {
  term: string;
  hits: TermHits;
  tf: Float64Array;
  here: Uint8Array;
  /** Per document: the index of its hit in `hits` (for reading its occurrences later; terms with a reader only). */
  entry: Int32Array;
  /** Per document: the unit to show for this term, -1 when not known yet. */
  best: Int32Array;
}

/**
 * A term's arrays the size of the library (see TermState), kept for the next search once a search is done:
 * a common term's search made a megabyte or more of them at 90M, and under a busy load collecting them took
 * V8's helper threads as much CPU as an ingest beside it got. Handed out with `here` all 0 and `best` all -1;
 * `tf` and `entry` are read only where `here` was set, so they are handed out as left.
 */
interface DocArrays {
  tf: Float64Array;
  here: Uint8Array;
  best: Int32Array;
  entry: Int32Array;
}

/** Spare arrays kept (several searches may be under way at once, each holding one set a term). */
const SPARE_KEPT = 8;

/** A term whose hits number under 1/RARE_SHARE of the documents is counted over its hits (see countLiveHits). */
const RARE_SHARE = 4;

/** How many of mask[0 .. n) are 1. (Hot loops live in small functions of their own: see scoreMatches.) */
function countOnes(mask: Uint8Array, n: number): number {
  let total = 0;
  for (let d = 0; d < n; d++) total += mask[d]!;
  return total;
}

/**
 * The live documents among a term's hits that `mask` holds (every live one without it), counted over the
 * hits instead of the whole library: a document has one slot, so each is met once.
 */
function countLiveHits(h: TermHits, slotDoc: Int32Array, mask: Uint8Array | null): number {
  const { slots } = h;
  let total = 0;
  for (let i = 0; i < h.length; i++) {
    const d = slotDoc[slots[i]!]!;
    if (d >= 0 && (mask === null || mask[d] === 1)) total++;
  }
  return total;
}

/**
 * Whether a term's hits answer a search by presence alone (in the document, or in a heading): a count
 * without units to place, for a reader who sees everything, or the outline's heading documents.
 */
function presenceAnswers(h: TermHits, placeUnits: boolean, freeOnly: boolean): boolean {
  return (!placeUnits && !freeOnly) || h.detail === 'headings';
}

/**
 * BM25 scores of the matching documents (`last[d]` 1), and those documents ascending. Outside search(): an
 * async function's hot loop is compiled on the stack (OSR) with the code after it, and that code threw its
 * compiled form away again and again (a trace showed 83 deopts in 240 searches, each leaving the rest of the
 * search, loops over every document included, to the interpreter).
 */
function scoreMatches(
  states: readonly TermState[],
  last: Uint8Array,
  docLength: Float64Array,
  nDocs: number,
  averageLength: number,
  idfs: readonly number[],
  score: Float64Array,
): Int32Array {
  // A typed array: pushing a common term's 19,000 documents onto a JavaScript array cost more than scoring
  // them. A matching document is one of every term's hits: the fewest bound them (none for an absent term).
  let most = nDocs;
  for (const s of states) most = Math.min(most, s.hits.length);
  const candidates = new Int32Array(most);
  let n = 0;
  for (let d = 0; d < nDocs; d++) {
    if (last[d] === 0) continue;
    let s = 0;
    for (let t = 0; t < states.length; t++) s += bm25(states[t]!.tf[d]!, docLength[d]!, averageLength, idfs[t]!);
    score[d] = s;
    candidates[n++] = d;
  }
  return candidates.subarray(0, n);
}

/**
 * Exact, ranked Chinese search over an IndexSource. Posting lists are per document (slot); the engine keeps
 * the unit table (unit → document, kind, level, paid offset, offset in the document's index text) and the
 * slot → document map in typed arrays, loads only what is new on refresh, and caches decoded terms.
 */
export class SearchEngine {
  private unitDoc = new Int32Array(0);
  private unitKind = new Uint8Array(0);
  private unitLevel = new Uint8Array(0);
  private unitPaidFrom = new Int32Array(0);
  private unitStart = new Int32Array(0);
  private slotDoc = new Int32Array(0);
  private docs: DocMeta[] = [];
  private readonly docIndex = new Map<number, number>();
  private docUnitLo = new Int32Array(0);
  private docUnitHi = new Int32Array(0);
  /** Offset of the paid part in the document's index text; NEVER when wholly free. */
  private docPaidAt = new Int32Array(0);
  private docLength = new Float64Array(0);
  /** Where the title ends in the document's index text (read per document by the ranking loop, where unit tables would be read at random). */
  private docTitleEnd = new Int32Array(0);
  private docTime = new Float64Array(0);
  /** Each document's id, for ranking ties (see topK). */
  private docIds = new Float64Array(0);
  private totalLength = 0;
  private unitsLoaded = 0;
  /**
   * One bit per character of every slot's index text, set where it lies in a heading: slot s's text starts
   * at bit slotBase[s] (see inHeading): 11 MB at 90M characters.
   */
  private headingBits = new Int32Array(0);
  private slotBase = new Float64Array(0);
  /** Bits given to slots so far, and the slots given theirs (slots come in ascending order). */
  private bitsUsed = 0;
  private slotsBased = 0;
  private readonly cache = new Map<string, TermHits>();
  /** Library-sized arrays of finished searches (see DocArrays). */
  private readonly spareArrays: DocArrays[] = [];
  /** The unit `place` found best for the last document it placed. */
  private placedBest = -1;
  /** One document's occurrences of one term, read from its lists (see readAndPlace). */
  private occurrences = new Int32Array(256);
  /**
   * What a count writes and never reads (its terms' frequencies and units to show), shared by counts: a
   * count then allocates one mask a term, not four arrays the size of the library. Also the mask of
   * excluded documents of a search without exclusions, never written.
   */
  private unreadTf = new Float64Array(0);
  private unreadBest = new Int32Array(0);
  private noneExcluded = new Uint8Array(0);
  /** Filter masks by filter (see filterMask); dropped on refresh. */
  private readonly masks = new Map<string, Uint8Array>();
  /** Each kept filter mask's documents by slot (see slotMask): made once per filter, not per search. */
  private readonly slotMasks = new WeakMap<Uint8Array, Uint8Array>();
  /** Texts of the units of a scope (by allowed kinds), loaded on demand for 1-character scoped searches. */
  private readonly structure = new Map<string, StructureText>();

  constructor(private readonly source: IndexSource) {}

  /** Loads what was written since the last refresh (new documents, segments); call after writes. */
  async refresh(): Promise<void> {
    const segments = await this.source.segments(this.unitsLoaded);
    const docs = await this.source.documents(this.docs.length ? this.docs[this.docs.length - 1]!.id : 0);
    for (const d of docs) {
      const i = this.docs.length;
      this.docs.push(d);
      this.docIndex.set(d.id, i);
      this.docTime = grown(this.docTime, i + 1);
      this.docIds = grown(this.docIds, i + 1);
      this.docIds[i] = d.id;
      const t = d.publishedAt ? Date.parse(d.publishedAt.replace(' ', 'T')) : NaN;
      this.docTime[i] = Number.isNaN(t) ? (d.year ? Date.UTC(d.year, 0, 1) : 0) : t;
    }
    const nDocs = this.docs.length;
    this.docUnitLo = grown(this.docUnitLo, nDocs);
    this.docUnitHi = grown(this.docUnitHi, nDocs);
    this.docPaidAt = grown(this.docPaidAt, nDocs);
    this.docLength = grown(this.docLength, nDocs);
    this.docTitleEnd = grown(this.docTitleEnd, nDocs);
    for (const s of segments) {
      this.unitDoc = grown(this.unitDoc, s.unitHi, -1);
      this.unitKind = grown(this.unitKind, s.unitHi);
      this.unitLevel = grown(this.unitLevel, s.unitHi);
      this.unitPaidFrom = grown(this.unitPaidFrom, s.unitHi);
      this.unitStart = grown(this.unitStart, s.unitHi);
      this.slotDoc = grown(this.slotDoc, s.slotHi, -1);
      for (let k = 0; k < s.slotUnitLo.length; k++) {
        const lo = s.slotUnitLo[k]!;
        const hi = k + 1 < s.slotUnitLo.length ? s.slotUnitLo[k + 1]! : s.unitHi;
        const d = this.docIndex.get(s.unitDoc[lo - s.unitLo]!) ?? -1;
        this.slotDoc[s.slotLo + k] = d;
        let start = 0;
        let paidAt = NEVER;
        for (let u = lo; u < hi; u++) {
          const i = u - s.unitLo;
          this.unitDoc[u] = d;
          this.unitKind[u] = s.unitMeta[i]! & 15;
          this.unitLevel[u] = s.unitMeta[i]! >> 4;
          this.unitPaidFrom[u] = s.unitPaidFrom[i]!;
          this.unitStart[u] = start;
          if (paidAt === NEVER && s.unitPaidFrom[i]! >= 0) paidAt = start + s.unitPaidFrom[i]!;
          start += s.unitLength[i]! + 1;
        }
        this.markHeadings(s.slotLo + k, lo, hi, start);
        if (d < 0) continue;
        if (this.docUnitHi[d] === 0) this.totalLength += start - 1;
        this.docUnitLo[d] = lo;
        this.docUnitHi[d] = hi;
        this.docPaidAt[d] = paidAt;
        this.docLength[d] = start - 1;
        this.docTitleEnd[d] = s.unitLength[lo - s.unitLo]!;
      }
      this.unitsLoaded = Math.max(this.unitsLoaded, s.unitHi);
    }
    this.masks.clear();
    this.dropTermCache();
  }

  /** Gives slot `slot` (units [lo, hi), its index text `length` long) its bits, set over its headings; once per slot. */
  private markHeadings(slot: number, lo: number, hi: number, length: number): void {
    if (slot < this.slotsBased) return;
    const base = this.bitsUsed;
    this.slotBase = grown(this.slotBase, slot + 1);
    this.slotBase[slot] = base;
    this.slotsBased = slot + 1;
    this.bitsUsed = base + length;
    this.headingBits = grown(this.headingBits, Math.ceil(this.bitsUsed / 32) + 1);
    const bits = this.headingBits;
    for (let u = lo; u < hi; u++) {
      if (this.unitKind[u] !== KIND.heading) continue;
      const from = base + this.unitStart[u]!;
      const to = u + 1 < hi ? base + this.unitStart[u + 1]! - 1 : base + length - 1;
      setBits(bits, from, to);
    }
  }

  /** A term's arrays the size of the library, spare ones first (see DocArrays). */
  private takeArrays(nDocs: number): DocArrays {
    const spare = this.spareArrays.pop();
    if (spare === undefined || spare.here.length !== nDocs)
      return {
        tf: new Float64Array(nDocs),
        here: new Uint8Array(nDocs),
        best: new Int32Array(nDocs).fill(-1),
        entry: new Int32Array(nDocs),
      };
    spare.here.fill(0);
    spare.best.fill(-1);
    return spare;
  }

  /** Keeps a finished search's arrays for the next (those of the library's present size, up to SPARE_KEPT). */
  private giveBack(taken: readonly DocArrays[]): void {
    for (const a of taken)
      if (a.here.length === this.docs.length && this.spareArrays.length < SPARE_KEPT) this.spareArrays.push(a);
  }

  /** Forgets the decoded posting lists of recent terms (the benchmark times every query from the index). */
  dropTermCache(): void {
    this.cache.clear();
  }

  /** Number of documents matching. */
  async count(query: string | ParsedQuery, options: SearchOptions = {}): Promise<number> {
    return (await this.search(query, { ...options, limit: 0, snippets: false })).total;
  }

  async search(query: string | ParsedQuery, options: SearchOptions = {}): Promise<SearchResult> {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const scope = options.scope ?? 'all';
    const freeOnly = options.access === 'free';
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    if (scope === 'sentence' && parsed.include.some((t) => SENTENCE_TERMINATOR.test(t))) return { total: 0, hits: [] };
    const allowed = scopeKinds(scope);
    const level = scope === 'outline' ? options.level : undefined;
    const restricted = allowed.includes(0) || level !== undefined;
    // Occurrences are placed in units when ranking, when the scope restricts kinds, or to check paid parts.
    const placeUnits = limit > 0 || restricted;
    const nDocs = this.docs.length;
    // Filters first: documents they rule out are never looked at again, nor (include terms) decoded.
    const filtered = this.filterMask(options);
    // The outline at every level, for a reader with access: the index's counts in headings answer 1 and 2 characters.
    const byHeadingCounts = scope === 'outline' && level === undefined && !freeOnly;
    const detail = termDetail(scope, byHeadingCounts, limit, freeOnly);
    const hits = await this.termHits(parsed.include, detail, filtered);
    // A term no document holds (among those the filters let through) leaves nothing to match: nothing the
    // size of the library is made for it.
    if (parsed.include.some((t) => hits.get(t)!.length === 0)) return { total: 0, hits: [] };
    // A count of one term present in the document (or in a heading) is its hits' documents, without the
    // term's arrays the size of the library (collectHits' presence branch reads nothing else of them).
    const single =
      limit === 0 && parsed.include.length === 1 && parsed.exclude.length === 0 ? hits.get(parsed.include[0]!)! : null;
    if (single !== null && single.flags === null && presenceAnswers(single, placeUnits, freeOnly))
      return { total: countLiveHits(single, this.slotDoc, filtered), hits: [] };
    // An excluded term rules a document out wherever it stands, not only in the scope.
    const excludeDetail = (term: string): TermDetail => (detail(term) === 'headings' ? 'presence' : detail(term));
    for (const [term, h] of await this.termHits(parsed.exclude, excludeDetail, null)) hits.set(term, h);

    if (parsed.exclude.length === 0 && this.noneExcluded.length < nDocs) this.noneExcluded = new Uint8Array(nDocs);
    const excluded = parsed.exclude.length > 0 ? new Uint8Array(nDocs) : this.noneExcluded;
    for (const term of parsed.exclude) this.markExcluded(hits.get(term)!, term.length, freeOnly, excluded);

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
        snippets: options.snippets ?? true,
      });
    } finally {
      this.giveBack(taken);
    }
  }

  /** search's matching, ranking and snippets, its library-sized arrays taken into `taken` (given back by search). */
  private async rankOrCount(
    parsed: ParsedQuery,
    hits: Map<string, TermHits>,
    taken: DocArrays[],
    o: {
      allowed: Uint8Array;
      level: number | undefined;
      restricted: boolean;
      placeUnits: boolean;
      byHeadingCounts: boolean;
      freeOnly: boolean;
      excluded: Uint8Array;
      filtered: Uint8Array | null;
      scope: SearchScope;
      limit: number;
      offset: number;
      snippets: boolean;
    },
  ): Promise<SearchResult> {
    const { allowed, level, restricted, placeUnits, byHeadingCounts, freeOnly, excluded, scope, limit, offset } = o;
    const nDocs = this.docs.length;
    let previous = o.filtered;
    const states: TermState[] = [];
    for (const term of parsed.include) {
      const arrays = this.takeArrays(nDocs);
      taken.push(arrays);
      const state = await this.collect(term, hits.get(term)!, arrays, {
        allowed,
        level,
        restricted,
        placeUnits,
        ranked: limit > 0,
        byHeadingCounts,
        freeOnly,
        excluded,
        previous,
      });
      states.push(state);
      previous = state.here;
    }
    // A document matches when every term is present (each term's mask already holds the ones before it).
    const last = states[states.length - 1]!.here;
    if (limit === 0) {
      // A rare term's count follows its hits, not the library's size; a common one's reads the mask in order
      // (its hits name most documents anyway, through one more lookup each).
      const lastHits = states[states.length - 1]!.hits;
      return {
        total:
          lastHits.length * RARE_SHARE < nDocs ? countLiveHits(lastHits, this.slotDoc, last) : countOnes(last, nDocs),
        hits: [],
      };
    }
    const averageLength = nDocs ? this.totalLength / nDocs : 1;
    const idfs = states.map((s) => idf(countOnes(s.here, nDocs), nDocs));
    // Scores are written for every candidate before they are read: a spare array serves as it is.
    const scores = this.takeArrays(nDocs);
    taken.push(scores);
    const score = scores.tf;
    const candidates = scoreMatches(states, last, this.docLength, nDocs, averageLength, idfs, score);
    const total = candidates.length;
    const k = Math.max(offset + limit, RERANK_WINDOW);
    const window = states.every((s) => s.hits.exact)
      ? this.top(candidates, score, k)
      : this.topByBounds(candidates, score, k, states, idfs, averageLength, allowed, level);
    this.placeShown(window, states, allowed, level);
    await this.findMissingUnits(window, states, allowed, level, freeOnly);
    const texts = await this.source.unitTexts(this.snippetUnits(window, states));
    if (parsed.include.every((t) => t.length <= 2)) this.rerank(window, score, states, texts);
    const page = window.slice(offset, offset + limit);
    const wantSnippets = o.snippets;
    const sectionTexts = wantSnippets
      ? await this.source.unitTexts(page.flatMap((d) => this.sectionUnits(d, states, freeOnly)))
      : new Map<number, string>();
    return {
      total,
      hits: page.map((d) => ({
        id: this.docs[d]!.id,
        title: this.docs[d]!.title,
        score: Math.round(score[d]! * 1000) / 1000,
        snippets: wantSnippets
          ? this.snippets(d, states, parsed.include, texts, sectionTexts, scope === 'sentence', freeOnly)
          : [],
      })),
    };
  }

  /** Marks the documents where an excluded term is visible to this reader. */
  private markExcluded(h: TermHits, length: number, freeOnly: boolean, excluded: Uint8Array): void {
    for (let i = 0; i < h.length; i++) {
      const d = this.slotDoc[h.slots[i]!]!;
      if (d < 0) continue;
      if (!freeOnly) excluded[d] = 1;
      else if (h.freeCounts) {
        if (h.freeCounts[i]! > 0) excluded[d] = 1;
      } else if (h.positions![h.posStart![i]!]! + length <= this.docPaidAt[d]!) excluded[d] = 1;
    }
  }

  /** The unit of document `d` holding index-text offset `at` (binary search over its units' starts). */
  private unitAt(d: number, at: number): number {
    let lo = this.docUnitLo[d]!;
    let hi = this.docUnitHi[d]! - 1;
    const start = this.unitStart;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * One include term's documents among those still in play: field-weighted frequency, presence and the
   * unit to show. Hot loop: locals instead of fields, typed arrays only.
   */
  private async collect(
    term: string,
    h: TermHits,
    arrays: DocArrays,
    ctx: {
      allowed: Uint8Array;
      level: number | undefined;
      restricted: boolean;
      placeUnits: boolean;
      ranked: boolean;
      /** The scope is every heading and the reader sees everything: a 1-character term's heading counts answer it. */
      byHeadingCounts: boolean;
      freeOnly: boolean;
      excluded: Uint8Array;
      previous: Uint8Array | null;
    },
  ): Promise<TermState> {
    const nDocs = this.docs.length;
    const { allowed, level, ranked, freeOnly } = ctx;
    if (!ranked && this.unreadTf.length < nDocs) {
      this.unreadTf = new Float64Array(nDocs);
      this.unreadBest = new Int32Array(nDocs);
    }
    const tf = ranked ? arrays.tf : this.unreadTf;
    const here = arrays.here;
    const best = ranked ? arrays.best : this.unreadBest;
    const entry = h.reader ? arrays.entry : NO_ENTRIES;
    const scopedSingle = this.collectHits(term, h, ctx, tf, here, best, entry);
    if (scopedSingle.length > 0)
      await this.verifyScoped(term, scopedSingle, { tf, here, best }, allowed, level, freeOnly, ranked);
    return { term, hits: h, tf, here, entry, best };
  }

  /**
   * collect's loop over the hits, in a function that is not async: an async function's hot loop is
   * compiled on the stack (OSR) with the code after its awaits, and lost that compiled form again and again
   * (see scoreMatches). Writes tf, here, best and entry; returns the documents of a 1-character term in a
   * narrow scope, to be verified on their texts.
   */
  private collectHits(
    term: string,
    h: TermHits,
    ctx: {
      allowed: Uint8Array;
      level: number | undefined;
      restricted: boolean;
      placeUnits: boolean;
      byHeadingCounts: boolean;
      freeOnly: boolean;
      excluded: Uint8Array;
      previous: Uint8Array | null;
    },
    tf: Float64Array,
    here: Uint8Array,
    best: Int32Array,
    entry: Int32Array,
  ): number[] {
    const { allowed, level, restricted, placeUnits, byHeadingCounts, freeOnly, excluded, previous } = ctx;
    const { slotDoc, unitKind, docPaidAt, docTitleEnd } = this;
    const { slots, counts, positions, posStart } = h;
    const len = term.length;
    // A 1-character term's unigram flags answer the title scope; other narrow scopes need the texts.
    const titleOnly = allowed.indexOf(1) === KIND.title && allowed.indexOf(1, KIND.title + 1) < 0;
    const byPresence = presenceAnswers(h, placeUnits, freeOnly);
    const scopedSingle: number[] = [];
    for (let i = 0; i < h.length; i++) {
      const d = slotDoc[slots[i]!]!;
      if (d < 0 || excluded[d] === 1 || (previous !== null && previous[d] === 0)) continue;
      if (h.flags) {
        // One character: counts and flags only.
        const c = freeOnly ? h.freeCounts![i]! : h.counts[i]!;
        if (c === 0) continue;
        const inTitle = (h.flags[i]! & IN_TITLE) !== 0;
        if (titleOnly && !inTitle) continue;
        if (byHeadingCounts) {
          // Its unit to show is found when shown (findMissingUnits).
          const inHeadings = h.inHeadings![i]!;
          if (inHeadings === 0) continue;
          here[d] = 1;
          tf[d] = inHeadings * HEADING_WEIGHT;
          continue;
        }
        if (restricted && !titleOnly) {
          scopedSingle.push(d);
          continue;
        }
        here[d] = 1;
        tf[d] = weightedFrequency(c, inTitle ? 1 : 0, 0);
        if (inTitle) best[d] = this.docUnitLo[d]!;
        continue;
      }
      if (byPresence) {
        // Presence (in the whole document, or in a heading) is all a count needs.
        here[d] = 1;
        tf[d] = counts[i]!;
        continue;
      }
      if (h.inTitle !== null) {
        // From counts by zone, over the whole document or (2 characters) its headings: a 2-character term's
        // weighted frequency, whose unit to show is known here unless the best occurrence is in a heading
        // (read if shown); a longer term's upper bound (its leader's), made exact for the documents that may
        // rank (see topByBounds).
        const first = h.first![i]!;
        let weight: number;
        let unit = -1;
        if (counts[i] === 1 && !restricted) {
          // Over the whole document, the one occurrence weighs by its tier: the title (its first unit), a
          // heading (the entry's heading count) or the rest. Its unit is found when the document is shown
          // (placeShown). For a longer term, the leader's one occurrence lies in the term's.
          if (first < docTitleEnd[d]!) {
            weight = TITLE_WEIGHT;
            unit = this.docUnitLo[d]!;
          } else weight = h.inHeadings![i]! > 0 ? HEADING_WEIGHT : TEXT_WEIGHT;
        } else if (counts[i] === 1) {
          unit = this.unitAt(d, first);
          weight = allowed[unitKind[unit]!] === 1 ? KIND_WEIGHT[unitKind[unit]!]! : 0;
        } else if (restricted) {
          weight = h.inHeadings![i]! * HEADING_WEIGHT;
        } else {
          const inTitle = h.inTitle[i]!;
          const inHeadings = h.inHeadings![i]!;
          weight = weightedFrequency(counts[i]!, inTitle, inHeadings);
          // The unit to show, known from the zones for a 2-character term (a longer term's is found when its
          // occurrences are read, for the documents that may rank).
          if (h.exact) unit = inTitle > 0 ? this.docUnitLo[d]! : inHeadings === 0 ? this.unitAt(d, first) : -1;
        }
        if (weight === 0) continue;
        here[d] = 1;
        tf[d] = weight;
        entry[d] = i;
        if (h.exact) best[d] = unit;
        continue;
      }
      const weight = this.place(
        d,
        positions!,
        posStart![i]!,
        posStart![i + 1]!,
        len,
        freeOnly ? docPaidAt[d]! : NEVER,
        placeUnits,
        allowed,
        level,
      );
      if (weight === 0) continue;
      here[d] = 1;
      tf[d] = weight;
      if (placeUnits) best[d] = this.placedBest;
    }
    return scopedSingle;
  }

  /**
   * The best `k` candidates when some terms' weighted frequencies are upper bounds (a longer term counted by
   * its leading bigram): candidates are taken in rounds, best bound first; each round's documents get their
   * occurrences read, placed and scored exactly; rounds stop when no document left can reach the k-th exact
   * score (a bound never falls below the exact score, and BM25 grows with the frequency).
   */
  private topByBounds(
    candidates: Int32Array,
    score: Float64Array,
    k: number,
    states: readonly TermState[],
    idfs: readonly number[],
    averageLength: number,
    allowed: Uint8Array,
    level: number | undefined,
  ): number[] {
    const exact: number[] = [];
    let left = candidates;
    let done: Uint8Array | null = null;
    for (let round = Math.max(k, 64); ; round *= 2) {
      // One more than the round takes: the best bound left after it, to compare with the k-th exact score.
      const batch = this.top(left, score, round + 1);
      const taken = batch.slice(0, round);
      for (const d of taken) {
        let s = 0;
        for (let t = 0; t < states.length; t++) {
          const state = states[t]!;
          if (!state.hits.exact) {
            state.tf[d] = this.readAndPlace(d, state.hits, state.entry[d]!, state.term.length, allowed, level);
            state.best[d] = this.placedBest;
          }
          s += bm25(state.tf[d]!, this.docLength[d]!, averageLength, idfs[t]!);
        }
        score[d] = s;
        exact.push(d);
      }
      const best = this.top(exact, score, k);
      if (batch.length <= round) return best;
      if (best.length === k && score[batch[round]!]! < score[best[k - 1]!]!) return best;
      done ??= new Uint8Array(this.docs.length);
      for (const d of taken) done[d] = 1;
      left = left.filter((d) => done![d] === 0);
    }
  }

  /** Reads a term's exact occurrences in document `d` (hit i) from its lists and places them (see `place`). */
  private readAndPlace(
    d: number,
    hits: TermHits,
    i: number,
    len: number,
    allowed: Uint8Array,
    level: number | undefined,
  ): number {
    const reader = hits.reader!;
    if (this.occurrences.length < reader.span(i)) this.occurrences = new Int32Array(reader.span(i) * 2);
    const n = reader.read(i, this.occurrences);
    return this.place(d, this.occurrences, 0, n, len, NEVER, true, allowed, level);
  }

  /**
   * Field-weighted frequency of document `d`'s occurrences `positions[from, to)` of a term of `len`
   * characters: those before `paidAt`, in units of the allowed kinds (and level). With `placeUnits` off,
   * the number of such occurrences. Leaves in `placedBest` the first unit of the highest weight.
   */
  private place(
    d: number,
    positions: Int32Array,
    from: number,
    to: number,
    len: number,
    paidAt: number,
    placeUnits: boolean,
    allowed: Uint8Array,
    level: number | undefined,
  ): number {
    const { unitKind, unitLevel, unitStart } = this;
    let weight = 0;
    let bestWeight = -1;
    let best = -1;
    // Positions ascend: find the first one's unit, then walk the units along with the rest.
    let u = placeUnits && from < to ? this.unitAt(d, positions[from]!) : 0;
    const lastUnit = this.docUnitHi[d]! - 1;
    for (let p = from; p < to; p++) {
      const at = positions[p]!;
      if (at + len > paidAt) break;
      if (!placeUnits) {
        weight += 1;
        continue;
      }
      while (u < lastUnit && unitStart[u + 1]! <= at) u++;
      const kind = unitKind[u]!;
      if (allowed[kind] === 0 || (level !== undefined && unitLevel[u] !== level)) continue;
      const w = KIND_WEIGHT[kind]!;
      weight += w;
      if (w > bestWeight) {
        bestWeight = w;
        best = u;
      }
    }
    this.placedBest = best;
    return weight;
  }

  /** For shown documents whose unit to show a term's zone counts left open: their occurrences, read and placed. */
  private placeShown(
    window: readonly number[],
    states: readonly TermState[],
    allowed: Uint8Array,
    level: number | undefined,
  ): void {
    for (const state of states) {
      if (state.hits.reader === null) continue;
      for (const d of window) {
        if (state.best[d]! >= 0) continue;
        this.readAndPlace(d, state.hits, state.entry[d]!, state.term.length, allowed, level);
        state.best[d] = this.placedBest;
      }
    }
  }

  /**
   * The normalized texts of every unit of the allowed kinds (headings for the outline scope, openings,
   * intros or closings), as one text with each unit's start: a 1-character term in such a scope is
   * found by one pass over it. Built on first use, extended with what later refreshes loaded.
   */
  private async structureScan(allowed: Uint8Array): Promise<StructureText> {
    const key = allowed.join('');
    let s = this.structure.get(key);
    if (!s)
      this.structure.set(
        key,
        (s = { text: '', starts: new Int32Array(0), units: new Int32Array(0), count: 0, loadedTo: 0 }),
      );
    if (s.loadedTo < this.unitsLoaded) {
      const wanted: number[] = [];
      for (let u = s.loadedTo; u < this.unitsLoaded; u++)
        if (this.unitDoc[u]! >= 0 && allowed[this.unitKind[u]!] === 1) wanted.push(u);
      if (wanted.length > 0) {
        // One string for all of them (normalizing keeps every offset and the separators); unit starts follow the separators.
        const text = normalizeText(await this.source.joinedUnitTexts(wanted)) + SEPARATOR;
        s.starts = grown(s.starts, s.count + wanted.length);
        s.units = grown(s.units, s.count + wanted.length);
        let at = 0;
        let placed = 0;
        for (const u of wanted) {
          if (at >= text.length) break;
          s.starts[s.count + placed] = s.text.length + at;
          s.units[s.count + placed++] = u;
          at = text.indexOf(SEPARATOR, at) + 1;
        }
        if (placed !== wanted.length || at !== text.length)
          throw new Error(
            `search: the texts of ${wanted.length} units did not come back one each (${placed}); the library's texts and index disagree`,
          );
        s.count += placed;
        s.text += text;
      }
      s.loadedTo = this.unitsLoaded;
    }
    return s;
  }

  /**
   * A 1-character term in a scope narrower than the whole document: one pass over the scope's texts. When
   * not ranking, a document's first occurrence settles it, and the pass goes on from the next document's
   * units (as it does past a document that is not a candidate).
   */
  private async verifyScoped(
    term: string,
    docs: readonly number[],
    state: Pick<TermState, 'tf' | 'here' | 'best'>,
    allowed: Uint8Array,
    level: number | undefined,
    freeOnly: boolean,
    ranked: boolean,
  ): Promise<void> {
    const candidate = new Uint8Array(this.docs.length);
    for (const d of docs) candidate[d] = 1;
    const { text, starts, units, count } = await this.structureScan(allowed);
    const { unitDoc } = this;
    let e = 0;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      while (e + 1 < count && starts[e + 1]! <= at) e++;
      const u = units[e]!;
      const d = unitDoc[u]!;
      if (candidate[d] === 0 || (!ranked && state.here[d] === 1)) {
        // Nothing more to learn from this document: on to the next one's first unit.
        while (e + 1 < count && unitDoc[units[e + 1]!] === d) e++;
        if (e + 1 === count) break;
        at = starts[e + 1]! - 1;
        continue;
      }
      if (level !== undefined && this.unitLevel[u] !== level) continue;
      const paidFrom = this.unitPaidFrom[u]!;
      if (freeOnly && paidFrom >= 0 && at - starts[e]! + 1 > paidFrom) continue;
      const w = KIND_WEIGHT[this.unitKind[u]!]!;
      if (state.best[d]! < 0) state.best[d] = u;
      state.here[d] = 1;
      state.tf[d] = state.tf[d]! + w;
    }
  }

  /**
   * For the shown documents where a term's unit is not known (1-character terms found by counts alone),
   * reads their paragraphs in rounds until one holding the term turns up.
   */
  private async findMissingUnits(
    window: readonly number[],
    states: readonly TermState[],
    allowed: Uint8Array,
    level: number | undefined,
    freeOnly: boolean,
  ): Promise<void> {
    for (const state of states) {
      let open = window.filter((d) => state.best[d]! < 0);
      const next = new Map(open.map((d) => [d, this.docUnitLo[d]! + 1]));
      while (open.length > 0) {
        const ids: number[] = [];
        for (const d of open)
          for (let u = next.get(d)!; u < Math.min(this.docUnitHi[d]!, next.get(d)! + PROBE_UNITS); u++) ids.push(u);
        const texts = await this.source.unitTexts(ids);
        open = open.filter((d) => {
          const from = next.get(d)!;
          const to = Math.min(this.docUnitHi[d]!, from + PROBE_UNITS);
          for (let u = from; u < to; u++) {
            if (allowed[this.unitKind[u]!] === 0 || (level !== undefined && this.unitLevel[u] !== level)) continue;
            const paidFrom = this.unitPaidFrom[u]!;
            const text = normalizeText(texts.get(u) ?? '');
            if ((freeOnly && paidFrom >= 0 ? text.slice(0, paidFrom) : text).includes(state.term)) {
              state.best[d] = u;
              return false;
            }
          }
          next.set(d, to);
          return to < this.docUnitHi[d]!;
        });
      }
    }
  }

  /** Whether index-text offset `at` of slot `slot`'s document lies in a heading: one bit (see headingBits). */
  private readonly inHeading: InHeading = (slot, at) => {
    return hasBit(this.headingBits, this.slotBase[slot]! + at);
  };

  /** Per slot, 1 when its document is marked in `docMask` (a filter mask, so kept with it). */
  private slotMask(docMask: Uint8Array): Uint8Array {
    const kept = this.slotMasks.get(docMask);
    if (kept) return kept;
    const { slotDoc } = this;
    const keep = new Uint8Array(slotDoc.length);
    for (let s = 0; s < slotDoc.length; s++) {
      const d = slotDoc[s]!;
      if (d >= 0) keep[s] = docMask[d]!;
    }
    this.slotMasks.set(docMask, keep);
    return keep;
  }

  /** Per document, 1 when it passes the genre/year/tag/paid filters; null when none is set. Kept per filter until the next refresh. */
  private filterMask(options: SearchOptions): Uint8Array | null {
    const { genre, year, tag, paid } = options;
    if (genre === undefined && year === undefined && tag === undefined && paid === undefined) return null;
    const key = JSON.stringify([genre, year, tag, paid]);
    const kept = this.masks.get(key);
    if (kept) return kept;
    const mask = new Uint8Array(this.docs.length);
    this.docs.forEach((doc, d) => {
      if (genre !== undefined && doc.genre !== genre) return;
      if (year !== undefined && doc.year !== year) return;
      if (tag !== undefined && !doc.tags.includes(tag)) return;
      if (paid !== undefined && doc.paid !== (paid === 'paid')) return;
      mask[d] = 1;
    });
    this.masks.set(key, mask);
    if (this.masks.size > MASKS_KEPT) this.masks.delete(this.masks.keys().next().value as string);
    return mask;
  }

  /** The best `k` candidates: score, then newer, then higher id (see topK). */
  private top(candidates: Int32Array | readonly number[], score: Float64Array, k: number): number[] {
    return topK(candidates, k, this.rankKeys(score));
  }

  /** What ranks the documents under these scores (the order topK and rerank share). */
  private rankKeys(score: Float64Array): RankKeys {
    return { score, time: this.docTime, id: this.docIds };
  }

  /** Units whose texts the shown documents need: each term's unit, titles excluded (the title is in DocMeta). */
  private snippetUnits(docs: readonly number[], states: readonly TermState[]): number[] {
    const units = new Set<number>();
    for (const d of docs)
      for (const s of states) if (s.best[d]! >= 0 && s.best[d] !== this.docUnitLo[d]) units.add(s.best[d]!);
    return [...units];
  }

  /** Re-ranks the first results of 1–2 character queries by how often the hit stands as a word of its own. */
  private rerank(
    window: number[],
    score: Float64Array,
    states: readonly TermState[],
    texts: ReadonlyMap<number, string>,
  ): void {
    for (const d of window) {
      let fit = 0;
      let n = 0;
      for (const s of states) {
        const u = s.best[d]!;
        const text = u === this.docUnitLo[d] ? this.docs[d]!.title : u >= 0 ? texts.get(u) : undefined;
        if (text === undefined) continue;
        const normalized = normalizeText(text);
        let at = normalized.indexOf(s.term);
        for (let k = 0; at >= 0 && k < 2; k++) {
          fit += boundaryFit(normalized, at, at + s.term.length);
          n++;
          at = normalized.indexOf(s.term, at + s.term.length);
        }
      }
      if (n > 0) score[d] = score[d]! * (0.85 + 0.15 * (fit / n));
    }
    window.sort(rankOrder(this.rankKeys(score)));
  }

  /** The nearest heading above a unit in its document, -1 at the top. */
  private sectionOf(unit: number): number {
    const d = this.unitDoc[unit]!;
    for (let u = unit - 1; u > this.docUnitLo[d]!; u--) if (this.unitKind[u] === KIND.heading) return u;
    return -1;
  }

  private sectionUnits(d: number, states: readonly TermState[], freeOnly: boolean): number[] {
    return states
      .map((s) => s.best[d]!)
      .filter((u) => u > this.docUnitLo[d]!)
      .map((u) => this.sectionOf(u))
      .filter((s) => s >= 0 && (!freeOnly || this.unitPaidFrom[s] === -1));
  }

  private snippets(
    d: number,
    states: readonly TermState[],
    terms: readonly string[],
    texts: ReadonlyMap<number, string>,
    sections: ReadonlyMap<number, string>,
    sentence: boolean,
    freeOnly: boolean,
  ): Snippet[] {
    const out: Snippet[] = [];
    const title = this.docs[d]!.title;
    const titleUnit = this.docUnitLo[d]!;
    if (states.some((s) => s.best[d] === titleUnit) || terms.some((t) => normalizeText(title).includes(t))) {
      const s = makeSnippet(title, terms, title.length, false);
      if (s) out.push({ ord: 0, kind: 'title', section: null, ...s });
    }
    const seen = new Set<number>();
    for (const state of states) {
      const u = state.best[d]!;
      if (u <= titleUnit || seen.has(u) || out.length >= 3) continue;
      seen.add(u);
      const text = texts.get(u);
      if (text === undefined) continue;
      const paidFrom = this.unitPaidFrom[u]!;
      const visibleUpTo = freeOnly && paidFrom >= 0 ? paidFrom : text.length;
      const s = makeSnippet(text, terms, visibleUpTo, sentence);
      if (!s) continue;
      const sectionUnit = this.sectionOf(u);
      const sectionText = sectionUnit >= 0 ? sections.get(sectionUnit) : undefined;
      const section =
        sectionText === undefined ? null : sectionText.length > 30 ? `${sectionText.slice(0, 30)}…` : sectionText;
      out.push({ ord: u - titleUnit, kind: UNIT_KINDS[this.unitKind[u]!]!, section, ...s });
    }
    return out;
  }

  /**
   * The hits of each term, from the cache or the index. With `filtered` (the documents a search's filters
   * let through), hits not cached are read for those documents only, and not cached (a term's cached hits
   * serve every filter: the search drops the documents filtered out).
   */
  private async termHits(
    terms: readonly string[],
    detail: (term: string) => TermDetail,
    filtered: Uint8Array | null,
  ): Promise<Map<string, TermHits>> {
    const out = new Map<string, TermHits>();
    const missing = terms.filter((t) => {
      const cached = this.cache.get(t);
      // A term cached with less detail does not serve a search that needs more.
      if (cached && detailServes(cached.detail, detail(t))) {
        this.cache.delete(t);
        this.cache.set(t, cached);
        out.set(t, cached);
        return false;
      }
      return true;
    });
    if (missing.length === 0) return out;
    const codes = new Map(missing.map((t) => [t, normalizeCodes(t)]));
    const grams = [...new Set([...codes.values()].flatMap((c) => gramsOf(c).map((g) => g.gram)))];
    const blobs = await this.source.postings(grams);
    const keep = filtered === null ? null : this.slotMask(filtered);
    for (const [term, c] of codes) {
      const h = matchTerm(c, blobs, detail(term), keep, this.inHeading);
      out.set(term, h);
      if (keep !== null) continue;
      this.cache.set(term, h);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    }
    return out;
  }
}
