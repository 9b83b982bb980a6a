import { normalizeText } from '../core/normalize.js';
import { groupByDay, type UpdateDay } from './reader/updates.js';
import { facetsOf, type Facets } from '../cli/list-filters.js';
import type { Library } from '../library.js';
import type { DocumentSummary } from '../storage/store.js';

/** What the catalog knows of the library at one generation. */
interface Snapshot {
  generation: number;
  documents: DocumentSummary[];
  byId: Map<number, DocumentSummary>;
  /** Newest first by the time they were added (ties: higher id first). */
  newest: DocumentSummary[];
  facets: Facets;
  byCompilation: Map<number, DocumentSummary[]>;
  /** `newest`'s titles normalized for search, in the same order (what suggestions scan). */
  searchableTitles: string[];
  /** Made on first use: additions by day, newest first. */
  days: UpdateDay[] | null;
}

/**
 * The library's document list and its facets, read once per generation (see Library.generation) instead of
 * on every page: the home page, filters, feeds and compilation siblings all read it. Holds no text.
 */
export class Catalog {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(private readonly library: Library) {}

  private async current(): Promise<Snapshot> {
    const generation = this.library.generation;
    if (this.snapshot?.generation === generation) return this.snapshot;
    this.loading ??= this.load(generation).finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(generation: number): Promise<Snapshot> {
    const documents = await this.library.list();
    const byCompilation = new Map<number, DocumentSummary[]>();
    for (const d of documents) {
      if (d.compilationId === null) continue;
      const list = byCompilation.get(d.compilationId) ?? [];
      list.push(d);
      byCompilation.set(d.compilationId, list);
    }
    for (const list of byCompilation.values()) {
      list.sort((a, b) => (a.compilation?.position ?? 0) - (b.compilation?.position ?? 0) || a.id - b.id);
    }
    const newest = [...documents].sort((a, b) =>
      a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : b.id - a.id,
    );
    const snapshot = {
      generation,
      documents,
      byId: new Map(documents.map((d) => [d.id, d])),
      newest,
      facets: facetsOf(documents),
      byCompilation,
      searchableTitles: newest.map((d) => normalizeText(d.title)),
      days: null,
    };
    this.snapshot = snapshot;
    return snapshot;
  }

  async documents(): Promise<readonly DocumentSummary[]> {
    return (await this.current()).documents;
  }

  async summary(id: number): Promise<DocumentSummary | null> {
    return (await this.current()).byId.get(id) ?? null;
  }

  /** Newest additions first. */
  async newest(): Promise<readonly DocumentSummary[]> {
    return (await this.current()).newest;
  }

  async facets(): Promise<Facets> {
    return (await this.current()).facets;
  }

  /** The articles of a compilation in their order there. */
  async compilation(id: number): Promise<readonly DocumentSummary[]> {
    return (await this.current()).byCompilation.get(id) ?? [];
  }

  /** Additions grouped by the day (Beijing time) they were made, newest day first. */
  async days(): Promise<readonly UpdateDay[]> {
    const snapshot = await this.current();
    return (snapshot.days ??= groupByDay(snapshot.newest));
  }

  /** Newest first, the documents whose title holds `normalized` (a normalized text): at most `limit`. */
  async titlesContaining(normalized: string, limit: number): Promise<DocumentSummary[]> {
    const { newest, searchableTitles } = await this.current();
    const out: DocumentSummary[] = [];
    for (let i = 0; i < newest.length && out.length < limit; i++) {
      if (searchableTitles[i]!.includes(normalized)) out.push(newest[i]!);
    }
    return out;
  }

  /** The generation the catalog was last read at (caches keyed on it go stale with it). */
  get generation(): number {
    return this.library.generation;
  }
}
