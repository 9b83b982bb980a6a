import { normalizeText } from '../../core/normalize.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** What a batch records of the titles a document is also known by (title_aliases, read by the search engine). */
export interface TitleAliasWrites {
  /** The document stands in a compilation: the compilation's title finds it. */
  compilation(docId: number, title: string): void;
  /** A repost of the document's text arrived under `title`: kept when it says what the document's does not. */
  repost(docId: number, title: string): void;
}

/** title_aliases writes as statements of this batch (the caller's transaction). */
export function titleAliasWrites(db: SqliteDatabase): TitleAliasWrites {
  // UNIQUE (doc_id, title): the same compilation or repost ingested again in other bytes adds nothing.
  const insert = db.prepare('INSERT OR IGNORE INTO title_aliases (doc_id, kind, title) VALUES (?, ?, ?)');
  const titleOf = db.prepare('SELECT title FROM documents WHERE id = ?');
  return {
    compilation: (docId, title) => {
      if (title.trim() !== '') insert.run(docId, 'compilation', title);
    },
    repost: (docId, title) => {
      if (title.trim() === '') return;
      // A title that normalizes to the document's own is found by the index already.
      const own = (titleOf.get(docId) as { title: string }).title;
      if (normalizeText(title) !== normalizeText(own)) insert.run(docId, 'repost', title);
    },
  };
}
