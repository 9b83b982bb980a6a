import { LRUCache } from 'lru-cache';
import { mayHold } from '../../core/index/gram-filter.js';
import { listRange } from '../posting-pages.js';
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/** Bytes of posting lists kept in memory after they are read (see SqliteOpenOptions). */
export const POSTING_CACHE_BYTES = 48 << 20;
/** Range numbers stay under this, so list keys stay exact integers (2^20 · 2^33 = 2^53). */
export const MAX_RANGES = 2 ** 20;
/** Stands for "this segment has no list for the gram" in the posting cache. */
const NO_LIST = new Uint8Array(0);
/** A list's cache key is its range's number · GRAM_KEYS + its gram (every gram key is under 2^33: see BIGRAM_BASE). */
const GRAM_KEYS = 2 ** 33;

/** A segment's unit range as the store knows it: the number naming it in list keys, its gram filter. */
interface SegmentRange {
  id: number;
  filter: Uint8Array | null;
}

type SegmentIdRow = { id: number; unit_lo: number; unit_hi: number };

/**
 * Posting list reads of one connection: each segment's list of a gram from its page, skipped by the
 * segment's gram filter, and kept in an LRU cache by unit range and gram.
 */
export class PostingReads {
  private readonly read: {
    pageHead: SqliteStatement;
    pageData: SqliteStatement;
    pageSlice: SqliteStatement;
    segmentIds: SqliteStatement;
    gramFilter: SqliteStatement;
  };
  /** Each live segment's unit range (`lo:hi`): its number in list cache keys and its gram filter (see rangesOf). */
  private readonly ranges = new Map<string, SegmentRange>();
  private nextRange = 0;
  /** The ranges of the segment list read last, and that list's ranges in order as one string. */
  private lastRanges: { key: string; ranges: SegmentRange[] } | null = null;
  /**
   * Posting lists read recently, by unit range and gram (listKey; NO_LIST when the segment has none).
   * A range always holds the same lists (segments are immutable; a merge makes a new range), so entries
   * never go stale; those of merged-away segments age out.
   */
  private readonly lists: LRUCache<number, Uint8Array>;
  /** postingsNow in one read transaction (see postings). */
  private readonly postingsInSnapshot: (grams: readonly number[]) => Map<number, Uint8Array[]>;

  constructor(
    db: SqliteDatabase,
    cacheBytes = POSTING_CACHE_BYTES,
    private readonly maxRanges = MAX_RANGES,
  ) {
    // Each entry also costs its key and map slot: 64 bytes are counted for that.
    this.lists = new LRUCache({
      maxSize: Math.max(1, cacheBytes),
      sizeCalculation: (list) => list.byteLength + 64,
    });
    this.postingsInSnapshot = db.transaction((grams: readonly number[]) => this.postingsNow(grams));
    this.read = {
      // A lookup reads the page's gram directory first and then only the list's bytes (not the whole page).
      pageHead: db.prepare(
        'SELECT id, grams, offsets FROM postings WHERE segment = ? AND first_gram <= ? ' +
          'ORDER BY first_gram DESC LIMIT 1',
      ),
      pageData: db.prepare('SELECT data AS list FROM postings WHERE id = ?'),
      pageSlice: db.prepare('SELECT substr(data, ?, ?) AS list FROM postings WHERE id = ?'),
      segmentIds: db.prepare('SELECT id, unit_lo, unit_hi FROM segments ORDER BY unit_lo'),
      gramFilter: db.prepare('SELECT gram_filter FROM segments WHERE id = ?'),
    };
  }

  /** Every live segment's list of each gram, in unit order (segments without one left out). */
  postings(grams: readonly number[]): Map<number, Uint8Array[]> {
    // One read transaction: the segment list and the pages read for it are of one snapshot, though another
    // connection (the ingest thread) merges segments meanwhile. Outside one, a merge committed between the
    // two would have its result read under the first merged segment's filter and range.
    return this.postingsInSnapshot(grams);
  }

  private postingsNow(grams: readonly number[]): Map<number, Uint8Array[]> {
    const rows = this.read.segmentIds.all() as SegmentIdRow[];
    const ranges = this.rangesOf(rows);
    const out = new Map<number, Uint8Array[]>();
    for (const gram of grams) {
      const blobs: Uint8Array[] = [];
      for (let s = 0; s < rows.length; s++) {
        const { filter, id } = ranges[s]!;
        if (filter && !mayHold(filter, gram)) continue;
        const key = id * GRAM_KEYS + gram;
        let list = this.lists.get(key);
        if (list === undefined) this.lists.set(key, (list = this.readList(rows[s]!.id, gram)));
        if (list !== NO_LIST) blobs.push(list);
      }
      out.set(gram, blobs);
    }
    return out;
  }

  /** One segment's list of a gram from its page, NO_LIST when it has none. */
  private readList(segment: number, gram: number): Uint8Array {
    const page = this.read.pageHead.get(segment, gram) as { id: number; grams: Buffer; offsets: Buffer } | undefined;
    const range = page ? listRange(page.grams, page.offsets, gram) : null;
    if (!range) return NO_LIST;
    // A list of a page of its own (every long list) is the whole data; else its slice (substr counts from 1).
    const whole = page!.grams.byteLength === 8;
    const row = (
      whole ? this.read.pageData.get(page!.id) : this.read.pageSlice.get(range[0] + 1, range[1] - range[0], page!.id)
    ) as { list: Buffer };
    // A plain Uint8Array view (no copy): the decoders then only ever see one kind of array.
    return new Uint8Array(row.list.buffer, row.list.byteOffset, row.list.byteLength);
  }

  /**
   * The ranges of these segments, in order: each range's number and gram filter (null for a segment
   * without one) are made once and kept while the range is live. Kept by unit range, not id: a merge gives
   * its result the first merged segment's id, while a range always covers the same units, hence the same
   * grams and lists. Worked out again only when the segment list changed.
   */
  private rangesOf(segments: readonly SegmentIdRow[]): SegmentRange[] {
    const names = segments.map((s) => `${s.unit_lo}:${s.unit_hi}`);
    const key = names.join(' ');
    if (this.lastRanges?.key === key) return this.lastRanges.ranges;
    const live = new Set(names);
    for (const name of this.ranges.keys()) if (!live.has(name)) this.ranges.delete(name);
    if (this.nextRange + segments.length > this.maxRanges) {
      // Range numbers run out after about a million merges in one process: number the live ranges afresh.
      this.ranges.clear();
      this.lists.clear();
      this.nextRange = 0;
    }
    const ranges = segments.map((s, i) => {
      let range = this.ranges.get(names[i]!);
      if (range === undefined) {
        const row = this.read.gramFilter.get(s.id) as { gram_filter: Buffer | null } | undefined;
        range = { id: this.nextRange++, filter: row?.gram_filter ? new Uint8Array(row.gram_filter) : null };
        this.ranges.set(names[i]!, range);
      }
      return range;
    });
    this.lastRanges = { key, ranges };
    return ranges;
  }
}
