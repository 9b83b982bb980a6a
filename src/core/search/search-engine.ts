import { UNIT_KINDS, type DocMeta, type IndexSource, type UnitKind } from '../index/contracts.js';
import { normalizeCodes, normalizeText } from '../normalize.js';
import { gramsOf, matchTerm, type TermHits } from './match-term.js';
import { parseQuery, type ParsedQuery } from './parse-query.js';
import { FIELD_WEIGHT, bm25, idf } from './rank.js';
import { makeSnippet, type Snippet } from './snippets.js';
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
const KIND_WEIGHT = Float64Array.from(UNIT_KINDS, (k) => FIELD_WEIGHT[k]);
const SENTENCE_TERMINATOR = /[。！？!?；;]/;
/** How many of the first results of a 1–2 character query are re-ranked by word boundaries. */
const RERANK_WINDOW = 30;
const CACHE_SIZE = 128;

function scopeKinds(scope: SearchScope): Uint8Array {
  const allowed = new Uint8Array(UNIT_KINDS.length);
  const set = (k: UnitKind): void => {
    allowed[KIND[k]] = 1;
  };
  if (scope === 'all' || scope === 'sentence') UNIT_KINDS.forEach(set);
  else if (scope === 'outline') set('heading');
  else set(scope);
  return allowed;
}

/**
 * Exact, ranked Chinese search over an IndexSource. Keeps the unit table (unit → document, kind, level,
 * paid offset, length) in typed arrays; posting lists are read per query and decoded terms are cached.
 */
export class SearchEngine {
  private unitDoc = new Int32Array(0);
  private unitKind = new Uint8Array(0);
  private unitLevel = new Uint8Array(0);
  private unitPaidFrom = new Int32Array(0);
  private docs: DocMeta[] = [];
  private docIndex = new Map<number, number>();
  private docLength = new Float64Array(0);
  private docTime = new Float64Array(0);
  private averageLength = 1;
  private readonly cache = new Map<string, TermHits>();

  constructor(private readonly source: IndexSource) {}

  /** Reloads the unit table and document facts; call after writes. */
  async refresh(): Promise<void> {
    const [segments, docs] = await Promise.all([this.source.segments(), this.source.documents()]);
    const size = segments.reduce((n, s) => Math.max(n, s.unitHi), 0);
    this.unitDoc = new Int32Array(size).fill(-1);
    this.unitKind = new Uint8Array(size);
    this.unitLevel = new Uint8Array(size);
    this.unitPaidFrom = new Int32Array(size);
    const unitLength = new Int32Array(size);
    for (const s of segments) {
      this.unitDoc.set(s.unitDoc, s.unitLo);
      this.unitPaidFrom.set(s.unitPaidFrom, s.unitLo);
      unitLength.set(s.unitLength, s.unitLo);
      for (let i = 0; i < s.unitMeta.length; i++) {
        this.unitKind[s.unitLo + i] = s.unitMeta[i]! & 15;
        this.unitLevel[s.unitLo + i] = s.unitMeta[i]! >> 4;
      }
    }
    this.docs = docs;
    this.docIndex = new Map(docs.map((d, i) => [d.id, i]));
    this.docLength = new Float64Array(docs.length);
    this.docTime = new Float64Array(docs.length);
    docs.forEach((d, i) => {
      const t = d.publishedAt ? Date.parse(d.publishedAt.replace(' ', 'T')) : NaN;
      this.docTime[i] = Number.isNaN(t) ? (d.year ? Date.UTC(d.year, 0, 1) : 0) : t;
    });
    for (let u = 0; u < size; u++) {
      const di = this.docIndex.get(this.unitDoc[u]!);
      if (di !== undefined) {
        this.unitDoc[u] = di;
        this.docLength[di] = this.docLength[di]! + unitLength[u]!;
      } else this.unitDoc[u] = -1;
    }
    this.averageLength = docs.length ? this.docLength.reduce((a, b) => a + b, 0) / docs.length : 1;
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
    const hits = await this.termHits([...parsed.include, ...parsed.exclude]);
    const allowed = scopeKinds(scope);
    const level = scope === 'outline' ? options.level : undefined;
    const nDocs = this.docs.length;
    const docOk = this.docFilter(options);

    const excluded = new Uint8Array(nDocs);
    for (const term of parsed.exclude) {
      const h = hits.get(term)!;
      for (let i = 0; i < h.length; i++) {
        const u = h.units[i]!;
        const d = this.unitDoc[u]!;
        if (d >= 0 && (!freeOnly || this.visible(u, h.first[i]!, term.length) === 1)) excluded[d] = 1;
      }
    }

    const score = new Float64Array(nDocs);
    let present: Uint8Array | null = null;
    const bestUnit: Int32Array[] = [];
    const titleHit = new Uint8Array(nDocs);
    const pending: Array<{ unit: number; term: string; termIndex: number; weight: number }> = [];
    // Per-term state of this call only: searches may interleave at their awaits.
    const termState: Array<{ tf: Float64Array; here: Uint8Array }> = [];
    parsed.include.forEach((term, t) => {
      const h = hits.get(term)!;
      const tf = new Float64Array(nDocs);
      const here = new Uint8Array(nDocs);
      const best = new Int32Array(nDocs).fill(-1);
      const bestWeight = new Float64Array(nDocs);
      // Hot loop: locals instead of fields, one typed-array read per test.
      const { unitDoc, unitKind, unitLevel } = this;
      const units = h.units;
      const counts = h.counts;
      const filterLevel = level !== undefined;
      const titleKind = KIND.title;
      const previous: Uint8Array | null = present;
      for (let i = 0; i < h.length; i++) {
        const u = units[i]!;
        const d = unitDoc[u]!;
        if (d < 0 || excluded[d] === 1 || (previous !== null && previous[d] === 0)) continue;
        const kind = unitKind[u]!;
        if (allowed[kind] === 0 || (filterLevel && unitLevel[u] !== level)) continue;
        const weight = KIND_WEIGHT[kind]! * counts[i]!;
        if (freeOnly) {
          const v = this.visible(u, h.first[i]!, term.length);
          if (v === 0) continue;
          if (v === 2) {
            pending.push({ unit: u, term, termIndex: t, weight });
            continue;
          }
        }
        here[d] = 1;
        tf[d] = tf[d]! + weight;
        if (kind === titleKind) titleHit[d] = 1;
        else if (weight > bestWeight[d]!) {
          bestWeight[d] = weight;
          best[d] = u;
        }
      }
      bestUnit.push(best);
      termState[t] = { tf, here };
      present = here;
    });
    if (pending.length > 0) await this.verifyPending(pending, termState);
    // A document matches when every term is present; score it.
    let total = 0;
    const candidates: number[] = [];
    const idfs = termState.map((s) => {
      let df = 0;
      for (let d = 0; d < nDocs; d++) if (s.here[d]) df++;
      return idf(df, nDocs);
    });
    for (let d = 0; d < nDocs; d++) {
      if (excluded[d] || !docOk(d)) continue;
      let all = true;
      let s = 0;
      for (let t = 0; t < termState.length; t++) {
        const st = termState[t]!;
        if (!st.here[d]) {
          all = false;
          break;
        }
        s += bm25(st.tf[d]!, this.docLength[d]!, this.averageLength, idfs[t]!);
      }
      if (!all) continue;
      score[d] = s;
      total++;
      candidates.push(d);
    }
    if (limit === 0) return { total, hits: [] };
    const window = this.top(candidates, score, Math.max(offset + limit, RERANK_WINDOW));
    const texts = await this.source.unitTexts(this.snippetUnits(window, bestUnit));
    if (parsed.include.every((t) => t.length <= 2)) this.rerank(window, score, bestUnit, parsed.include, texts);
    const page = window.slice(offset, offset + limit);
    const wantSnippets = options.snippets ?? true;
    const sectionTexts = wantSnippets ? await this.source.unitTexts(page.flatMap((d) => this.sectionUnits(d, bestUnit, freeOnly))) : new Map<number, string>();
    return {
      total,
      hits: page.map((d) => ({
        id: this.docs[d]!.id,
        title: this.docs[d]!.title,
        score: Math.round(score[d]! * 1000) / 1000,
        snippets: wantSnippets ? this.snippets(d, bestUnit, titleHit, parsed.include, texts, sectionTexts, scope === 'sentence', freeOnly) : [],
      })),
    };
  }

  /** 1 visible, 0 hidden, 2 unknown (needs the text) for a reader without access. */
  private visible(unit: number, first: number, length: number): 0 | 1 | 2 {
    const paidFrom = this.unitPaidFrom[unit]!;
    if (paidFrom < 0) return 1;
    if (paidFrom === 0) return 0;
    if (first < 0) return 2;
    return first + length <= paidFrom ? 1 : 2;
  }

  private async verifyPending(
    pending: Array<{ unit: number; term: string; termIndex: number; weight: number }>,
    termState: ReadonlyArray<{ tf: Float64Array; here: Uint8Array }>,
  ): Promise<void> {
    const texts = await this.source.unitTexts([...new Set(pending.map((p) => p.unit))]);
    for (const p of pending) {
      const text = texts.get(p.unit);
      if (text === undefined) continue;
      const visibleText = normalizeText(text.slice(0, this.unitPaidFrom[p.unit]!));
      if (!visibleText.includes(p.term)) continue;
      const d = this.unitDoc[p.unit]!;
      const state = termState[p.termIndex]!;
      state.here[d] = 1;
      state.tf[d] = state.tf[d]! + p.weight;
    }
  }

  private docFilter(options: SearchOptions): (d: number) => boolean {
    const { genre, year, tag, paid } = options;
    if (genre === undefined && year === undefined && tag === undefined && paid === undefined) return () => true;
    return (d) => {
      const doc = this.docs[d]!;
      if (genre !== undefined && doc.genre !== genre) return false;
      if (year !== undefined && doc.year !== year) return false;
      if (tag !== undefined && !doc.tags.includes(tag)) return false;
      if (paid !== undefined && doc.paid !== (paid === 'paid')) return false;
      return true;
    };
  }

  /** The best `k` candidates: score, then newer, then higher id. */
  private top(candidates: number[], score: Float64Array, k: number): number[] {
    const better = (a: number, b: number): boolean =>
      score[a]! !== score[b]! ? score[a]! > score[b]! : this.docTime[a]! !== this.docTime[b]! ? this.docTime[a]! > this.docTime[b]! : this.docs[a]!.id > this.docs[b]!.id;
    if (candidates.length <= k) return candidates.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    // Bounded min-heap of the best k.
    const heap: number[] = [];
    const worse = (i: number, j: number): boolean => better(heap[j]!, heap[i]!);
    const down = (i: number): void => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    };
    for (const d of candidates) {
      if (heap.length < k) {
        heap.push(d);
        let i = heap.length - 1;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(i, p)) break;
          [heap[i], heap[p]] = [heap[p]!, heap[i]!];
          i = p;
        }
      } else if (better(d, heap[0]!)) {
        heap[0] = d;
        down(0);
      }
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }

  private snippetUnits(docs: readonly number[], bestUnit: readonly Int32Array[]): number[] {
    const units: number[] = [];
    for (const d of docs) {
      for (const best of bestUnit) if (best[d]! >= 0) units.push(best[d]!);
    }
    return [...new Set(units)];
  }

  /** Re-ranks the first results of 1–2 character queries by how often the hit stands as a word of its own. */
  private rerank(window: number[], score: Float64Array, bestUnit: readonly Int32Array[], terms: readonly string[], texts: ReadonlyMap<number, string>): void {
    for (const d of window) {
      let fit = 0;
      let n = 0;
      terms.forEach((term, t) => {
        const u = bestUnit[t]![d]!;
        const text = u >= 0 ? texts.get(u) : undefined;
        if (text === undefined) return;
        const normalized = normalizeText(text);
        let at = normalized.indexOf(term);
        for (let k = 0; at >= 0 && k < 2; k++) {
          fit += boundaryFit(normalized, at, at + term.length);
          n++;
          at = normalized.indexOf(term, at + term.length);
        }
      });
      if (n > 0) score[d] = score[d]! * (0.85 + 0.15 * (fit / n));
    }
    const id = (d: number): number => this.docs[d]!.id;
    window.sort((a, b) => score[b]! - score[a]! || this.docTime[b]! - this.docTime[a]! || id(b) - id(a));
  }

  private sectionOf(unit: number): number {
    const d = this.unitDoc[unit]!;
    for (let u = unit - 1, steps = 0; u >= 0 && this.unitDoc[u] === d && steps < 500; u--, steps++) {
      if (this.unitKind[u] === KIND.heading) return u;
      if (this.unitKind[u] === KIND.title) return -1;
    }
    return -1;
  }

  private sectionUnits(d: number, bestUnit: readonly Int32Array[], freeOnly: boolean): number[] {
    return bestUnit
      .map((best) => best[d]!)
      .filter((u) => u >= 0)
      .map((u) => this.sectionOf(u))
      .filter((s) => s >= 0 && (!freeOnly || this.unitPaidFrom[s] === -1));
  }

  private snippets(
    d: number,
    bestUnit: readonly Int32Array[],
    titleHit: Uint8Array,
    terms: readonly string[],
    texts: ReadonlyMap<number, string>,
    sections: ReadonlyMap<number, string>,
    sentence: boolean,
    freeOnly: boolean,
  ): Snippet[] {
    const out: Snippet[] = [];
    if (titleHit[d]) {
      const s = makeSnippet(this.docs[d]!.title, terms, this.docs[d]!.title.length, false);
      if (s) out.push({ ord: 0, kind: 'title', section: null, ...s });
    }
    const seen = new Set<number>();
    for (const best of bestUnit) {
      const u = best[d]!;
      if (u < 0 || seen.has(u) || out.length >= 3) continue;
      seen.add(u);
      const text = texts.get(u);
      if (text === undefined) continue;
      const paidFrom = this.unitPaidFrom[u]!;
      const visibleUpTo = freeOnly && paidFrom >= 0 ? paidFrom : text.length;
      const s = makeSnippet(text, terms, visibleUpTo, sentence);
      if (!s) continue;
      const sectionUnit = this.sectionOf(u);
      const sectionText = sectionUnit >= 0 ? sections.get(sectionUnit) : undefined;
      const section = sectionText === undefined ? null : sectionText.length > 30 ? `${sectionText.slice(0, 30)}…` : sectionText;
      out.push({ ord: this.ordOf(u), kind: UNIT_KINDS[this.unitKind[u]!]!, section, ...s });
    }
    return out;
  }

  private ordOf(unit: number): number {
    const d = this.unitDoc[unit]!;
    let u = unit;
    while (u > 0 && this.unitDoc[u - 1] === d) u--;
    return unit - u;
  }

  private async termHits(terms: readonly string[]): Promise<Map<string, TermHits>> {
    const out = new Map<string, TermHits>();
    const missing = terms.filter((t) => {
      const cached = this.cache.get(t);
      if (cached) {
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
    for (const [term, c] of codes) {
      const h = matchTerm(c, blobs);
      out.set(term, h);
      this.cache.set(term, h);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    }
    return out;
  }
}
