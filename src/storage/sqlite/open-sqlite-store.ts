import { cacheStatements } from './statement-cache.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { LibraryStore } from '../store.js';
import { migrate } from './migrate.js';
import { MAX_RANGES } from './posting-reads.js';
import { rebuildIndexIfMissing } from './rebuild-index.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { SqliteStore } from './sqlite-store.js';

export interface SqliteOpenOptions {
  /** Called while the index is rebuilt from the stored texts (a library from an older index format). */
  onRebuildProgress?: (done: number, total: number) => void;
  /**
   * Bytes of posting lists kept in memory once read (default 48 MB): the lists of common grams are read
   * by most searches, and keeping them spares the copy out of SQLite and the fresh memory it lands in.
   */
  postingCacheBytes?: number;
  /**
   * SQLite's page cache for this connection (default 64 MB): a serving connection keeps the pages it
   * searches; a connection that only writes (the ingest thread's) needs few.
   */
  pageCacheBytes?: number;
  /**
   * Segment range numbers handed out before the live ranges are numbered afresh and the posting list cache
   * emptied (default 2^20, the most that keeps list keys exact integers: about a million merges in one
   * process). Set low, a test meets the renumbering in a few merges.
   */
  maxRangeNumbers?: number;
}

const PAGE_CACHE_BYTES = 64 << 20;
/**
 * Pages the write-ahead log may hold before a commit checkpoints it (256 MB; SQLite's default is 4 MB).
 * A checkpoint syncs the whole file and the commit crossing the limit waits for it: this large, a daily
 * update commits without one and its writer checkpoints when idle (checkpoint()), after its documents are
 * searchable; a bulk ingest checkpoints as it goes (the log file grows as large).
 */
const WAL_AUTOCHECKPOINT_PAGES = 65536;

/** Opens (creating if needed) a SQLite library file: WAL mode, migrations applied. */
export async function openSqliteStore(path: string, options: SqliteOpenOptions = {}): Promise<LibraryStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: SqliteDatabase;
  try {
    db = new Database(path) as unknown as SqliteDatabase;
  } catch (error) {
    throw new Error(`${path}: cannot open the library (${(error as Error).message})`, { cause: error });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${Math.max(1, Math.round((options.pageCacheBytes ?? PAGE_CACHE_BYTES) / 1024))}`);
  try {
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  cacheStatements(db);
  const maxRanges = Math.min(MAX_RANGES, options.maxRangeNumbers ?? MAX_RANGES);
  const store = new SqliteStore(db, path, options.postingCacheBytes, maxRanges);
  rebuildIndexIfMissing(db, path, options.onRebuildProgress);
  return store;
}
