import { LRUCache } from 'lru-cache';
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';
import { countWrites, processWrites } from './write-count.js';

/** How long a change committed by another process (the CLI's `vip revoke`, an ingest thread) may go unseen. */
export const OTHERS_SEEN_WITHIN_MS = 1000;

/**
 * Rows read before, kept while nothing was written: a signed-in page asks for the same session, user and
 * favourite rows on every request, and those queries were a fifth of its time. Any write of this process, on
 * any connection, empties the cache at once (a logout, a grant, a redeemed code, a favourite); a commit by
 * another process or thread is seen through SQLite's data_version within OTHERS_SEEN_WITHIN_MS.
 */
export class FreshCache<V extends object> {
  private readonly dataVersion: SqliteStatement;
  private readonly cache: LRUCache<string, V | typeof ABSENT>;
  private writes = -1;
  private others = -1;
  private checkedAt = 0;

  constructor(
    db: SqliteDatabase,
    max = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {
    countWrites(db);
    this.dataVersion = db.prepare('PRAGMA data_version');
    this.cache = new LRUCache({ max });
  }

  private othersVersion(): number {
    return (this.dataVersion.get() as { data_version: number }).data_version;
  }

  /** The value of `key`: the one read before when nothing changed since, else `read()` (null: none). */
  get<T extends V>(key: string, read: () => T | null): T | null {
    const now = this.clock();
    if (processWrites() !== this.writes) {
      this.cache.clear();
      this.writes = processWrites();
      this.others = this.othersVersion();
      this.checkedAt = now;
    } else if (now - this.checkedAt >= OTHERS_SEEN_WITHIN_MS) {
      const others = this.othersVersion();
      if (others !== this.others) this.cache.clear();
      this.others = others;
      this.checkedAt = now;
    }
    const cached = this.cache.get(key);
    // A key is always read by the same `read`, so what it holds is that read's T.
    if (cached !== undefined) return cached === ABSENT ? null : (cached as T);
    const value = read();
    this.cache.set(key, value ?? ABSENT);
    return value;
  }
}

const ABSENT = Object.freeze({ absent: true });
