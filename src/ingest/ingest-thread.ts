import { Worker } from 'node:worker_threads';
import { normalizationTable } from '../core/normalize.js';
import type { BatchFileNote, BatchOrigin } from '../storage/batches.js';
import type { IngestOptions, IngestProgress, IngestSummary } from './ingest.js';

/** What the ingest thread is asked: an ingest of these paths (options that cross threads), or to finish. */
export type IngestRequest =
  | {
      type: 'ingest';
      id: number;
      paths: readonly string[];
      batchBytes?: number;
      workers?: boolean;
      origin?: BatchOrigin;
      labels?: Readonly<Record<string, string>>;
      notes?: readonly BatchFileNote[];
    }
  | { type: 'settle'; id: number }
  | { type: 'warm'; id: number }
  | { type: 'close' };

/** What the ingest thread answers, each for the request of its id. */
export type IngestMessage =
  | { type: 'progress'; id: number; progress: IngestProgress }
  | { type: 'done'; id: number; summary: IngestSummary }
  | { type: 'settled'; id: number }
  | { type: 'warmed'; id: number; warmUp: WarmUp }
  | { type: 'error'; id: number; message: string };

/** What getting ingests ready took (see IngestThread.warm). */
export interface WarmUp {
  /** The library's latest files prepared (and dropped) by each parse worker. */
  files: number;
  /** Documents found in them (before deduplication). */
  documents: number;
  ms: number;
}

interface Waiting {
  /** Called with the summary of an ingest or what a warm-up did; with none for a settle. */
  resolve: (answer?: IngestSummary | WarmUp) => void;
  reject: (error: Error) => void;
  onProgress: IngestOptions['onProgress'];
}

/**
 * A thread that takes in files for one library file, with its own connection to it and its own parse
 * workers: reading, parsing, writing and merging never hold up searches served by the calling thread
 * (SQLite's WAL lets it read meanwhile). It starts with the first ingest and stays until `close`, so a
 * process that ingests again (a server taking its daily documents) finds its code compiled and its
 * workers started. Ingests run one at a time, in the order asked. Segments are merged after an ingest
 * has answered (its documents are searchable by then), before the next one begins.
 */
export class IngestThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private threadsStarted = 0;

  constructor(private readonly dbPath: string) {}

  /** Threads started so far (one unless a thread died). */
  get started(): number {
    return this.threadsStarted;
  }

  ingest(paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
    const worker = this.worker ?? this.start();
    return new Promise<IngestSummary>((resolve, reject) => {
      const id = this.ask(worker, {
        resolve: (summary) => resolve(summary as IngestSummary),
        reject,
        onProgress: options.onProgress,
      });
      worker.postMessage({
        type: 'ingest',
        id,
        paths,
        ...(options.batchBytes !== undefined ? { batchBytes: options.batchBytes } : {}),
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(options.origin !== undefined ? { origin: options.origin } : {}),
        ...(options.labels !== undefined ? { labels: options.labels } : {}),
        ...(options.notes !== undefined ? { notes: options.notes } : {}),
      } satisfies IngestRequest);
    });
  }

  /** Resolves when every ingest asked for so far has answered and its merges are done. */
  settle(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const id = this.ask(worker, { resolve: () => resolve(), reject, onProgress: undefined });
      worker.postMessage({ type: 'settle', id } satisfies IngestRequest);
    });
  }

  /**
   * Gets ingests ready ahead of the first: starts the thread, opens its connection and starts its parse
   * workers, which prepare the library's latest files (results dropped; nothing is written), so the first
   * ingest finds its code compiled on the kind of files it will meet instead of compiling it on its own.
   * Runs at the thread's lower priority.
   */
  warm(): Promise<WarmUp> {
    const worker = this.worker ?? this.start();
    return new Promise<WarmUp>((resolve, reject) => {
      const id = this.ask(worker, { resolve: (warmUp) => resolve(warmUp as WarmUp), reject, onProgress: undefined });
      worker.postMessage({ type: 'warm', id } satisfies IngestRequest);
    });
  }

  /** Registers what waits for the answer to a new request, and its id; holds the process open until then. */
  private ask(worker: Worker, waiting: Waiting): number {
    const id = this.nextId++;
    this.waiting.set(id, waiting);
    worker.ref();
    return id;
  }

  /** Lets the thread finish its merges, then ends it (and its workers). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies IngestRequest);
    await exited;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./ingest-worker.js', import.meta.url), {
      workerData: { dbPath: this.dbPath, normalization: normalizationTable() },
    });
    this.worker = worker;
    this.threadsStarted++;
    const answered = (id: number): Waiting | undefined => {
      const w = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
      return w;
    };
    worker.on('message', (m: IngestMessage) => {
      if (m.type === 'progress') this.waiting.get(m.id)?.onProgress?.(m.progress);
      else if (m.type === 'done') answered(m.id)?.resolve(m.summary);
      else if (m.type === 'settled') answered(m.id)?.resolve();
      else if (m.type === 'warmed') answered(m.id)?.resolve(m.warmUp);
      else answered(m.id)?.reject(new Error(m.message));
    });
    const fail = (error: Error): void => {
      for (const id of [...this.waiting.keys()]) answered(id)?.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      fail(new Error(`ingest thread exited (code ${code}) before finishing`));
    });
    return worker;
  }
}
