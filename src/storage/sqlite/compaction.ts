import { bufferView } from '../../core/buffer-view.js';
import type { SegmentHeader } from '../../core/index/contracts.js';
import { nextMerge, type SegmentSize } from '../../core/index/merge-plan.js';
import { mergeColumns } from '../../core/index/posting-columns.js';
import { headerOf, insertSegment, SEGMENT_HEADER, typed, type SegmentRow } from './segment-rows.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface PostingRow {
  grams: Buffer;
  slots: Buffer;
  last_slots: Buffer;
  offsets: Buffer;
  data: Buffer;
}

/** Merges segments as the merge plan says (see nextMerge) until it says none, one transaction a merge. */
export function compactSegments(db: SqliteDatabase): void {
  for (;;) {
    const sizes = db
      .prepare('SELECT id, unit_hi - unit_lo AS size FROM segments ORDER BY unit_lo')
      .all() as SegmentSize[];
    const run = nextMerge(sizes);
    if (!run) return;
    db.transaction(() => mergeSegments(db, run))();
  }
}

/** Merges adjacent segments (ascending unit order) into the first one's id. */
function mergeSegments(db: SqliteDatabase, ids: readonly number[]): void {
  const placeholders = ids.map(() => '?').join(',');
  const headers = (
    db
      .prepare(`SELECT ${SEGMENT_HEADER} FROM segments WHERE id IN (${placeholders}) ORDER BY unit_lo`)
      .all(...ids) as SegmentRow[]
  ).map(headerOf);
  // Each segment's lists come out in gram order (pages by first gram); merge them.
  const read = db.prepare(
    'SELECT grams, slots, last_slots, offsets, data FROM postings WHERE segment = ? ORDER BY first_gram',
  );
  const lists = mergeColumns(
    headers.map((h) =>
      (read.all(h.id) as PostingRow[]).map((r) => ({
        grams: typed(r.grams, Float64Array),
        units: typed(r.slots, Int32Array),
        lastUnits: typed(r.last_slots, Int32Array),
        offsets: typed(r.offsets, Uint32Array),
        data: r.data,
      })),
    ),
  );
  const cat = <T extends Int32Array | Uint8Array>(
    pick: (h: SegmentHeader) => T,
    Kind: { new (b: ArrayBuffer): T },
  ): T => typed(Buffer.concat(headers.map((h) => bufferView(pick(h)))), Kind);
  db.prepare(`DELETE FROM postings WHERE segment IN (${placeholders})`).run(...ids);
  db.prepare(`DELETE FROM segments WHERE id IN (${placeholders})`).run(...ids);
  const first = headers[0]!;
  const last = headers[headers.length - 1]!;
  insertSegment(
    db,
    {
      unitLo: first.unitLo,
      unitHi: last.unitHi,
      slotLo: first.slotLo,
      slotHi: last.slotHi,
      unitDoc: cat((h) => h.unitDoc, Int32Array),
      unitMeta: cat((h) => h.unitMeta, Uint8Array),
      unitPaidFrom: cat((h) => h.unitPaidFrom, Int32Array),
      unitLength: cat((h) => h.unitLength, Int32Array),
      slotUnitLo: cat((h) => h.slotUnitLo, Int32Array),
      lists,
    },
    first.id,
  );
}
