import { parseQuery } from './core/search/parse-query.js';
import { SearchEngine } from './core/search/search-engine.js';
import type { SearchOptions, SearchResult } from './core/search/search-options.js';
import { ingestPaths, type IngestOptions, type IngestSummary } from './ingest/ingest.js';
import { IngestThread, type WarmUp } from './ingest/ingest-thread.js';
import { SearchPool } from './search-threads/search-pool.js';
import { openSqliteStore, type SqliteOpenOptions } from './storage/sqlite/index.js';
import type { BatchReport, BatchSummary } from './storage/batches.js';
import type { DeletedDocument, DocumentSummary, LibraryStore, StoredDocument } from './storage/store.js';

/** Default location of the embedded library. */
export const DEFAULT_DB_PATH = './data/sucai.db';

/**
 * The library as the CLI, the benchmark and (later) the web server use it: a store plus the search engine
 * over it. The engine is refreshed after every write so new documents are searchable at once.
 */
export class Library {
  /** Where ingests run when the library is a file (see IngestThread): started by the first, kept until close. */
  private readonly ingestThread: IngestThread | null;

  private constructor(
    readonly store: LibraryStore,
    readonly engine: SearchEngine,
    /** The library file, when ingests (and search threads) can open a connection of their own to it. */
    private readonly file: string | null,
  ) {
    this.ingestThread = file === null ? null : new IngestThread(file);
  }

  /** Opens (creating if needed) the SQLite library at `path`; see SqliteOpenOptions. */
  static async open(path: string = DEFAULT_DB_PATH, options?: SqliteOpenOptions): Promise<Library> {
    const store = await openSqliteStore(path, options);
    return Library.over(store, path === ':memory:' ? null : path);
  }

  /** Wraps any LibraryStore (the SQLite one, or a second store); with `file`, ingests run in a thread of their own. */
  static async over(store: LibraryStore, file: string | null = null): Promise<Library> {
    return new Library(store, new SearchEngine(store), file);
  }

  /**
   * The engine's tables (every document and segment header) are loaded by the first search, not on open:
   * a process that only ingests (the CLI's `ingest`) never reads them, 0.2–0.9 s from 90M to 300M characters.
   */
  private loaded: Promise<void> | null = null;

  private ready(): Promise<void> {
    return (this.loaded ??= this.engine.refresh());
  }

  private changes = 0;
  /** Where searches run when the library serves them from threads of their own (see searchInThreads). */
  private pool: SearchPool | null = null;

  /**
   * Serves searches from `threads` threads of their own, each with an engine over the library file, so a
   * server's searches use every core while this thread renders pages (0: on this thread, as before). Every
   * write this library makes or sees (ingest, delete, catchUp) reaches the threads before it resolves.
   * An in-memory library keeps searching on this thread.
   */
  async searchInThreads(threads: number): Promise<void> {
    // An in-memory library cannot be opened by another thread: it searches on this one.
    if (threads <= 0 || this.pool !== null || this.file === null) return;
    this.pool = await SearchPool.start(this.file, threads);
  }

  /** Threads serving searches (0: this thread). */
  get searchThreads(): number {
    return this.pool?.size ?? 0;
  }

  /**
   * Counts the writes so far (ingests, and anything else that changes the documents): what a reader's caches
   * (the web's catalog, related documents) compare to know they are stale.
   */
  get generation(): number {
    return this.changes;
  }

  /** The store's documents version when last looked at (see catchUp). */
  private seenVersion: string | null = null;
  private catchingUp: Promise<boolean> | null = null;
  /** Ingest runs of this library in flight. */
  private ingesting = 0;

  /**
   * After this library's own write: the version is noted before the engines refresh (they then hold at least
   * that much), so the next catch-up does not take the same write again: the ingest thread's commits had
   * looked like another process's, and every engine and the web's catalog were rebuilt each second of a run.
   */
  private async ownWrites(): Promise<void> {
    this.changes++;
    this.seenVersion = await this.store.documentsVersion();
    await this.refreshSearches();
  }

  /**
   * Takes in what other processes wrote since the last call (a `sucai ingest` or `delete` from the CLI beside
   * a running server, or a second server on the same file): new documents become searchable, deleted ones
   * stop being found, and the generation moves so readers' caches go stale. True when anything had changed.
   * The first call only notes where the store stands.
   */
  catchUp(): Promise<boolean> {
    return (this.catchingUp ??= this.takeOthersWrites().finally(() => (this.catchingUp = null)));
  }

  private async takeOthersWrites(): Promise<boolean> {
    // This library's own ingest is writing: what it and others wrote is taken when it ends (see ownWrites).
    if (this.ingesting > 0) return false;
    const version = await this.store.documentsVersion();
    const changed = this.seenVersion !== null && version !== this.seenVersion;
    this.seenVersion = version;
    if (!changed) return false;
    this.changes++;
    await this.refreshSearches();
    return true;
  }

  /** Brings every engine that serves searches up to date with the store. */
  private async refreshSearches(): Promise<void> {
    await this.pool?.refresh();
    if (this.loaded !== null) {
      await this.loaded;
      await this.engine.refresh();
    }
  }

  /** Tells the library's readers its documents changed (a write outside ingest calls it, e.g. a delete). */
  changed(): void {
    this.changes++;
  }

  async ingest(paths: readonly string[], options?: IngestOptions): Promise<IngestSummary> {
    this.ingesting++;
    try {
      // Off this thread when possible: searches here go on while files are read, parsed and written.
      return this.ingestThread !== null && options?.thread !== false
        ? await this.ingestThread.ingest(paths, options)
        : await ingestPaths(this.store, paths, options);
    } finally {
      this.ingesting--;
      // New documents are searchable at once (an engine not loaded yet loads them with the rest).
      await this.ownWrites();
    }
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    // Parsed here, so a malformed query throws its QuerySyntaxError on the caller's thread.
    const threaded = this.pool?.search(parseQuery(query), options) ?? null;
    if (threaded !== null) return threaded;
    await this.ready();
    return this.engine.search(query, options);
  }

  async count(query: string, options?: SearchOptions): Promise<number> {
    return (await this.search(query, { ...options, limit: 0, snippets: false })).total;
  }

  /** Every document, or those added after document `afterId` (see LibraryStore.listDocuments). */
  list(afterId?: number): Promise<DocumentSummary[]> {
    return this.store.listDocuments(afterId);
  }

  show(id: number): Promise<StoredDocument | null> {
    return this.store.getDocument(id);
  }

  /**
   * Deletes a document (its sources, units and the files only it needed; see LibraryStore.deleteDocument):
   * searches stop finding it at once. A compilation's other articles stay. Null when there is no such document.
   */
  async deleteDocument(id: number): Promise<DeletedDocument | null> {
    const deleted = await this.store.deleteDocument(id);
    if (deleted === null) return null;
    this.changes++;
    await this.pool?.forget(id);
    if (this.loaded !== null) {
      await this.loaded;
      this.engine.forget(id);
    }
    return deleted;
  }

  /** Reports of the latest ingest runs that kept one, newest first. */
  batches(limit?: number): Promise<BatchSummary[]> {
    return this.store.listBatches(limit);
  }

  batch(id: number): Promise<BatchReport | null> {
    return this.store.getBatch(id);
  }

  /**
   * Gets ingests ready before the first one comes (see IngestThread.warm): a serving process calls this
   * once at start, so its first daily update is as fast as the next. Nothing is written. A library without
   * an ingest thread (in memory, or over another store) has nothing to warm.
   */
  async warmIngest(): Promise<WarmUp> {
    return this.ingestThread !== null ? await this.ingestThread.warm() : { files: 0, documents: 0, ms: 0 };
  }

  /** Threads the library's ingests have started (0 or 1 unless one died); see IngestThread. */
  get ingestThreadsStarted(): number {
    return this.ingestThread?.started ?? 0;
  }

  /**
   * Resolves when the ingests asked for so far are done and their segments merged: an ingest answers as soon
   * as its documents are searchable and merges after (see IngestThread).
   */
  settle(): Promise<void> {
    return this.ingestThread?.settle() ?? Promise.resolve();
  }

  /** Ends the ingest thread (after its merges) and closes the store. */
  async close(): Promise<void> {
    // A catch-up in flight finishes first: it may be refreshing the threads being closed.
    await this.catchingUp?.catch(() => false);
    await this.pool?.close();
    await this.ingestThread?.close();
    await this.store.close();
  }
}
