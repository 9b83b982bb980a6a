import type Database from 'better-sqlite3';

/** A library of today set back to before schema 11: no batch reports, no record of deleted documents. */
export function batchesAsBeforeSchema11(db: Database.Database): void {
  db.exec('DROP TABLE batch_files; DROP TABLE batches; DROP TABLE deleted_documents;');
}
