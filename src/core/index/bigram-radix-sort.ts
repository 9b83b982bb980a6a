import { BIGRAM_BASE } from './contracts.js';

/*
 * An LSD radix sort of a batch's bigram occurrences over densely ranked characters. Each loop is a
 * function of its own (see segment-builder.ts on why).
 */

/** Widest radix digit: its counters (8 KB) stay in the first-level cache, its output runs are few. */
const MAX_DIGIT_BITS = 11;

/**
 * Orders a batch's bigram occurrences by bigram, keeping log order (slot, then position) within each: the
 * characters seen are ranked in code order, each key becomes rank(first) · nChars + rank(second) (a few
 * thousand characters make it ~24 bits, at most 32), and an LSD radix sort in digits of at most 11 bits
 * orders the keys, their slots and positions with them. Far fewer cache misses than one hash probe per
 * occurrence or a 2¹⁶-bucket pass: every pass walks its input in order and writes a few thousand runs.
 * The logs are reused as the sort's buffers (their contents are lost); one more buffer per column is made.
 * Returns the dense keys, slots and positions in order, and the ranked characters (to turn a dense key
 * back into its bigram).
 */
export function sortBigramOccurrences(
  keys: Int32Array,
  slots: Int32Array,
  positions: Int32Array,
  n: number,
): { key: Uint32Array; slot: Int32Array; pos: Int32Array; chars: Int32Array } {
  const { rankOf, chars } = rankCharacters(keys, n);
  const nChars = chars.length;
  const bits = Math.max(1, Math.ceil(Math.log2(Math.max(2, nChars * nChars))));
  const passes = Math.ceil(bits / MAX_DIGIT_BITS);
  const width = Math.ceil(bits / passes);
  // Dense keys in place of the logged ones (the same bytes read as unsigned), and every pass's digit
  // counts in one read of them.
  let key: Uint32Array = new Uint32Array(keys.buffer, keys.byteOffset, n);
  const starts = denseKeys(keys, key, n, rankOf, nChars, passes, width);
  let slot: Int32Array = slots.subarray(0, n);
  let pos: Int32Array = positions.subarray(0, n);
  let nextKey: Uint32Array = new Uint32Array(n);
  let nextSlot: Int32Array = new Int32Array(n);
  let nextPos: Int32Array = new Int32Array(n);
  for (let p = 0; p < passes; p++) {
    const passStarts = starts.subarray(p << width, (p + 1) << width);
    radixPass(key, slot, pos, nextKey, nextSlot, nextPos, n, passStarts, p * width, (1 << width) - 1);
    [key, nextKey] = [nextKey, key];
    [slot, nextSlot] = [nextSlot, slot];
    [pos, nextPos] = [nextPos, pos];
  }
  return { key, slot, pos, chars };
}

/** The characters of the logged bigram keys in code order (`chars`), and each one's rank among them (`rankOf`). */
function rankCharacters(keys: Int32Array, n: number): { rankOf: Int32Array; chars: Int32Array } {
  const seen = new Uint8Array(65536);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    seen[k >>> 16] = 1;
    seen[k & 0xffff] = 1;
  }
  const rankOf = new Int32Array(65536);
  let nChars = 0;
  for (let c = 0; c < 65536; c++) if (seen[c] === 1) rankOf[c] = nChars++;
  const chars = new Int32Array(nChars);
  for (let c = 0; c < 65536; c++) if (seen[c] === 1) chars[rankOf[c]!] = c;
  return { rankOf, chars };
}

/**
 * Writes each logged key's dense form (rank of its first character · nChars + rank of its second) into
 * `dense` (which may share `keys`' bytes), and returns every pass's bucket starts: pass p's `width`-bit
 * digit d starts at `starts[(p << width) + d]`.
 */
function denseKeys(
  keys: Int32Array,
  dense: Uint32Array,
  n: number,
  rankOf: Int32Array,
  nChars: number,
  passes: number,
  width: number,
): Int32Array {
  const mask = (1 << width) - 1;
  const starts = new Int32Array(passes << width);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const d = rankOf[k >>> 16]! * nChars + rankOf[k & 0xffff]!;
    dense[i] = d;
    for (let p = 0; p < passes; p++) starts[(p << width) + ((d >>> (p * width)) & mask)]!++;
  }
  for (let p = 0; p < passes; p++) {
    let sum = 0;
    for (let b = p << width; b < (p + 1) << width; b++) {
      const count = starts[b]!;
      starts[b] = sum;
      sum += count;
    }
  }
  return starts;
}

/**
 * One stable pass of the radix sort: rows in `key`'s order by their digit at `shift`, into the next arrays
 * (`starts` advanced).
 */
function radixPass(
  key: Uint32Array,
  slot: Int32Array,
  pos: Int32Array,
  nextKey: Uint32Array,
  nextSlot: Int32Array,
  nextPos: Int32Array,
  n: number,
  starts: Int32Array,
  shift: number,
  mask: number,
): void {
  for (let j = 0; j < n; j++) {
    const d = key[j]!;
    const at = starts[(d >>> shift) & mask]!++;
    nextKey[at] = d;
    nextSlot[at] = slot[j]!;
    nextPos[at] = pos[j]!;
  }
}

/**
 * The runs of equal keys in the sorted bigram occurrences (dense keys over `chars`, as sortBigramOccurrences
 * returns them): run r is `[starts[r], starts[r + 1])`, its bigram `grams[r]`.
 */
export function bigramRuns(
  sortedKey: Uint32Array,
  n: number,
  chars: Int32Array,
): { starts: Int32Array; grams: Float64Array } {
  let runs = 0;
  for (let j = 0; j < n; j++) if (j === 0 || sortedKey[j] !== sortedKey[j - 1]) runs++;
  const starts = new Int32Array(runs + 1);
  const grams = new Float64Array(runs);
  const nChars = chars.length;
  for (let j = 0, r = -1; j < n; j++) {
    if (j > 0 && sortedKey[j] === sortedKey[j - 1]) continue;
    starts[++r] = j;
    const key = sortedKey[j]!;
    grams[r] = BIGRAM_BASE + chars[Math.floor(key / nChars)]! * 65536 + chars[key % nChars]!;
  }
  starts[runs] = n;
  return { starts, grams };
}
