import { UNIT_KINDS, type IndexUnit } from './contracts.js';

/** A segment's unit tables (see SegmentData) and where each slot's units start in `units`. */
export interface SegmentLayout {
  unitDoc: Int32Array;
  unitMeta: Uint8Array;
  unitPaidFrom: Int32Array;
  unitLength: Int32Array;
  slotStarts: number[];
}

/** Unit tables and slots of consecutive whole documents (each starting with its title, ord 0). */
export function segmentLayout(units: readonly IndexUnit[]): SegmentLayout {
  const n = units.length;
  const unitDoc = new Int32Array(n);
  const unitMeta = new Uint8Array(n);
  const unitPaidFrom = new Int32Array(n);
  const unitLength = new Int32Array(n);
  const slotStarts: number[] = [];
  units.forEach((unit, i) => {
    if (unit.ord === 0 || i === 0) slotStarts.push(i);
    unitDoc[i] = unit.docId;
    unitMeta[i] = UNIT_KINDS.indexOf(unit.kind) | (Math.min(unit.level, 15) << 4);
    unitPaidFrom[i] = unit.paidFrom;
    unitLength[i] = unit.text.length;
  });
  return { unitDoc, unitMeta, unitPaidFrom, unitLength, slotStarts };
}
