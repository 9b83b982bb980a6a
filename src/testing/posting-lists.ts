import type { PostingColumns } from '../core/index/contracts.js';

/** One list of a segment, as a test inspects it. */
export interface ListView {
  gram: number;
  units: number;
  lastUnit: number;
  data: Uint8Array;
}

/** The lists of a segment's columns, one object each, in gram order. */
export function listsOf(lists: PostingColumns): ListView[] {
  return Array.from(lists.grams, (gram, i) => ({
    gram,
    units: lists.units[i]!,
    lastUnit: lists.lastUnits[i]!,
    data: lists.data.subarray(lists.offsets[i]!, lists.offsets[i + 1]!),
  }));
}

/** Columns holding the given lists (ascending by gram), laid end to end. */
export function columnsOf(lists: readonly ListView[]): PostingColumns {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.data.length));
  const data = new Uint8Array(offsets[lists.length]!);
  lists.forEach((l, i) => data.set(l.data, offsets[i]!));
  return {
    grams: Float64Array.from(lists, (l) => l.gram),
    units: Int32Array.from(lists, (l) => l.units),
    lastUnits: Int32Array.from(lists, (l) => l.lastUnit),
    offsets,
    data,
  };
}

/** Each gram's blobs across consecutive segments' lists: one per segment holding the gram, in segment order. */
export function blobsByGram(segments: readonly PostingColumns[]): Map<number, Uint8Array[]> {
  const byGram = new Map<number, Uint8Array[]>();
  for (const lists of segments) {
    for (const p of listsOf(lists)) byGram.set(p.gram, [...(byGram.get(p.gram) ?? []), p.data]);
  }
  return byGram;
}
