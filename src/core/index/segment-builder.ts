import { normalizationTable } from '../normalize.js';
import { BIGRAM_BASE, UNIT_KINDS, type EncodedPostings, type IndexUnit, type SegmentData } from './contracts.js';
import { VarintWriter } from './varint.js';

class GramList {
  readonly writer = new VarintWriter(16);
  lastUnit = -1;
  units = 0;

  constructor(private readonly padFirstGap: boolean) {}

  /** Appends a unit's gap; the first one fixed-width when the segment will be placed later. */
  gap(id: number): void {
    if (this.lastUnit < 0 && this.padFirstGap) this.writer.writePadded(id + 1);
    else this.writer.write(id - this.lastUnit);
    this.lastUnit = id;
    this.units++;
  }
}

export interface BuildOptions {
  /** Write each list's first gap as a fixed 5-byte varint, so `placeSegment` can move the segment in place. */
  paddedFirstGap?: boolean;
}

/** Positions fit 16 bits in the packed sort keys; longer units take the slower map path. */
const MAX_POSITIONS = 65536;

/** Bigram occurrences of a unit too long for packed keys, grouped by a map, as sorted (key, position) pairs. */
function longUnitPairs(codes: (p: number) => number, len: number): Array<[number, number[]]> {
  const byKey = new Map<number, number[]>();
  for (let p = 0; p + 1 < len; p++) {
    const key = codes(p) * 65536 + codes(p + 1);
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  return [...byKey.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * Builds an immutable index segment for consecutive units (ids unitLo, unitLo+1, …): unigram lists of
 * [unitGap, count] and bigram lists of [unitGap, count, positions] over the normalized text. Per unit,
 * bigram occurrences are packed as (bigram << 16 | position) and sorted numerically, which groups them
 * by bigram with ascending positions and avoids a map per unit.
 */
export function buildSegment(units: readonly IndexUnit[], unitLo: number, options: BuildOptions = {}): SegmentData {
  const pad = options.paddedFirstGap ?? false;
  const table = normalizationTable();
  const unigrams: Array<GramList | undefined> = new Array(65536);
  const bigrams = new Map<number, GramList>();
  const n = units.length;
  const unitDoc = new Int32Array(n);
  const unitMeta = new Uint8Array(n);
  const unitPaidFrom = new Int32Array(n);
  const unitLength = new Int32Array(n);
  const uniCount = new Uint32Array(65536);
  const touched = new Uint16Array(65536);
  let packed = new Float64Array(1024);

  units.forEach((unit, i) => {
    const id = unitLo + i;
    unitDoc[i] = unit.docId;
    unitMeta[i] = UNIT_KINDS.indexOf(unit.kind) | (Math.min(unit.level, 15) << 4);
    unitPaidFrom[i] = unit.paidFrom;
    const text = unit.text;
    unitLength[i] = text.length;
    const len = text.length;
    if (len === 0) return;
    const long = len > MAX_POSITIONS;
    if (!long && packed.length < len) packed = new Float64Array(Math.max(len, packed.length * 2));
    let distinct = 0;
    let prev = -1;
    for (let p = 0; p < len; p++) {
      const c = table[text.charCodeAt(p)]!;
      if (uniCount[c] === 0) touched[distinct++] = c;
      uniCount[c] = uniCount[c]! + 1;
      if (prev >= 0 && !long) packed[p - 1] = (prev * 65536 + c) * 65536 + (p - 1);
      prev = c;
    }
    for (let k = 0; k < distinct; k++) {
      const c = touched[k]!;
      let l = unigrams[c];
      if (!l) unigrams[c] = l = new GramList(pad);
      l.gap(id);
      l.writer.write(uniCount[c]!);
      uniCount[c] = 0;
    }
    const listOf = (key: number): GramList => {
      let l = bigrams.get(BIGRAM_BASE + key);
      if (!l) bigrams.set(BIGRAM_BASE + key, (l = new GramList(pad)));
      return l;
    };
    if (long) {
      for (const [key, positions] of longUnitPairs((p) => table[text.charCodeAt(p)]!, len)) {
        const l = listOf(key);
        l.gap(id);
        l.writer.write(positions.length);
        let last = 0;
        for (const pos of positions) {
          l.writer.write(pos - last);
          last = pos;
        }
      }
      return;
    }
    // Sorted packed keys: runs of one bigram, positions ascending within each run.
    const pairs = packed.subarray(0, len - 1).sort();
    let at = 0;
    while (at < pairs.length) {
      const key = Math.floor(pairs[at]! / 65536);
      let end = at + 1;
      const bound = (key + 1) * 65536;
      while (end < pairs.length && pairs[end]! < bound) end++;
      const l = listOf(key);
      l.gap(id);
      l.writer.write(end - at);
      let last = 0;
      for (let k = at; k < end; k++) {
        const pos = pairs[k]! - key * 65536;
        l.writer.write(pos - last);
        last = pos;
      }
      at = end;
    }
  });
  const postings: EncodedPostings[] = [];
  unigrams.forEach((l, gram) => {
    if (l) postings.push({ gram, units: l.units, lastUnit: l.lastUnit, data: l.writer.bytes() });
  });
  const sortedBigrams = [...bigrams.keys()].sort((a, b) => a - b);
  for (const gram of sortedBigrams) {
    const l = bigrams.get(gram)!;
    postings.push({ gram, units: l.units, lastUnit: l.lastUnit, data: l.writer.bytes() });
  }
  return { unitLo, unitHi: unitLo + n, unitDoc, unitMeta, unitPaidFrom, unitLength, postings };
}
