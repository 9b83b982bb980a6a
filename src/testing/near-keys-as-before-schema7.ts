import type Database from 'better-sqlite3';

/** Near-duplicate keys as libraries before schema 7 held them: in documents, indexed there, no near_keys table. */
export function nearKeysAsBeforeSchema7(db: Database.Database): void {
  db.exec(
    'DROP TABLE near_keys; CREATE INDEX documents_band0 ON documents(band0); ' +
      'CREATE INDEX documents_band1 ON documents(band1); CREATE INDEX documents_band2 ON documents(band2); ' +
      'CREATE INDEX documents_band3 ON documents(band3)',
  );
}
