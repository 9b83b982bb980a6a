import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { FreshCache, OTHERS_SEEN_WITHIN_MS } from './fresh-cache.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { cacheStatements } from './statement-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'sucai-fresh-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Two connections to one new WAL file, as the library and the member store have in the server. */
function twoConnections(): [SqliteDatabase, SqliteDatabase, string] {
  const path = join(dir, `f${files++}.db`);
  const first = new Database(path);
  first.pragma('journal_mode = WAL');
  first.exec('CREATE TABLE vip (user_id INTEGER PRIMARY KEY, until TEXT)');
  first.prepare('INSERT INTO vip VALUES (1, ?)').run('2027-01-01');
  const second = new Database(path);
  return [
    cacheStatements(first as unknown as SqliteDatabase),
    cacheStatements(second as unknown as SqliteDatabase),
    path,
  ];
}

const untilOf = (db: SqliteDatabase) => () =>
  (db.prepare('SELECT until FROM vip WHERE user_id = 1').get() as { until: string } | undefined) ?? null;

describe('FreshCache', () => {
  it('reads once while nothing is written, and again after a write on the same connection', () => {
    const [db] = twoConnections();
    const cache = new FreshCache<{ until: string }>(db);
    let reads = 0;
    const read = () => (reads++, untilOf(db)());
    assert.equal(cache.get('1', read)?.until, '2027-01-01');
    assert.equal(cache.get('1', read)?.until, '2027-01-01');
    assert.equal(reads, 1);
    db.prepare('UPDATE vip SET until = ? WHERE user_id = 1').run('2026-01-01');
    assert.equal(cache.get('1', read)?.until, '2026-01-01');
    assert.equal(reads, 2);
  });

  it("sees this process's write on another connection at once, a deletion too", () => {
    const [library, members] = twoConnections();
    const cache = new FreshCache<{ until: string }>(library);
    assert.equal(cache.get('1', untilOf(library))?.until, '2027-01-01');
    members.prepare('DELETE FROM vip WHERE user_id = 1').run();
    assert.equal(cache.get('1', untilOf(library)), null);
    members.prepare('INSERT INTO vip VALUES (1, ?)').run('2028-01-01');
    assert.equal(cache.get('1', untilOf(library))?.until, '2028-01-01', 'an absence is not kept past a write');
  });

  it("sees another process's commit within OTHERS_SEEN_WITHIN_MS", () => {
    const [library, , path] = twoConnections();
    let now = 0;
    const cache = new FreshCache<{ until: string }>(library, 100, () => now);
    assert.equal(cache.get('1', untilOf(library))?.until, '2027-01-01');
    // A connection whose writes this process does not count: the CLI's, in a process of its own.
    const cli = new Database(path);
    cli.prepare('UPDATE vip SET until = ? WHERE user_id = 1').run('2020-01-01');
    cli.close();
    now += OTHERS_SEEN_WITHIN_MS - 1;
    assert.equal(cache.get('1', untilOf(library))?.until, '2027-01-01', 'within the bound, the row read before');
    now += 1;
    assert.equal(cache.get('1', untilOf(library))?.until, '2020-01-01');
  });
});
