import { Worker } from 'node:worker_threads';
import type { IngestOptions, IngestSummary } from './ingest.js';

/** What the ingest thread is told: the library file, the paths, and the options that cross threads. */
export interface IngestRequest {
  dbPath: string;
  paths: readonly string[];
  batchBytes?: number;
  workers?: boolean;
}

export type IngestMessage =
  | { type: 'progress'; progress: Parameters<NonNullable<IngestOptions['onProgress']>>[0] }
  | { type: 'done'; summary: IngestSummary }
  | { type: 'error'; message: string };

/**
 * Runs an ingest in a thread of its own with its own connection to the library file: reading, writing and
 * merging never hold up searches served by the calling thread (SQLite's WAL lets it read meanwhile).
 * Progress is relayed; an error is rethrown here with the thread's message.
 */
export function ingestInThread(dbPath: string, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const request: IngestRequest = { dbPath, paths, ...(options.batchBytes !== undefined ? { batchBytes: options.batchBytes } : {}), ...(options.workers !== undefined ? { workers: options.workers } : {}) };
  const worker = new Worker(new URL('./ingest-worker.js', import.meta.url), { workerData: request });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: IngestMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.progress);
      else {
        settled = true;
        if (m.type === 'done') resolve(m.summary);
        else reject(new Error(m.message));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`ingest thread exited (code ${code}) before finishing`));
    });
  });
}
