import { normalizeText } from '../core/normalize.js';
import { groupByDay, type UpdateDay } from './reader/updates.js';
import { facetsOf, type Facets } from '../cli/list-filters.js';
import type { Library } from '../library.js';
import type { DocumentSummary } from '../storage/store.js';

/** What the catalog knows of the library at one generation. */
interface Snapshot {
  generation: number;
  /** In id order. */
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
  /** The highest document id read, and the last deletion taken: where the next read starts. */
  lastId: number;
  deletionsSeen: number;
}

const newerFirst = (a: DocumentSummary, b: DocumentSummary): number =>
  a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : b.id - a.id;

/**
 * The library's document list and its facets, read once per generation (see Library.generation) instead of
 * on every page: the home page, filters, feeds and compilation siblings all read it. Holds no text. A new
 * generation reads only what changed: documents are only ever added (ids grow) or deleted (a numbered
 * log), and reading all of them again held every request up for 0.7 s after each daily update at 90M.
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
    const before = this.snapshot;
    // Documents, then deletions: one deleted after it was read is among the deletions (as the engine reads).
    const added = await this.library.list(before?.lastId ?? 0);
    const deletions = await this.library.store.deletions(before?.deletionsSeen ?? 0);
    const gone = new Set(deletions.map((d) => d.docId));
    const held = before?.documents ?? [];
    const fresh = added.filter((d) => !gone.has(d.id));
    const documents = (gone.size === 0 ? held : held.filter((d) => !gone.has(d.id))).concat(fresh);
    const { newest, searchableTitles } = newestFirst(before, fresh, gone);
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
    const snapshot: Snapshot = {
      generation,
      documents,
      byId: new Map(documents.map((d) => [d.id, d])),
      newest,
      facets: facetsOf(documents),
      byCompilation,
      searchableTitles,
      days: null,
      lastId: added.reduce((m, d) => Math.max(m, d.id), before?.lastId ?? 0),
      deletionsSeen: deletions.reduce((m, d) => Math.max(m, d.seq), before?.deletionsSeen ?? 0),
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

/**
 * The documents newest first with their normalized titles, from the last snapshot's: the new ones go in
 * front when they are the newest (as a daily update's are), else everything is sorted again.
 */
function newestFirst(
  before: Snapshot | null,
  added: readonly DocumentSummary[],
  gone: ReadonlySet<number>,
): { newest: DocumentSummary[]; searchableTitles: string[] } {
  const fresh = [...added].sort(newerFirst);
  const old = before?.newest ?? [];
  const keptAt = old.flatMap((d, i) => (gone.has(d.id) ? [] : [i]));
  const oldKept = keptAt.map((i) => old[i]!);
  if (fresh.length > 0 && oldKept.length > 0 && newerFirst(fresh[fresh.length - 1]!, oldKept[0]!) > 0) {
    // Added before documents already held (another process's clock behind): everything sorted again.
    const newest = fresh.concat(oldKept).sort(newerFirst);
    return { newest, searchableTitles: newest.map((d) => normalizeText(d.title)) };
  }
  const oldTitles = before?.searchableTitles ?? [];
  return {
    newest: fresh.concat(oldKept),
    searchableTitles: fresh.map((d) => normalizeText(d.title)).concat(keptAt.map((i) => oldTitles[i]!)),
  };
}
