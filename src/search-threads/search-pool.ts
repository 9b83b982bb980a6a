import { Worker } from 'node:worker_threads';
import { normalizationTable } from '../core/normalize.js';
import type { ParsedQuery } from '../core/search/parse-query.js';
import type { SearchOptions, SearchResult } from '../core/search/search-options.js';
import type { SearchMessage, SearchRequest, SearchThreadData } from './search-messages.js';

interface Waiting {
  resolve: (result?: SearchResult) => void;
  reject: (error: Error) => void;
}

/** One search thread and the requests it has not answered yet. */
class SearchThread {
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: SearchMessage) => {
      if (m.type === 'ready') return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      // Held open only while answers are awaited (as the ingest thread): an idle pool lets the process end.
      if (this.waiting.size === 0) worker.unref();
      if (m.type === 'result') w?.resolve(JSON.parse(m.json) as SearchResult);
      else if (m.type === 'done') w?.resolve();
      else w?.reject(new Error(m.message));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`search thread exited (code ${code})`)));
  }

  /** Starts a thread over the library file; resolves once its engine has loaded the library. */
  static start(data: SearchThreadData): Promise<SearchThread> {
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), { workerData: data });
    return new Promise((resolve, reject) => {
      const thread = new SearchThread(worker);
      worker.once('message', () => {
        worker.unref();
        resolve(thread);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`search thread exited (code ${code}) while loading`)));
    });
  }

  /** False once the thread has died: it answers nothing more. */
  get alive(): boolean {
    return this.failure === null;
  }

  /** Requests sent and not answered yet: what the pool balances on. */
  get load(): number {
    return this.waiting.size;
  }

  search(query: ParsedQuery, options: SearchOptions): Promise<SearchResult> {
    return this.send((id) => ({ type: 'search', id, query, options })) as Promise<SearchResult>;
  }

  async refresh(): Promise<void> {
    await this.send((id) => ({ type: 'refresh', id }));
  }

  async forget(docId: number): Promise<void> {
    await this.send((id) => ({ type: 'forget', id, docId }));
  }

  private send(request: (id: number) => SearchRequest): Promise<SearchResult | undefined> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(request(id));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  /** Ends the thread. It holds nothing to save (its connection only reads), so it is stopped, not asked. */
  async close(): Promise<void> {
    this.failure ??= new Error('search thread closed');
    await this.worker.terminate();
  }
}

/**
 * Threads that each hold an engine over the same library file, so searches use every core while the
 * calling thread serves pages. A search goes to the live thread with the fewest unanswered requests (a thread
 * that died is passed over; with none left, the caller searches itself). The owner
 * (Library) tells the pool of every write it sees: `refresh` and `forget` resolve once every thread has
 * applied them, so a search asked after an ingest answered finds its documents.
 */
export class SearchPool {
  private constructor(private readonly threads: readonly SearchThread[]) {}

  static async start(dbPath: string, size: number): Promise<SearchPool> {
    const data: SearchThreadData = { dbPath, normalization: normalizationTable() };
    const threads = await Promise.allSettled(Array.from({ length: size }, () => SearchThread.start(data)));
    const started = threads.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
    const failed = threads.find((t) => t.status === 'rejected');
    if (failed !== undefined) {
      await Promise.all(started.map((t) => t.close()));
      throw (failed as PromiseRejectedResult).reason;
    }
    return new SearchPool(started);
  }

  /** Threads still running. */
  get size(): number {
    return this.live().length;
  }

  private live(): SearchThread[] {
    return this.threads.filter((t) => t.alive);
  }

  /** Where the next search's look for the least busy thread starts (see search). */
  private turn = 0;

  /**
   * Asks the live thread with the fewest requests in flight, ties taken in turn: searches one after
   * another (a warm-up pass, a quiet hour) reach every thread, so each has its terms decoded and its code
   * compiled before the load comes. Null when no thread is left to ask (the caller searches itself).
   */
  search(query: ParsedQuery, options: SearchOptions): Promise<SearchResult> | null {
    const live = this.live();
    if (live.length === 0) return null;
    this.turn = (this.turn + 1) % live.length;
    let chosen = live[this.turn]!;
    for (let k = 1; k < live.length; k++) {
      const t = live[(this.turn + k) % live.length]!;
      if (t.load < chosen.load) chosen = t;
    }
    return chosen.search(query, options);
  }

  async refresh(): Promise<void> {
    await Promise.all(this.live().map((t) => t.refresh()));
  }

  async forget(docId: number): Promise<void> {
    await Promise.all(this.live().map((t) => t.forget(docId)));
  }

  async close(): Promise<void> {
    await Promise.all(this.live().map((t) => t.close()));
  }
}
