import type { PostingColumns, SegmentData } from './contracts.js';
import { varintAt } from './varint.js';

/**
 * A segment built ahead of knowing where its documents will land (in a parse worker): unit ids and slots
 * start at 0, `unitDoc` holds batch document ordinals, and all posting lists sit in one buffer (cheap to
 * transfer between threads). The first gap of every list is written as a fixed 5-byte varint, so placing
 * the segment at its real slots is an overwrite in place (`placeSegment`).
 */
export interface PackedSegment extends PostingColumns {
  unitCount: number;
  unitDoc: Int32Array;
  unitMeta: Uint8Array;
  unitPaidFrom: Int32Array;
  unitLength: Int32Array;
  slotUnitLo: Int32Array;
}

export const PADDED_GAP_BYTES = 5;

/** Writes `value` as a 5-byte LEB128 varint (continuation bits on the first four bytes). */
export function writePaddedVarint(target: Uint8Array, at: number, value: number): void {
  let v = value;
  for (let k = 0; k < PADDED_GAP_BYTES - 1; k++) {
    target[at + k] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  target[at + PADDED_GAP_BYTES - 1] = v & 0x7f;
}

/**
 * Places a packed segment at `unitLo` / `slotLo` with real document ids (`docIds[ordinal]`, -1 for
 * documents that turned out to be duplicates: their slots stay in the lists, dead, and the engine skips
 * them). Rewrites the first gap of every list in place.
 */
export function placeSegment(packed: PackedSegment, unitLo: number, slotLo: number, docIds: Int32Array): SegmentData {
  for (let i = 0; i < packed.grams.length; i++) {
    const at = packed.offsets[i]!;
    const first = varintAt(packed.data, at);
    // The first entry's head is (slot + 1) · 2 + short.
    writePaddedVarint(packed.data, at, first + slotLo * 2);
    packed.lastUnits[i] = packed.lastUnits[i]! + slotLo;
  }
  const unitDoc = new Int32Array(packed.unitCount);
  for (let u = 0; u < packed.unitCount; u++) unitDoc[u] = docIds[packed.unitDoc[u]!] ?? -1;
  const lists = {
    grams: packed.grams,
    units: packed.units,
    lastUnits: packed.lastUnits,
    offsets: packed.offsets,
    data: packed.data,
  };
  const slotUnitLo = packed.slotUnitLo.map((u) => u + unitLo);
  const slots = slotUnitLo.length;
  return {
    unitLo,
    unitHi: unitLo + packed.unitCount,
    unitDoc,
    unitMeta: packed.unitMeta,
    unitPaidFrom: packed.unitPaidFrom,
    unitLength: packed.unitLength,
    slotLo,
    slotHi: slotLo + slots,
    slotUnitLo,
    lists,
  };
}
