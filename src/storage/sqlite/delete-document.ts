import type { DeletedDocument } from '../store.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/**
 * Removes document `id` inside the caller's transaction: units, paragraph keys, near-duplicate keys, title
 * aliases, sources, the row; then every file it was found in that no other document was found in (with
 * the file's compilation: a compilation's other articles keep theirs). Its index entries stay as a dead
 * slot (its units name an id no document has), and the deletion is recorded so loaded engines drop it and
 * the id is never given again. Null when there is no such document.
 */
export function deleteDocumentNow(db: SqliteDatabase, id: number): DeletedDocument | null {
  const doc = db.prepare('SELECT id, title, unit_lo, unit_count FROM documents WHERE id = ?').get(id) as
    { id: number; title: string; unit_lo: number; unit_count: number } | undefined;
  if (!doc) return null;
  const fileIds = (
    db.prepare('SELECT file_id FROM document_sources WHERE document_id = ?').all(id) as Array<{ file_id: number }>
  ).map((r) => r.file_id);
  db.prepare('DELETE FROM units WHERE id >= ? AND id < ? AND doc_id = ?').run(
    doc.unit_lo,
    doc.unit_lo + doc.unit_count,
    id,
  );
  // Units are found by their id range; a stray one elsewhere (none is written so) would block the delete.
  db.prepare('DELETE FROM paragraph_keys WHERE doc_id = ?').run(id);
  db.prepare('DELETE FROM near_keys WHERE doc_id = ?').run(id);
  db.prepare('DELETE FROM title_aliases WHERE doc_id = ?').run(id);
  db.prepare('DELETE FROM document_sources WHERE document_id = ?').run(id);
  db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  const stillUsed = db.prepare('SELECT 1 FROM document_sources WHERE file_id = ? LIMIT 1');
  const dropCompilations = db.prepare('DELETE FROM compilations WHERE file_id = ?');
  const dropFile = db.prepare('DELETE FROM files WHERE id = ?');
  let files = 0;
  for (const fileId of fileIds) {
    if (stillUsed.get(fileId) !== undefined) continue;
    dropCompilations.run(fileId);
    dropFile.run(fileId);
    files++;
  }
  db.prepare('INSERT INTO deleted_documents (doc_id, title, deleted_at) VALUES (?, ?, ?)').run(
    id,
    doc.title,
    new Date().toISOString(),
  );
  return { id, title: doc.title, sources: fileIds.length, files };
}

/** The id the next new document gets: above every stored and every deleted one. */
export function nextDocumentId(db: SqliteDatabase): number {
  const row = db
    .prepare(
      `SELECT MAX(COALESCE((SELECT MAX(id) FROM documents), 0),
         COALESCE((SELECT MAX(doc_id) FROM deleted_documents), 0)) AS id`,
    )
    .get() as { id: number };
  return row.id + 1;
}

/** Deletions after `afterSeq`, in order (what a loaded engine has not dropped yet). */
export function deletionsAfter(db: SqliteDatabase, afterSeq: number): Array<{ seq: number; docId: number }> {
  return db
    .prepare('SELECT seq, doc_id AS docId FROM deleted_documents WHERE seq > ? ORDER BY seq')
    .all(afterSeq) as Array<{ seq: number; docId: number }>;
}
