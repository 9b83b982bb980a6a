import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { normalizationTable } from '../core/normalize.js';
import type { PreparedBatch, RawFile } from './prepare-batch.js';

/** Prepares batches off the main thread, so parsing overlaps with writing. */
export interface ParsePool {
  /** How many batches may usefully be in flight at once. */
  readonly width: number;
  /** Worker threads it runs (0: it prepares in the calling thread); it hands batches to them in turn. */
  readonly threads: number;
  /** A worker died: the pool cannot be used further. */
  readonly broken: boolean;
  prepare(files: RawFile[]): Promise<PreparedBatch>;
  close(): Promise<void>;
}

/**
 * Runs in the calling thread: for one core, tests and debugging. The parsing code is loaded on first use,
 * so a thread that only hands batches to workers (the ingest thread) does not load it.
 */
export const inlinePool: ParsePool = {
  width: 1,
  threads: 0,
  broken: false,
  prepare: async (files) => (await import('./prepare-batch.js')).prepareBatch(files),
  close: async () => {},
};

/**
 * A pool of worker threads (default: one per core; the writing thread is mostly idle waiting for them). The main thread
 * keeps reading files and writing batches while workers parse.
 */
export function createParsePool(size = Math.max(1, availableParallelism())): ParsePool {
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(new URL('./parse-worker.js', import.meta.url), {
        workerData: { normalization: normalizationTable() },
      }),
  );
  const waiting = new Map<number, { resolve: (r: PreparedBatch) => void; reject: (e: Error) => void }>();
  let next = 0;
  let broken = false;
  for (const worker of workers) {
    worker.on('message', (m: { id: number; result?: PreparedBatch; error?: string }) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(`parse worker: ${m.error}`));
      else w?.resolve(m.result!);
    });
    worker.on('error', (e) => {
      broken = true;
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
    });
  }
  return {
    width: size + 1,
    threads: size,
    get broken() {
      return broken;
    },
    prepare(files) {
      const id = next++;
      const worker = workers[id % workers.length]!;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, files });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
