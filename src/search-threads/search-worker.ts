import { parentPort, workerData } from 'node:worker_threads';
import { adoptNormalizationTable } from '../core/normalize.js';
import { SearchEngine } from '../core/search/search-engine.js';
import type { SearchOptions } from '../core/search/search-options.js';
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
await warmUp(engine);
post({ type: 'ready' });

/**
 * Searches of each shape a server asks (ranked with snippets, a guest's, the outline, sentences, newest
 * first), three times over, before the thread says it is ready: a fresh thread's first searches would
 * otherwise run its engine's code uncompiled, tens of times slower, while the load is on.
 */
async function warmUp(warmed: SearchEngine): Promise<void> {
  const shapes: Array<[string, SearchOptions]> = [
    ['工作', {}],
    ['工作', { access: 'free' }],
    ['发展', { scope: 'outline', access: 'free' }],
    ['推进 工作', { scope: 'sentence' }],
    ['的', { scope: 'title', access: 'free' }],
    ['高质量发展', { sort: 'newest', access: 'free' }],
  ];
  for (let round = 0; round < 3; round++) for (const [q, options] of shapes) await warmed.search(q, options);
}

const failed = (id: number, error: unknown): void => post({ type: 'error', id, message: (error as Error).message });

parentPort!.on('message', (request: SearchRequest) => {
  if (request.type === 'search') {
    engine.search(request.query, request.options).then(
      (result) => post({ type: 'result', id: request.id, json: JSON.stringify(result) }),
      (error: unknown) => failed(request.id, error),
    );
  } else if (request.type === 'refresh') {
    engine.refresh().then(
      () => post({ type: 'done', id: request.id }),
      (error: unknown) => failed(request.id, error),
    );
  } else {
    engine.forget(request.docId);
    post({ type: 'done', id: request.id });
  }
});
