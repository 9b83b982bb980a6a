import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';
import { countWrites } from './write-count.js';

/** Distinct SQL texts kept compiled; past this (texts built per call) the cache starts over. */
const MAX_STATEMENTS = 1000;

/**
 * Makes `db.prepare` return the statement compiled before for the same SQL text. better-sqlite3 compiles
 * on every prepare, which cost a signed-in page view more than its queries (a CPU profile: 5% of the
 * server's time). Statements are only run, never switched to raw or pluck modes, so one is safely shared;
 * SQLite recompiles a statement itself when the schema changes under it.
 */
export function cacheStatements(db: SqliteDatabase): SqliteDatabase {
  // Counted first, so every statement the cache hands out counts its writes (see FreshCache).
  const compile = countWrites(db).prepare.bind(db);
  const compiled = new Map<string, SqliteStatement>();
  db.prepare = (sql: string): SqliteStatement => {
    let statement = compiled.get(sql);
    if (statement === undefined) {
      if (compiled.size >= MAX_STATEMENTS) compiled.clear();
      statement = compile(sql);
      compiled.set(sql, statement);
    }
    return statement;
  };
  return db;
}
