import { BIGRAM_BASE, type EncodedPostings } from './contracts.js';
import { VarintWriter, readVarint } from './varint.js';

/** Gram key of one code unit. */
export function unigramKey(c: number): number {
  return c;
}

/** Gram key of two adjacent code units. */
export function bigramKey(c1: number, c2: number): number {
  return BIGRAM_BASE + c1 * 65536 + c2;
}

export function isBigram(gram: number): boolean {
  return gram >= BIGRAM_BASE;
}

/** Decoded postings: units ascending; for bigrams, each unit's positions in `positions[posStart[i] .. posStart[i+1])`. */
export interface DecodedPostings {
  length: number;
  units: Int32Array;
  counts: Int32Array;
  posStart: Int32Array | null;
  positions: Int32Array | null;
}

/** Decodes blobs (one per segment, in unit order) of one gram. Positions are kept when `withPositions`. */
export function decodePostings(gram: number, blobs: readonly Uint8Array[], withPositions: boolean): DecodedPostings {
  const bigram = isBigram(gram);
  let capacity = 16;
  let units = new Int32Array(capacity);
  let counts = new Int32Array(capacity);
  let posStart = withPositions && bigram ? new Int32Array(capacity + 1) : null;
  let positions = withPositions && bigram ? new Int32Array(64) : null;
  let n = 0;
  let np = 0;
  for (const data of blobs) {
    const cursor = { pos: 0 };
    let unit = -1;
    while (cursor.pos < data.length) {
      unit += readVarint(data, cursor);
      const count = readVarint(data, cursor);
      if (n === capacity) {
        capacity *= 2;
        const u = new Int32Array(capacity);
        u.set(units);
        units = u;
        const c = new Int32Array(capacity);
        c.set(counts);
        counts = c;
        if (posStart) {
          const p = new Int32Array(capacity + 1);
          p.set(posStart);
          posStart = p;
        }
      }
      units[n] = unit;
      counts[n] = count;
      if (bigram) {
        if (posStart && positions) {
          posStart[n] = np;
          if (np + count > positions.length) {
            const p = new Int32Array(Math.max(positions.length * 2, np + count));
            p.set(positions);
            positions = p;
          }
          let pos = 0;
          for (let k = 0; k < count; k++) {
            pos += readVarint(data, cursor);
            positions[np++] = pos;
          }
        } else {
          for (let k = 0; k < count; k++) readVarint(data, cursor);
        }
      }
      n++;
    }
  }
  if (posStart) posStart[n] = np;
  return { length: n, units, counts, posStart, positions };
}

/**
 * Concatenates one gram's blobs of consecutive segments into one, re-encoding only the first unit gap of
 * each later blob (gaps start from -1 in every blob).
 */
export function concatPostings(parts: readonly EncodedPostings[]): EncodedPostings {
  if (parts.length === 0) throw new Error('concatPostings: no parts');
  const first = parts[0]!;
  if (parts.length === 1) return first;
  const chunks: Uint8Array[] = [first.data];
  let last = first.lastUnit;
  let units = first.units;
  for (const part of parts.slice(1)) {
    if (part.gram !== first.gram) throw new Error(`concatPostings: gram ${part.gram} mixed with ${first.gram}`);
    const cursor = { pos: 0 };
    const firstUnit = readVarint(part.data, cursor) - 1;
    if (firstUnit <= last) throw new Error(`concatPostings: unit ${firstUnit} is not after ${last}`);
    const head = new VarintWriter(8);
    head.write(firstUnit - last);
    chunks.push(head.bytes(), part.data.subarray(cursor.pos));
    last = part.lastUnit;
    units += part.units;
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return { gram: first.gram, units, lastUnit: last, data };
}
