import type { NearIndex } from '../../core/dedupe/near-duplicate.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface NearKeysRow {
  doc_id: number;
  band0: number;
  band1: number;
  band2: number;
  band3: number;
  text_length: number | null;
  minhash: Buffer | null;
}

/**
 * Brings the in-memory near index up to date with near_keys: the documents added since it was last read
 * (by this connection or another), all of them the first time. Run inside the batch's transaction, which
 * holds the write lock, so no other connection adds documents meanwhile; a candidate's keys are then
 * looked up in memory rather than a row read each.
 */
export function refreshNearIndex(db: SqliteDatabase, near: NearIndex): NearIndex {
  const rows = db
    .prepare(
      'SELECT doc_id, band0, band1, band2, band3, text_length, minhash FROM near_keys WHERE doc_id > ? ORDER BY doc_id',
    )
    .all(near.bands.lastId) as NearKeysRow[];
  for (const r of rows) {
    const row = near.keys.add(r.text_length, null);
    if (r.minhash !== null) near.keys.setSketchBytes(row, r.minhash);
    near.bands.add(r.doc_id, [r.band0, r.band1, r.band2, r.band3], row);
  }
  return near;
}
