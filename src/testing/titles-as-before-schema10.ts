import type Database from 'better-sqlite3';

/**
 * Sources and compilations as libraries before schema 10 held them: no source titles, dates or compilation
 * places, no article count, no title_aliases table (a library of today set back to an older version).
 */
export function titlesAsBeforeSchema10(db: Database.Database): void {
  db.exec(
    'DROP TABLE title_aliases; ALTER TABLE compilations DROP COLUMN article_count; ' +
      ['title', 'published_at', 'year', 'compilation_id', 'compilation_position']
        .map((c) => `ALTER TABLE document_sources DROP COLUMN ${c};`)
        .join(' '),
  );
}
