import { createHash } from 'node:crypto';
import type { ParsedDocument } from '../document.js';
import { bufferView } from '../buffer-view.js';
import { isSpace } from '../clean/chars.js';
import { normalizationTable } from '../normalize.js';

/** What identifies a document's text: an exact hash and a SimHash for near-duplicates. */
export interface DocFingerprint {
  /**
   * SHA-1 of the normalized body text with all white space removed. A document without body text hashes
   * its title instead (marked apart), so empty bodies do not all collide into one "duplicate".
   */
  exact: string;
  /** Four 16-bit bands of the 64-bit SimHash: two texts within 3 bits share at least one band. */
  bands: [number, number, number, number];
  /** Hashes of the longest paragraphs: a near-duplicate with a few words changed keeps most of them. */
  paragraphKeys: number[];
  length: number;
  /** MinHash sketch of the body's shingles (see minhashSketch): rules most candidates out without their text. */
  minhash: Uint32Array;
}

const SHINGLE = 3;

/** Per code unit: 1 when it is white space once normalized (see comparableText). */
let spaceAfterNormalizing: Uint8Array | null = null;
let comparableCodes = new Uint16Array(1024);
/** comparableCodes' bytes, decoded as UTF-16 code units as they stand (lone halves were made U+FFFD already). */
let comparableBytes = bufferView(comparableCodes);

/**
 * Normalized text without white space: what duplicates are compared on. `normalizeText(text)` with every
 * `\s` removed, in one pass over the code units (no intermediate string, no regular expression).
 */
export function comparableText(text: string): string {
  const table = normalizationTable();
  if (spaceAfterNormalizing === null) {
    spaceAfterNormalizing = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) spaceAfterNormalizing[c] = isSpace(table[c]!) ? 1 : 0;
  }
  const space = spaceAfterNormalizing;
  if (comparableCodes.length < text.length) {
    comparableCodes = new Uint16Array(text.length * 2);
    comparableBytes = bufferView(comparableCodes);
  }
  const codes = comparableCodes;
  let n = 0;
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (space[c] === 1) continue;
    if (c < 0xd800 || c > 0xdfff) {
      codes[n++] = table[c]!;
      continue;
    }
    // A surrogate half without its other half next to it in the text is U+FFFD, as decoding the normalized
    // text made it (white space removed afterwards must not bring two lone halves together).
    const paired =
      c <= 0xdbff
        ? i < last && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
        : i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
    codes[n++] = paired ? c : 0xfffd;
  }
  return n === 0 ? '' : comparableBytes.toString('utf16le', 0, 2 * n);
}

function fnv1a(s: string, start: number, end: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Hash of the shingle starting at i (three code units). */
function shingleHash(s: string, i: number): number {
  let h =
    Math.imul(s.charCodeAt(i), 0x9e3779b1) ^
    Math.imul(s.charCodeAt(i + 1), 0x85ebca77) ^
    Math.imul(s.charCodeAt(i + 2), 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** One in SAMPLE shingles (chosen by hash, so the same ones in every text) feeds the SimHash: 4× cheaper, same verdicts. */
const SAMPLE = 4;

/** Per bit of a 32-bit word, the number of words with it set: nibble lanes add up to 15 words before they are flushed. */
class BitCounts {
  readonly ones = new Int32Array(32);
  private lanes = [0, 0, 0, 0];
  private pending = 0;

  add(word: number): void {
    const lanes = this.lanes;
    lanes[0] = lanes[0]! + (word & 0x11111111);
    lanes[1] = lanes[1]! + ((word >>> 1) & 0x11111111);
    lanes[2] = lanes[2]! + ((word >>> 2) & 0x11111111);
    lanes[3] = lanes[3]! + ((word >>> 3) & 0x11111111);
    if (++this.pending === 15) this.flush();
  }

  flush(): void {
    for (let k = 0; k < 4; k++) {
      const lane = this.lanes[k]!;
      for (let j = 0; j < 8; j++) this.ones[4 * j + k] = this.ones[4 * j + k]! + ((lane >>> (4 * j)) & 0xf);
      this.lanes[k] = 0;
    }
    this.pending = 0;
  }
}

/** SimHash (of the sampled shingles) and MinHash sketch of a comparable text, from one hash per shingle. */
function textSketches(text: string): { bands: [number, number, number, number]; minhash: Uint32Array } {
  const lo = new BitCounts();
  const hi = new BitCounts();
  let sampled = 0;
  const minhash = new Uint32Array(MINHASH_BINS).fill(EMPTY_BIN);
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    const h = shingleHash(text, i);
    const bin = h >>> 26;
    const value = h & 0x3ffffff;
    if (value < minhash[bin]!) minhash[bin] = value;
    if (h % SAMPLE !== 0) continue;
    lo.add(h);
    hi.add(Math.imul(h ^ (h >>> 16), 0x7feb352d));
    sampled++;
  }
  lo.flush();
  hi.flush();
  // A bit of the SimHash is set when more sampled shingles have it set than not.
  const bands: [number, number, number, number] = [0, 0, 0, 0];
  for (let b = 0; b < 64; b++) {
    const ones = b < 32 ? lo.ones[b]! : hi.ones[b - 32]!;
    if (2 * ones > sampled) bands[b >> 4] = bands[b >> 4]! | (1 << (b & 15));
  }
  return { bands, minhash };
}

/** 64-bit SimHash over sampled character shingles, as four 16-bit bands. */
export function simhashBands(text: string): [number, number, number, number] {
  return textSketches(text).bands;
}

/** Bits in which two SimHashes differ (bands as produced by simhashBands). */
export function simhashDistance(a: readonly number[], b: readonly number[]): number {
  let bits = 0;
  for (let i = 0; i < 4; i++) {
    let x = (a[i]! ^ b[i]!) & 0xffff;
    while (x) {
      x &= x - 1;
      bits++;
    }
  }
  return bits;
}

/** SimHashes further apart than this are not near-duplicates; closer ones are verified on their text. */
export const NEAR_DISTANCE = 10;

const KEYED_PARAGRAPHS = 4;
const MIN_KEYED_LENGTH = 30;

/** 48-bit keys of the longest paragraphs (at least 30 characters). */
export function paragraphKeys(doc: Pick<ParsedDocument, 'paragraphs'>): number[] {
  return keysOf(doc.paragraphs.map((p) => comparableText(p.text)));
}

function keysOf(comparableParagraphs: readonly string[]): number[] {
  return comparableParagraphs
    .filter((t) => t.length >= MIN_KEYED_LENGTH)
    .sort((a, b) => b.length - a.length)
    .slice(0, KEYED_PARAGRAPHS)
    .map((t) => fnv1a(t, 0, t.length, 0x811c9dc5) * 65536 + (fnv1a(t, 0, t.length, 0x9e3779b9) & 0xffff));
}

/** The duplicate fingerprint of a document's body (title only when the body is empty). Pure and fast. */
export function fingerprintDocument(doc: Pick<ParsedDocument, 'paragraphs' | 'title'>): DocFingerprint {
  // White space goes and normalization is one code unit for one, so the body's comparable text is its
  // paragraphs' joined.
  const paragraphs = doc.paragraphs.map((p) => comparableText(p.text));
  const text = paragraphs.join('');
  const hashed = text.length > 0 ? text : `\u0000title\u0000${comparableText(doc.title)}`;
  const { bands, minhash } = textSketches(text);
  return {
    exact: createHash('sha1').update(hashed).digest('hex'),
    bands,
    paragraphKeys: keysOf(paragraphs),
    length: text.length,
    minhash,
  };
}

/** Bins of a MinHash sketch. */
export const MINHASH_BINS = 64;
const EMPTY_BIN = 0xffffffff;
/** Fewer bins filled (in either sketch) and the estimate is too coarse to rule a pair out: compare the texts. */
const MIN_FILLED_BINS = 48;
/**
 * Estimated similarity under which a pair is not compared: near-duplicates share ≥ 85% of their shingles, and
 * at 48–64 bins an estimate this far below that is 5 standard deviations or more away.
 */
const SKETCH_FLOOR = 0.6;

/**
 * A MinHash sketch of a comparable text's distinct 3-shingles by one-permutation hashing: each shingle is hashed
 * once, its hash's top 6 bits choose a bin and the bin keeps the least of the other 26. Two texts' sketches
 * agree in a bin filled in either with probability about their Jaccard similarity.
 */
export function minhashSketch(text: string): Uint32Array {
  return textSketches(text).minhash;
}

/**
 * Whether the texts behind two sketches may be near-duplicates (see isNearDuplicate): false only when enough
 * bins are filled and too few agree. A candidate the sketches rule out is never read nor shingled.
 */
export function sketchesMayBeNear(a: Uint32Array, b: Uint32Array): boolean {
  let filled = 0;
  let agreeing = 0;
  for (let k = 0; k < MINHASH_BINS; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x === EMPTY_BIN && y === EMPTY_BIN) continue;
    filled++;
    if (x === y) agreeing++;
  }
  return filled < MIN_FILLED_BINS || agreeing >= SKETCH_FLOOR * filled;
}

/** The distinct 3-code-unit shingles of a text, ascending, each as one exact number (c0·2³² + c1·2¹⁶ + c2). */
function shingles(text: string): Float64Array {
  const all = new Float64Array(Math.max(0, text.length - SHINGLE + 1));
  for (let i = 0; i < all.length; i++)
    all[i] = text.charCodeAt(i) * 4294967296 + text.charCodeAt(i + 1) * 65536 + text.charCodeAt(i + 2);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

/** Whether two different comparable texts of these lengths can be near-duplicates at all (see isNearDuplicate). */
export function lengthsCanBeNear(a: number, b: number): boolean {
  const shorter = Math.min(a, b);
  return shorter >= 50 && shorter / Math.max(a, b) >= 0.85;
}

/**
 * Near-duplicate verdict on two comparable texts (see `comparableText`): similar length (ratio ≥ 0.85) and
 * ≥ 85% shared character 3-shingles (Jaccard). Texts under 50 characters are near-duplicates only when
 * equal: in a short text a couple of changed words is a different text, and Jaccard is too coarse there.
 */
export function isNearDuplicate(a: string, b: string): boolean {
  return nearDuplicateTest(a)(b);
}

/** A comparable text (see `comparableText`) with its distinct 3-shingles, taken once when first needed: a candidate compared with many documents keeps them. */
export class ComparableText {
  private set: Float64Array | null = null;

  constructor(readonly text: string) {}

  shingles(): Float64Array {
    return (this.set ??= shingles(this.text));
  }
}

/** isNearDuplicate with `a` fixed: its shingles are taken once for any number of candidates. */
export function nearDuplicateTest(a: string): (b: string | ComparableText) => boolean {
  const left = new ComparableText(a);
  return (other) => {
    const right = typeof other === 'string' ? new ComparableText(other) : other;
    const b = right.text;
    if (a === b) return true;
    if (!lengthsCanBeNear(a.length, b.length)) return false;
    const sa = left.shingles();
    const sb = right.shingles();
    let shared = 0;
    for (let i = 0, j = 0; i < sa.length && j < sb.length;) {
      const x = sa[i]!;
      const y = sb[j]!;
      if (x === y) {
        shared++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return shared / (sa.length + sb.length - shared) >= 0.85;
  };
}
