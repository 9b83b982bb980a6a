import type Database from 'better-sqlite3';

/** A library of today set back to before schema 12: no users (accounts) and none of the members' tables. */
export function membersAsBeforeSchema12(db: Database.Database): void {
  db.exec(
    'DROP TABLE downloads; DROP TABLE recent_reads; DROP TABLE favourites; DROP TABLE favourite_folders; ' +
      'DROP TABLE vip_audit; DROP TABLE redeem_codes; DROP TABLE code_batches; DROP TABLE users;',
  );
}
