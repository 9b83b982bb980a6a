/**
 * Contracts between the pure index/search core and the storage adapters.
 * The core never does I/O: a store hands it segments, postings and texts through `IndexSource`.
 */

/** What a searchable unit is: the title or one paragraph of a document. Stored as a small integer. */
export const UNIT_KINDS = ['title', 'heading', 'opening', 'intro', 'body', 'closing'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit handed to the segment builder at ingest. `text` is the cleaned (restored) text, not yet normalized. */
export interface IndexUnit {
  docId: number;
  /** 0 for the title, 1 + paragraph index for paragraphs. */
  ord: number;
  kind: UnitKind;
  /** Heading level (1..9) for headings, 0 otherwise. */
  level: number;
  text: string;
  /** Offset inside `text` where the paid part begins: 0 = wholly paid, -1 = wholly free. */
  paidFrom: number;
}

/** One gram's postings inside one segment, encoded by the core codec. */
export interface EncodedPostings {
  gram: number;
  /** Number of units in the list. */
  units: number;
  /** Last unit id in the list (lets blobs of consecutive segments be concatenated without decoding). */
  lastUnit: number;
  data: Uint8Array;
}

/**
 * An immutable index segment covering units [unitLo, unitHi). Unit ids are global and ascending,
 * so segments in id order concatenate into sorted posting lists.
 */
export interface SegmentData {
  unitLo: number;
  unitHi: number;
  /** Per unit (index = unitId - unitLo): owning document id. */
  unitDoc: Int32Array;
  /** Per unit: kind index (UNIT_KINDS) in the low 4 bits, level in the high 4 bits. */
  unitMeta: Uint8Array;
  /** Per unit: paidFrom as in IndexUnit. */
  unitPaidFrom: Int32Array;
  /** Per unit: length of the unit text (for BM25 length normalization). */
  unitLength: Int32Array;
  postings: EncodedPostings[];
}

/** A segment as listed by the store, without its postings. */
export type SegmentHeader = Omit<SegmentData, 'postings'> & { id: number };

/** Per-document facts the ranker and filters need; the store keeps these current. */
export interface DocMeta {
  id: number;
  title: string;
  genre: string | null;
  year: number | null;
  /** ISO date/time or null; newer wins ties. */
  publishedAt: string | null;
  tags: string[];
  /** True when the document has a paid part. */
  paid: boolean;
}

/** What the search core reads. Implemented by every store (SQLite, PostgreSQL) and by an in-memory source for tests. */
export interface IndexSource {
  segments(): Promise<SegmentHeader[]>;
  documents(): Promise<DocMeta[]>;
  /** For each requested gram, the encoded blobs of every segment holding it, in segment (unit id) order. */
  postings(grams: readonly number[]): Promise<Map<number, Uint8Array[]>>;
  /** Cleaned texts of the given units (title or paragraph), by unit id. */
  unitTexts(unitIds: readonly number[]): Promise<Map<number, string>>;
}

/*
 * Posting codec (implemented in codec.ts). Unsigned LEB128 varints.
 * Gram keys: a unigram is its UTF-16 code unit (0..65535); a bigram is 65536 + c1 * 65536 + c2.
 * A blob lists units in ascending id order:
 *   unigram: repeated [unitGap, count]
 *   bigram:  repeated [unitGap, count, pos0, posGap1, ..., posGap(count-1)]   (positions are code-unit offsets in the unit's normalized text)
 * unitGap is unitId - previous unitId, with previous = -1 at the start of a blob, so blobs of consecutive
 * segments concatenate by re-encoding only the first gap of each later blob (see concatPostings).
 */
export const BIGRAM_BASE = 65536;
