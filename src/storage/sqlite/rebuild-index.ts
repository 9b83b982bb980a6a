import { documentUnits } from '../../core/index/document-units.js';
import { buildSegment } from '../../core/index/segment-builder.js';
import { parsedOf, type DocumentRow } from './document-rows.js';
import { insertSegment } from './segment-rows.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** Documents per segment when the index is rebuilt from stored texts. */
const REBUILD_DOCS = 2000;

/**
 * Builds the index afresh from the stored texts when documents have none (a library migrated from an
 * older index format). One transaction; reports progress per segment. `path` names the library in errors.
 */
export function rebuildIndexIfMissing(
  db: SqliteDatabase,
  path: string,
  onProgress?: (done: number, total: number) => void,
): void {
  // Opened on every start: two one-row probes, the count only when a rebuild is due.
  if (db.prepare('SELECT 1 FROM segments LIMIT 1').get() !== undefined) return;
  if (db.prepare('SELECT 1 FROM documents LIMIT 1').get() === undefined) return;
  const { docs } = db.prepare('SELECT COUNT(*) AS docs FROM documents').get() as { docs: number };
  const chunk = db.prepare('SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT ?');
  const unitsOf = db.prepare('SELECT text FROM units WHERE id >= ? AND id < ? ORDER BY id');
  db.transaction(() => {
    let after = 0;
    let slotLo = 0;
    let done = 0;
    let nextUnit = 0;
    for (;;) {
      const rows = chunk.all(after, REBUILD_DOCS) as DocumentRow[];
      if (rows.length === 0) break;
      const units = rows.flatMap((r) => {
        if (r.unit_lo !== nextUnit) {
          const where = `document ${r.id} starts at unit ${r.unit_lo}, expected ${nextUnit}`;
          throw new Error(`${path}: ${where}; cannot rebuild the index over gaps`);
        }
        nextUnit += r.unit_count;
        const texts = (unitsOf.all(r.unit_lo, r.unit_lo + r.unit_count) as Array<{ text: string }>).map((u) => u.text);
        return documentUnits(r.id, parsedOf(r, texts.slice(1)));
      });
      const segment = buildSegment(units, rows[0]!.unit_lo, slotLo);
      insertSegment(db, segment);
      slotLo = segment.slotHi;
      after = rows[rows.length - 1]!.id;
      done += rows.length;
      onProgress?.(done, docs);
    }
  }).immediate();
}
