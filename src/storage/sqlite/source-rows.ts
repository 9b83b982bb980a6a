import type { DocumentSource } from '../store.js';
import { compilationPlace } from './document-rows.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface SourceRow {
  path: string;
  sha256: string;
  encoding: string;
  format: string;
  near: number;
  title: string | null;
  published_at: string | null;
  year: number | null;
  compilation_id: number | null;
  compilation_title: string | null;
  compilation_count: number | null;
  compilation_position: number | null;
}

/** Every file a document's text arrived in, first stored first, with the title, date and compilation it gave. */
export function sourcesOf(db: SqliteDatabase, documentId: number): DocumentSource[] {
  const rows = db
    .prepare(
      `SELECT f.path, f.sha256, f.encoding, f.format, s.near, s.title, s.published_at, s.year, s.compilation_id,
         c.title AS compilation_title, c.article_count AS compilation_count, s.compilation_position
       FROM document_sources s JOIN files f ON f.id = s.file_id LEFT JOIN compilations c ON c.id = s.compilation_id
       WHERE s.document_id = ? ORDER BY f.id`,
    )
    .all(documentId) as SourceRow[];
  return rows.map((r) => ({
    path: r.path,
    sha256: r.sha256,
    encoding: r.encoding,
    format: r.format,
    near: r.near === 1,
    title: r.title,
    publishedAt: r.published_at,
    year: r.year,
    compilation: compilationPlace(r.compilation_id, r.compilation_title, r.compilation_position, r.compilation_count),
  }));
}
