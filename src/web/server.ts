import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Inbox } from '../inbox/inbox.js';
import { Library } from '../library.js';
import { OTHERS_SEEN_WITHIN_MS } from '../storage/sqlite/fresh-cache.js';
import { openSqliteMemberStore } from '../storage/sqlite/sqlite-member-store.js';
import { jsonLines, type Log } from './access-log.js';
import { createApp } from './app.js';
import type { WebConfig } from './config.js';

/** The demo collection that ships in the repository, found from the package, not from the working directory. */
export const DEMO_DIR = fileURLToPath(new URL('../../demo/documents/', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  library: Library;
  inbox: Inbox;
  /** Stops accepting, lets requests in flight finish, then closes the library (after its ingests). */
  stop(): Promise<void>;
}

/**
 * Opens the library, takes in the demo collection when it is empty, warms the engine and the ingest thread,
 * and listens. What `npm start` runs (through main.ts); the browser tests start it on a free port.
 */
export async function startServer(config: WebConfig, log: Log = jsonLines): Promise<RunningServer> {
  const library = await Library.open(config.dbPath);
  if (config.demo && (await library.list()).length === 0 && existsSync(DEMO_DIR)) {
    const summary = await library.ingest([DEMO_DIR], { thread: false });
    log({ event: 'demo', documents: summary.documents, files: summary.files, ms: Math.round(summary.ms) });
  }
  const started = performance.now();
  // Search threads warm themselves before they answer (search-worker.ts); without them, this loads the engine.
  await library.searchInThreads(config.searchThreads);
  await library.count('的');
  const engineMs = Math.round(performance.now() - started);
  const warm = await library.warmIngest();
  log({ event: 'warm', engineMs, searchThreads: library.searchThreads, ingest: warm });
  // The daily feed: files dropped in the inbox folder (and the admin's uploads) are taken in from now on.
  const inbox = new Inbox(library, { dir: config.inboxDir, log });
  await inbox.start();
  // What other processes write (the CLI's ingest or delete beside the server) is served within a second.
  await library.catchUp();
  const catchingUp = setInterval(() => {
    library.catchUp().catch((error: unknown) => log({ event: 'catch-up-failed', error: String(error) }));
  }, OTHERS_SEEN_WITHIN_MS);
  catchingUp.unref();
  const members = openSqliteMemberStore(config.dbPath);
  const app = createApp({ library, config, log, inbox, members });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
    (s as Server).once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  log({ event: 'listening', url, db: config.dbPath });
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; requests in flight finish first.
        server.closeIdleConnections();
      });
      clearInterval(catchingUp);
      // The run in flight finishes and its files are placed; then the library closes.
      await inbox.stop();
      await members.close();
      await library.close();
      log({ event: 'stopped' });
    })());
  return { url, port, library, inbox, stop };
}
