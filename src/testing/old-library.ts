import Database from 'better-sqlite3';
import { MIGRATIONS } from '../storage/sqlite/migrations.js';

/**
 * A library file as an older sucai left it: the first `version` migrations applied, its schema version set,
 * and one stored file for its documents to belong to. The caller writes documents and units, then closes it.
 */
export function oldLibrary(path: string, version: number): Database.Database {
  const db = new Database(path);
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration.sql);
  db.pragma(`user_version = ${version}`);
  db.prepare(
    `INSERT INTO files (id, sha256, path, encoding, format, bytes, ingested_at)
     VALUES (1, 'x', 'a.txt', 'utf-8', 'text', x'00', '2026-01-01')`,
  ).run();
  return db;
}

/** A document's stored metadata as older versions wrote it: no outline, the given paragraph roles. */
export function oldMeta(roles: readonly string[]): string {
  return JSON.stringify({
    outline: [],
    placeholders: [],
    restorations: [],
    removed: [],
    roles,
    levels: roles.map(() => null),
  });
}
