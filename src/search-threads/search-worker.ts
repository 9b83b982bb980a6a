import { parentPort, workerData } from 'node:worker_threads';
import { adoptNormalizationTable } from '../core/normalize.js';
import { SearchEngine } from '../core/search/search-engine.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { SearchMessage, SearchRequest, SearchThreadData } from './search-messages.js';

/**
 * Search thread body (see search-pool.ts): a connection of its own to the library and an engine over it,
 * loaded before it says it is ready. Searches run as they come (they interleave at their awaits, as on the
 * main thread); the engine runs its refreshes one after another.
 */
const { dbPath, normalization } = workerData as SearchThreadData;
adoptNormalizationTable(normalization);
const post = (m: SearchMessage): void => parentPort!.postMessage(m);
const store = await openSqliteStore(dbPath);
const engine = new SearchEngine(store);
await engine.refresh();
post({ type: 'ready' });

const failed = (id: number, error: unknown): void => post({ type: 'error', id, message: (error as Error).message });

parentPort!.on('message', (request: SearchRequest) => {
  if (request.type === 'search') {
    engine.search(request.query, request.options).then(
      (result) => post({ type: 'result', id: request.id, result }),
      (error: unknown) => failed(request.id, error),
    );
  } else if (request.type === 'refresh') {
    engine.refresh().then(
      () => post({ type: 'done', id: request.id }),
      (error: unknown) => failed(request.id, error),
    );
  } else if (request.type === 'forget') {
    engine.forget(request.docId);
    post({ type: 'done', id: request.id });
  } else {
    void store.close().then(() => process.exit(0));
  }
});
