import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { adoptNormalizationTable } from '../core/normalize.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { LibraryStore } from '../storage/store.js';
import { ingestPaths, settleWrites } from './ingest.js';
import type { IngestMessage, IngestRequest } from './ingest-thread.js';
import { createParsePool, type ParsePool } from './parse-pool.js';
import type { RawFile } from './prepare-batch.js';

/**
 * Ingest thread body (see ingest-thread.ts): one store connection and one parse pool for every ingest it
 * is asked for, requests taken one at a time; merges after each ingest has answered.
 */
const { dbPath, normalization } = workerData as { dbPath: string; normalization?: unknown };
adoptNormalizationTable(normalization);
const INGEST_PAGE_CACHE_BYTES = 16 << 20;
/**
 * Searches come first: the ingest thread (and the parse workers it starts, which inherit it) runs at the
 * lowest priority and takes what the searches leave. On Linux a thread's nice value is its own; elsewhere it
 * would be the whole process's, so it is left alone there.
 */
const INGEST_NICENESS = 19;
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

/** The thread's connection, opened by the first request that needs it; null (error answered) when it cannot be. */
async function openStore(id: number): Promise<LibraryStore | null> {
  try {
    // Writes need few cached pages (the indexes they look up are small); each batch is new pages.
    return (store ??= await openSqliteStore(dbPath, { pageCacheBytes: INGEST_PAGE_CACHE_BYTES }));
  } catch (error) {
    // Nothing can be done without the library: say why; the next request tries to open it afresh.
    post({ type: 'error', id, message: (error as Error).message });
    return null;
  }
}

/** After a failed request: a parse worker that died leaves the pool short, so the next request starts a new one. */
async function dropBrokenPool(): Promise<void> {
  if (!pool?.broken) return;
  await pool.close();
  pool = null;
}

async function ingest(request: Extract<IngestRequest, { type: 'ingest' }>): Promise<void> {
  const opened = await openStore(request.id);
  if (opened === null) return;
  try {
    const summary = await ingestPaths(opened, request.paths, {
      onProgress: (progress) => post({ type: 'progress', id: request.id, progress }),
      deferCompaction: true,
      ...(request.batchBytes !== undefined ? { batchBytes: request.batchBytes } : {}),
      ...(request.workers !== undefined ? { workers: request.workers } : {}),
      ...(request.origin !== undefined ? { origin: request.origin } : {}),
      ...(request.labels !== undefined ? { labels: request.labels } : {}),
      ...(request.notes !== undefined ? { notes: request.notes } : {}),
      keptPool: () => (pool ??= createParsePool()),
    });
    post({ type: 'done', id: request.id, summary });
  } catch (error) {
    post({ type: 'error', id: request.id, message: (error as Error).message });
    await dropBrokenPool();
    return;
  }
  try {
    await settleWrites(opened);
  } catch (error) {
    // The ingest has answered; nothing is lost (each merge is one transaction), and the next ingest merges.
    console.error(`sucai: merging segments or checkpointing after an ingest failed: ${(error as Error).message}`);
  }
}

/**
 * The library's latest files each parse worker prepares to warm up, in batches of a daily update's size:
 * enough for the first update after it to run as fast as the next.
 */
const WARM_FILES = 600;
const WARM_BATCHES = 6;
/** However large the library's files: at most this much of them (600 files of a daily update are 9 MB). */
const WARM_BYTES = 16 << 20;

async function warm(request: Extract<IngestRequest, { type: 'warm' }>): Promise<void> {
  const started = performance.now();
  const opened = await openStore(request.id);
  if (opened === null) return;
  try {
    // What the writer keeps in memory (its normalization table came with the thread's start).
    await opened.prepareWrites();
    const recent = await opened.recentFiles(WARM_FILES, WARM_BYTES);
    const files: RawFile[] = recent.map(({ path, bytes }) => ({ path, bytes, sha256: '' }));
    let documents = 0;
    if (files.length > 0) {
      const parse = (pool ??= createParsePool());
      const size = Math.ceil(files.length / WARM_BATCHES);
      const batches: RawFile[][] = [];
      for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
      // The pool hands batches to its workers in turn: each worker is given every batch once.
      const everyWorker = Array.from({ length: parse.threads }, () => batches).flat();
      const prepared = await Promise.all(everyWorker.map((batch) => parse.prepare(batch)));
      for (const { prepared: batch } of prepared.slice(0, batches.length)) {
        for (const file of batch) documents += file.parsed.documents.length;
      }
    }
    const warmUp = { files: files.length, documents, ms: performance.now() - started };
    post({ type: 'warmed', id: request.id, warmUp });
  } catch (error) {
    post({ type: 'error', id: request.id, message: `warming up for ingests: ${(error as Error).message}` });
    await dropBrokenPool();
  }
}

async function close(): Promise<void> {
  await pool?.close();
  await store?.close();
  process.exit(0);
}

parentPort!.on('message', (request: IngestRequest) => {
  queue = queue
    .then(() =>
      request.type === 'ingest'
        ? ingest(request)
        : request.type === 'warm'
          ? warm(request)
          : request.type === 'settle'
            ? post({ type: 'settled', id: request.id })
            : close(),
    )
    // Ingests answer their own errors and merges report theirs: what reaches here is closing's.
    .catch((error: unknown) => console.error(`sucai: ingest thread: ${(error as Error).message}`));
});
