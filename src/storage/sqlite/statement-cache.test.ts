import assert from 'node:assert/strict';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-driver.js';
import { cacheStatements } from './statement-cache.js';

it('gives the same compiled statement for the same SQL, and answers as before after a schema change', () => {
  const db = cacheStatements(new Database(':memory:') as unknown as SqliteDatabase);
  db.exec('CREATE TABLE t (a INTEGER)');
  const insert = db.prepare('INSERT INTO t (a) VALUES (?)');
  assert.equal(db.prepare('INSERT INTO t (a) VALUES (?)'), insert);
  insert.run(1);
  db.prepare('INSERT INTO t (a) VALUES (?)').run(2);
  assert.deepEqual(db.prepare('SELECT a FROM t ORDER BY a').all(), [{ a: 1 }, { a: 2 }]);
  db.exec('ALTER TABLE t ADD COLUMN b TEXT');
  db.prepare('INSERT INTO t (a) VALUES (?)').run(3);
  assert.deepEqual(db.prepare('SELECT a FROM t ORDER BY a').all(), [{ a: 1 }, { a: 2 }, { a: 3 }]);
  db.close();
});
