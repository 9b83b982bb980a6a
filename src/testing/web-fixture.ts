import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { Library } from '../library.js';
import type { MemberStore } from '../storage/member-store.js';
import { openSqliteMemberStore } from '../storage/sqlite/sqlite-member-store.js';
import { createApp, type WebApp } from '../web/app.js';
import { webConfig } from '../web/config.js';
import { DEMO_DIR } from '../web/server.js';
import { seedsDir } from './shared-seeds.js';
import { tempDir } from './temp-dir.js';

/** The files a web test library holds: the demo collection, and the shared seeds when they are beside the project. */
export function webTestFiles(): string[] {
  const files = [DEMO_DIR];
  try {
    files.push(seedsDir());
  } catch {
    // A user's clone has no ../shared: the demo alone.
  }
  return files.filter((f) => existsSync(f));
}

export interface WebFixture {
  library: Library;
  members: MemberStore;
  app: WebApp;
  dbPath: string;
}

let shared: Promise<WebFixture> | null = null;

/**
 * A library file with the demo (and seeds) ingested, and the app over it; one per test process. Call it at a
 * test file's top level (its clean-up hooks then belong to the file, not to the first test).
 */
export function webFixture(): Promise<WebFixture> {
  shared ??= (async () => {
    const dbPath = join(tempDir(), 'web.db');
    const library = await Library.open(dbPath);
    after(() => library.close());
    await library.ingest(webTestFiles(), { thread: false });
    const members = openSqliteMemberStore(dbPath);
    after(() => members.close());
    return { library, members, app: createApp({ library, members, config: webConfig({ dbPath }) }), dbPath };
  })();
  return shared;
}
