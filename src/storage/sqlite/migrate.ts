import { MIGRATIONS, type Migration } from './migrations.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** A library file written by a newer sucai: opening it with this one could misread or damage it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly version: number,
    readonly supported: number,
  ) {
    super(
      `${path}: library schema version ${version} is newer than this sucai understands (${supported}); upgrade sucai`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Brings the schema (PRAGMA user_version) up to the last of `migrations`, each in its own IMMEDIATE
 * transaction that re-reads the version first, so two processes opening a new library at once apply each
 * migration exactly once, and a failing migration leaves the file at the version before it.
 *
 * @example migrate(db, 'data/sucai.db'); // throws SchemaTooNewError for a file from a newer sucai
 */
export function migrate(db: SqliteDatabase, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const supported = migrations[migrations.length - 1]?.version ?? 0;
  const current = (): number => db.pragma('user_version', { simple: true }) as number;
  if (current() > supported) throw new SchemaTooNewError(path, current(), supported);
  for (const m of migrations) {
    if (m.version <= current()) continue;
    db.transaction(() => {
      const version = current();
      if (version > supported) throw new SchemaTooNewError(path, version, supported);
      if (m.version <= version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
