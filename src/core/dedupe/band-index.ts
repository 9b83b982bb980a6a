import { NEAR_DISTANCE, simhashDistance } from './fingerprint.js';

/** A document's SimHash in four 16-bit bands (see Fingerprint.bands). */
export type Bands = readonly [number, number, number, number];

/**
 * The SimHash bands of stored documents, in memory, for near-duplicate lookups: which documents share a band
 * with a new one and lie within NEAR_DISTANCE bits of it. Two SimHashes within 3 bits share a band, so a
 * near-duplicate is always found by its bands; most documents sharing a band with a new one share only
 * vocabulary and are dropped by their distance, without a row read for them. Each document may carry a
 * value of the caller's (where the rest of what a candidate is tested on is kept, say).
 */
export class BandIndex<T = undefined> {
  /** Documents by band value, one map per band, each list in the order added. */
  private readonly byBand: Array<Map<number, number[]>> = [new Map(), new Map(), new Map(), new Map()];
  private readonly bandsOf = new Map<number, Bands>();
  private readonly values = new Map<number, T>();
  private highest = 0;

  get size(): number {
    return this.bandsOf.size;
  }

  /** The highest document id added (0 when none): documents are added in id order. */
  get lastId(): number {
    return this.highest;
  }

  add(id: number, bands: Bands, ...value: T extends undefined ? [] : [T]): void {
    this.bandsOf.set(id, bands);
    if (value.length > 0) this.values.set(id, value[0] as T);
    if (id > this.highest) this.highest = id;
    for (let b = 0; b < 4; b++) {
      const list = this.byBand[b]!.get(bands[b]!);
      if (list) list.push(id);
      else this.byBand[b]!.set(bands[b]!, [id]);
    }
  }

  /** The value document `id` was added with; undefined for a document not added. */
  valueOf(id: number): T | undefined {
    return this.values.get(id);
  }

  /**
   * Documents sharing a band with `bands` within NEAR_DISTANCE bits, each once: those sharing band 0 first,
   * then band 1's, and so on, each band's in the order added; at most `limit` of them (a library of one
   * template's documents must not make every new one a comparison with thousands).
   */
  near(bands: Bands, limit = Infinity): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let b = 0; b < 4; b++) {
      for (const id of this.byBand[b]!.get(bands[b]!) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        if (simhashDistance(bands, this.bandsOf.get(id)!) > NEAR_DISTANCE) continue;
        out.push(id);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}
