import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { LibraryStore } from '../storage/store.js';
import { ingestPaths, settleWrites } from './ingest.js';
import type { IngestMessage, IngestRequest } from './ingest-thread.js';
import { createParsePool, type ParsePool } from './parse-pool.js';

/**
 * Ingest thread body (see ingest-thread.ts): one store connection and one parse pool for every ingest it
 * is asked for, requests taken one at a time; merges after each ingest has answered.
 */
const { dbPath } = workerData as { dbPath: string };
const INGEST_PAGE_CACHE_BYTES = 16 << 20;
/**
 * Searches come first: the ingest thread (and the parse workers it starts, which inherit it) runs at a
 * lower priority than the thread serving searches, so a busy server answers as fast during an ingest and
 * the ingest takes what the searches leave. On Linux a thread's nice value is its own; elsewhere it would
 * be the whole process's, so it is left alone there.
 */
const INGEST_NICENESS = 5;
if (process.platform === 'linux') {
  try {
    setPriority(INGEST_NICENESS);
  } catch {
    // Not permitted here: the ingest runs at the same priority as the searches.
  }
}
const post = (m: IngestMessage): void => parentPort!.postMessage(m);
let store: LibraryStore | null = null;
let pool: ParsePool | null = null;
let queue: Promise<void> = Promise.resolve();

async function ingest(request: Extract<IngestRequest, { type: 'ingest' }>): Promise<void> {
  try {
    // Writes need few cached pages (the indexes they look up are small); each batch is new pages.
    store ??= await openSqliteStore(dbPath, { pageCacheBytes: INGEST_PAGE_CACHE_BYTES });
  } catch (error) {
    // Nothing can be done without the library: say why; the next ingest tries to open it afresh.
    post({ type: 'error', id: request.id, message: (error as Error).message });
    return;
  }
  try {
    const summary = await ingestPaths(store, request.paths, {
      onProgress: (progress) => post({ type: 'progress', id: request.id, progress }),
      deferCompaction: true,
      ...(request.batchBytes !== undefined ? { batchBytes: request.batchBytes } : {}),
      ...(request.workers !== undefined ? { workers: request.workers } : {}),
      keptPool: () => (pool ??= createParsePool()),
    });
    post({ type: 'done', id: request.id, summary });
  } catch (error) {
    post({ type: 'error', id: request.id, message: (error as Error).message });
    // A parse worker that died leaves the pool short: the next ingest starts a new one.
    if (pool?.broken) {
      await pool.close();
      pool = null;
    }
    return;
  }
  try {
    await settleWrites(store);
  } catch (error) {
    // The ingest has answered; nothing is lost (each merge is one transaction), and the next ingest merges.
    console.error(`sucai: merging segments or checkpointing after an ingest failed: ${(error as Error).message}`);
  }
}

async function close(): Promise<void> {
  await pool?.close();
  await store?.close();
  process.exit(0);
}

parentPort!.on('message', (request: IngestRequest) => {
  queue = queue
    .then(() => (request.type === 'ingest' ? ingest(request) : request.type === 'settle' ? post({ type: 'settled', id: request.id }) : close()))
    // Ingests answer their own errors and merges report theirs: what reaches here is closing's.
    .catch((error: unknown) => console.error(`sucai: ingest thread: ${(error as Error).message}`));
});
