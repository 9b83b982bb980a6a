import { normalizationTable } from '../normalize.js';
import { bigramKey } from './codec.js';
import { UNIT_KINDS, type EncodedPostings, type IndexUnit, type SegmentData } from './contracts.js';
import { VarintWriter } from './varint.js';

class GramList {
  readonly writer = new VarintWriter(16);
  lastUnit = -1;
  units = 0;
}

/**
 * Builds an immutable index segment for consecutive units (ids unitLo, unitLo+1, …): unigram lists of
 * [unitGap, count] and bigram lists of [unitGap, count, positions] over the normalized text.
 */
export function buildSegment(units: readonly IndexUnit[], unitLo: number): SegmentData {
  const table = normalizationTable();
  const lists = new Map<number, GramList>();
  const n = units.length;
  const unitDoc = new Int32Array(n);
  const unitMeta = new Uint8Array(n);
  const unitPaidFrom = new Int32Array(n);
  const unitLength = new Int32Array(n);
  const list = (gram: number): GramList => {
    let l = lists.get(gram);
    if (!l) {
      l = new GramList();
      lists.set(gram, l);
    }
    return l;
  };
  const uniCount = new Map<number, number>();
  const biPositions = new Map<number, number[]>();
  units.forEach((unit, i) => {
    const id = unitLo + i;
    unitDoc[i] = unit.docId;
    unitMeta[i] = UNIT_KINDS.indexOf(unit.kind) | (Math.min(unit.level, 15) << 4);
    unitPaidFrom[i] = unit.paidFrom;
    unitLength[i] = unit.text.length;
    const text = unit.text;
    uniCount.clear();
    biPositions.clear();
    let prev = -1;
    for (let p = 0; p < text.length; p++) {
      const c = table[text.charCodeAt(p)]!;
      uniCount.set(c, (uniCount.get(c) ?? 0) + 1);
      if (prev >= 0) {
        const key = bigramKey(prev, c);
        const at = biPositions.get(key);
        if (at) at.push(p - 1);
        else biPositions.set(key, [p - 1]);
      }
      prev = c;
    }
    for (const [gram, count] of uniCount) {
      const l = list(gram);
      l.writer.write(id - l.lastUnit);
      l.writer.write(count);
      l.lastUnit = id;
      l.units++;
    }
    for (const [gram, positions] of biPositions) {
      const l = list(gram);
      l.writer.write(id - l.lastUnit);
      l.writer.write(positions.length);
      let last = 0;
      for (const pos of positions) {
        l.writer.write(pos - last);
        last = pos;
      }
      l.lastUnit = id;
      l.units++;
    }
  });
  const postings: EncodedPostings[] = [];
  for (const [gram, l] of lists) postings.push({ gram, units: l.units, lastUnit: l.lastUnit, data: l.writer.bytes() });
  postings.sort((a, b) => a.gram - b.gram);
  return { unitLo, unitHi: unitLo + n, unitDoc, unitMeta, unitPaidFrom, unitLength, postings };
}
