import { bufferView } from '../../core/buffer-view.js';
import type { SegmentData, SegmentHeader } from '../../core/index/contracts.js';
import { buildGramFilter } from '../../core/index/gram-filter.js';
import { paginate } from '../posting-pages.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** A segments row as read (its header columns). */
export interface SegmentRow {
  id: number;
  unit_lo: number;
  unit_hi: number;
  slot_lo: number;
  slot_hi: number;
  unit_doc: Buffer;
  unit_meta: Buffer;
  unit_paid_from: Buffer;
  unit_length: Buffer;
  slot_unit_lo: Buffer;
}

/** The columns of a segment's header (not its gram filter, which only lookups read). */
export const SEGMENT_HEADER =
  'id, unit_lo, unit_hi, slot_lo, slot_hi, unit_doc, unit_meta, unit_paid_from, unit_length, slot_unit_lo';

/** A blob's bytes copied into a typed array of its own (aligned, not a view of the driver's buffer). */
export function typed<T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(
  blob: Buffer,
  Kind: { new (b: ArrayBuffer): T },
): T {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Kind(copy.buffer);
}

/** A segment's header from its row. */
export function headerOf(r: SegmentRow): SegmentHeader {
  return {
    id: r.id,
    unitLo: r.unit_lo,
    unitHi: r.unit_hi,
    slotLo: r.slot_lo,
    slotHi: r.slot_hi,
    unitDoc: typed(r.unit_doc, Int32Array),
    unitMeta: typed(r.unit_meta, Uint8Array),
    unitPaidFrom: typed(r.unit_paid_from, Int32Array),
    unitLength: typed(r.unit_length, Int32Array),
    slotUnitLo: typed(r.slot_unit_lo, Int32Array),
  };
}

/** Stores a segment: its row (with its gram filter, under `id` when given) and its posting pages. */
export function insertSegment(db: SqliteDatabase, segment: SegmentData, id?: number): void {
  const info = db
    .prepare(
      `INSERT INTO segments (id, unit_lo, unit_hi, slot_lo, slot_hi, unit_doc, unit_meta, unit_paid_from, unit_length,
         slot_unit_lo, gram_filter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id ?? null,
      segment.unitLo,
      segment.unitHi,
      segment.slotLo,
      segment.slotHi,
      bufferView(segment.unitDoc),
      bufferView(segment.unitMeta),
      bufferView(segment.unitPaidFrom),
      bufferView(segment.unitLength),
      bufferView(segment.slotUnitLo),
      bufferView(buildGramFilter(segment.lists.grams)),
    );
  const segmentId = Number(info.lastInsertRowid);
  const insert = db.prepare(
    'INSERT INTO postings (segment, first_gram, grams, slots, last_slots, offsets, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of paginate(segment.lists)) {
    insert.run(
      segmentId,
      p.firstGram,
      bufferView(p.grams),
      bufferView(p.units),
      bufferView(p.lastUnits),
      bufferView(p.offsets),
      bufferView(p.data),
    );
  }
}
