import type Database from 'better-sqlite3';
import { membersAsBeforeSchema12 } from './members-as-before-schema12.js';

/**
 * A library of today set back to before schema 11: no batch reports, no record of deleted documents (and
 * nothing of the later schemas: accounts and members' tables).
 */
export function batchesAsBeforeSchema11(db: Database.Database): void {
  membersAsBeforeSchema12(db);
  db.exec('DROP TABLE batch_files; DROP TABLE batches; DROP TABLE deleted_documents;');
}
