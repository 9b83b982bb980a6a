import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore } from '../storage/sqlite/index.js';
import { ingestPaths } from './ingest.js';
import type { IngestMessage, IngestRequest } from './ingest-thread.js';

/** Ingest thread body (see ingest-thread.ts): its own store connection, the same ingest as in-process. */
const request = workerData as IngestRequest;
const post = (m: IngestMessage): void => parentPort!.postMessage(m);
const store = await openSqliteStore(request.dbPath);
try {
  const summary = await ingestPaths(store, request.paths, {
    onProgress: (progress) => post({ type: 'progress', progress }),
    ...(request.batchBytes !== undefined ? { batchBytes: request.batchBytes } : {}),
    ...(request.workers !== undefined ? { workers: request.workers } : {}),
  });
  post({ type: 'done', summary });
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
} finally {
  await store.close();
}
