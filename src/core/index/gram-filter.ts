/**
 * A Bloom filter over the grams of one index segment: a lookup asks it first and skips a segment that
 * cannot hold the gram, so a rare or absent gram costs no read in the segments without it. About ten bits
 * per gram and seven probes: one segment in a hundred answers "maybe" for a gram it lacks.
 */

const BITS_PER_GRAM = 10;
const PROBES = 7;

/** murmur3's 32-bit finalizer. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Two independent 32-bit hashes of a gram key (an integer below 2^33: see contracts.ts), each half mixed
 * with the other.
 */
function hashes(gram: number): [number, number] {
  const lo = gram >>> 0;
  const hi = Math.floor(gram / 4294967296);
  const h1 = mix(lo ^ Math.imul(hi, 0x9e3779b1));
  // Odd, so the probes step through every bit position.
  const h2 = (mix(h1 ^ hi ^ 0x5bd1e995) | 1) >>> 0;
  return [h1, h2];
}

/** The filter for a segment's grams. */
export function buildGramFilter(grams: ArrayLike<number> & Iterable<number>): Uint8Array {
  const filter = new Uint8Array(Math.max(8, Math.ceil((grams.length * BITS_PER_GRAM) / 8)));
  const bits = filter.length * 8;
  for (const gram of grams) {
    const [h1, h2] = hashes(gram);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + i * h2) % bits;
      filter[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return filter;
}

/** False when the segment certainly lacks the gram; true when it may hold it. */
export function mayHold(filter: Uint8Array, gram: number): boolean {
  const bits = filter.length * 8;
  const [h1, h2] = hashes(gram);
  for (let i = 0; i < PROBES; i++) {
    const bit = (h1 + i * h2) % bits;
    if ((filter[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
