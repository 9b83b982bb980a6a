import { UNIT_SEPARATOR, type IndexUnit } from './contracts.js';

/*
 * A document's index text: its units normalized and joined by the separator, with each position's zone,
 * and the loops that read it. Each loop is a function of its own (see segment-builder.ts on why).
 */

/** Where an occurrence lies, kept in the low two bits of its logged position (position · 4 + zone). */
export const IN_TEXT = 0;
export const IN_TITLE_ZONE = 1;
export const IN_HEADING_ZONE = 2;
/** Logged positions are position · 4 + zone in an Int32. */
export const MAX_INDEX_TEXT = 1 << 29;

/**
 * Lays a document's units into `codes` (normalized, joined by the separator) and `zones`; returns where
 * the paid part starts (`len` when none), where the title ends, and the headings' [start, end) pairs.
 */
export function writeIndexText(
  units: readonly IndexUnit[],
  len: number,
  table: Uint16Array,
  codes: Uint16Array,
  zones: Uint8Array,
): { paidAt: number; titleEnd: number; headings: number[] } {
  let at = 0;
  let paidAt = len;
  let titleEnd = 0;
  const headings: number[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (k > 0) codes[at++] = UNIT_SEPARATOR;
    if (u.paidFrom >= 0 && paidAt === len) paidAt = at + u.paidFrom;
    const text = u.text;
    if (u.kind === 'heading') headings.push(at, at + text.length);
    const zone = u.kind === 'title' ? IN_TITLE_ZONE : u.kind === 'heading' ? IN_HEADING_ZONE : IN_TEXT;
    zones.fill(zone, at, at + text.length);
    at = normalizeInto(text, table, codes, at);
    if (k === 0) titleEnd = at;
  }
  return { paidAt, titleEnd, headings };
}

/** Writes `text`'s normalized code units into `codes` from `at`; returns the offset after them. */
export function normalizeInto(text: string, table: Uint16Array, codes: Uint16Array, at: number): number {
  let p = at;
  for (let i = 0; i < text.length; i++) codes[p++] = table[text.charCodeAt(i)]!;
  return p;
}

/**
 * Counts each code of `codes[0 .. len)` but the separator into `count`, listing each first met in
 * `touched`; returns how many.
 */
export function countCodes(codes: Uint16Array, len: number, count: Uint32Array, touched: Uint16Array): number {
  let distinct = 0;
  for (let p = 0; p < len; p++) {
    const c = codes[p]!;
    if (c === UNIT_SEPARATOR) continue;
    if (count[c] === 0) touched[distinct++] = c;
    count[c] = count[c]! + 1;
  }
  return distinct;
}

/** Adds one to `into` for each code of `codes[from .. to)` but the separator. */
export function countRange(codes: Uint16Array, from: number, to: number, into: Uint32Array): void {
  for (let p = from; p < to; p++) {
    const c = codes[p]!;
    if (c !== UNIT_SEPARATOR) into[c] = into[c]! + 1;
  }
}

/**
 * Logs the bigrams of `codes[0 .. len)` (none across a separator) from row `n` on: key (first code · 2¹⁶ +
 * second), slot, position · 4 + zone; returns the rows then.
 */
export function logBigrams(
  codes: Uint16Array,
  zones: Uint8Array,
  len: number,
  slot: number,
  n: number,
  keys: Int32Array,
  slots: Int32Array,
  positions: Int32Array,
): number {
  let row = n;
  for (let p = 0; p + 1 < len; p++) {
    const a = codes[p]!;
    const b = codes[p + 1]!;
    if (a === UNIT_SEPARATOR || b === UNIT_SEPARATOR) continue;
    keys[row] = (a << 16) | b;
    slots[row] = slot;
    positions[row++] = p * 4 + zones[p]!;
  }
  return row;
}
