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

  /** The generation the catalog was last read at (caches keyed on it go stale with it). */
  get generation(): number {
    return this.library.generation;
  }
}
