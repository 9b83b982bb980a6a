import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/**
 * Every write this process (this thread) made through a counted connection: a statement run or a script
 * executed, committed or not. FreshCache compares it to see the process's own writes at once, on any of its
 * connections, without asking SQLite (a statement costs a signed-in page as much as the query it would save).
 */
let writes = 0;

const countedDatabases = new WeakSet<SqliteDatabase>();
const countedStatements = new WeakSet<SqliteStatement>();

export function processWrites(): number {
  return writes;
}

function counting(statement: SqliteStatement): SqliteStatement {
  if (countedStatements.has(statement)) return statement;
  countedStatements.add(statement);
  const run = statement.run.bind(statement);
  statement.run = (...params: unknown[]) => {
    writes++;
    return run(...params);
  };
  return statement;
}

/** Counts the writes made through `db` from now on (idempotent). */
export function countWrites(db: SqliteDatabase): SqliteDatabase {
  if (countedDatabases.has(db)) return db;
  countedDatabases.add(db);
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  db.prepare = (sql: string) => counting(prepare(sql));
  db.exec = (sql: string) => {
    writes++;
    exec(sql);
  };
  return db;
}
