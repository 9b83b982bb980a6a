import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir } from '../../testing/temp-dir.js';
import { runStoreContract } from '../store-contract.js';
import { openSqliteStore } from './sqlite-store.js';

const dir = tempDir();
let n = 0;
runStoreContract('sqlite', () => openSqliteStore(join(dir, `contract-${n++}.db`)));

it('refuses a library written by a newer sucai, naming the file', async () => {
  const path = join(dir, 'future.db');
  await (await openSqliteStore(path)).close();
  const db = new Database(path);
  db.pragma('user_version = 99');
  db.close();
  await assert.rejects(openSqliteStore(path), /future\.db: library schema version 99 is newer/);
});
