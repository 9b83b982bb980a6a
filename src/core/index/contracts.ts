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

/**
 * A segment's posting lists in gram order, laid end to end in one buffer: list i, of gram `grams[i]`, is
 * `data[offsets[i], offsets[i + 1])`, holds `units[i]` document slots and ends with slot `lastUnits[i]`
 * (which lets lists of consecutive segments be concatenated without decoding them).
 */
export interface PostingColumns {
  grams: Float64Array;
  units: Int32Array;
  lastUnits: Int32Array;
  offsets: Uint32Array;
  data: Uint8Array;
}

/**
 * An immutable index segment covering units [unitLo, unitHi) and document slots [slotLo, slotHi). A slot
 * is one document's place in the index (a duplicate found at write time keeps its slot, dead); posting
 * lists are keyed by slot. Unit ids and slots are global and ascending, so segments in order concatenate
 * into sorted posting lists.
 */
export interface SegmentData {
  unitLo: number;
  unitHi: number;
  /** Per unit (index = unitId - unitLo): owning document id, -1 for a dead slot's units. */
  unitDoc: Int32Array;
  /** Per unit: kind index (UNIT_KINDS) in the low 4 bits, level in the high 4 bits. */
  unitMeta: Uint8Array;
  /** Per unit: paidFrom as in IndexUnit. */
  unitPaidFrom: Int32Array;
  /** Per unit: length of the unit text. */
  unitLength: Int32Array;
  slotLo: number;
  slotHi: number;
  /** Per slot (index = slot - slotLo): its first unit id; its units run to the next slot's first unit. */
  slotUnitLo: Int32Array;
  lists: PostingColumns;
}

/** A segment as listed by the store, without its postings. */
export type SegmentHeader = Omit<SegmentData, 'lists'> & { id: number };

/** Where an article stands in the compilation (汇编) it came in: which one, its title, article `position` of `count`. */
export interface CompilationPlace {
  id: number;
  title: string;
  position: number;
  count: number;
}

/**
 * A title a document is also known by, searched beside the index (see title-aliases.ts): the title of the
 * compilation it came in, or the title a repost of the same text carried. `id` ascends as they are written.
 */
export interface TitleAlias {
  id: number;
  docId: number;
  kind: 'compilation' | 'repost';
  title: string;
}

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
  /** The compilation it came in (shown with search hits); absent or null when none. */
  compilation?: CompilationPlace | null;
}

/**
 * What the search core reads. Implemented by the SQLite store (and would be by a second store, such as a
 * planned PostgreSQL one) and by an in-memory source for tests.
 */
export interface IndexSource {
  /** Segments holding units at or after `fromUnit` (all by default), in unit order. */
  segments(fromUnit?: number): Promise<SegmentHeader[]>;
  /** Documents with an id above `afterId` (all by default), ascending by id. */
  documents(afterId?: number): Promise<DocMeta[]>;
  /** For each requested gram, the encoded blobs of every segment holding it, in segment (slot) order. */
  postings(grams: readonly number[]): Promise<Map<number, Uint8Array[]>>;
  /** Cleaned texts of the given units (title or paragraph), by unit id. */
  unitTexts(unitIds: readonly number[]): Promise<Map<number, string>>;
  /**
   * The cleaned texts of the given units in ascending id order, joined by the unit separator ("\n", which
   * no unit text holds); units that do not exist are left out. One string for many units: what a scan
   * over a whole scope (every heading of the library) reads.
   */
  joinedUnitTexts(unitIds: readonly number[]): Promise<string>;
  /** Title aliases with an id above `afterId` (all by default), ascending by id. */
  titleAliases(afterId?: number): Promise<TitleAlias[]>;
  /**
   * Documents deleted after deletion `afterSeq` (all by default), in order: an engine loaded before drops
   * them (their slots stay in the segments, dead). A deleted document is no longer among `documents`.
   */
  deletions(afterSeq?: number): Promise<Deletion[]>;
}

/** A document's deletion, numbered in the order they happened. */
export interface Deletion {
  seq: number;
  docId: number;
}

/*
 * Posting codec (the wire format: posting-format.ts). Unsigned LEB128 varints. Lists are per document slot; a
 * document's index text is its units' normalized texts joined by "\n" (title first), and positions are
 * code-unit offsets in it. Grams never span the separator.
 * Gram keys: a unigram is its UTF-16 code unit (0..65535); a bigram is 65536 + c1 * 65536 + c2.
 * Every entry opens with one varint `slotGap * 2 + short` (see `entryHead` and the wire-format comment
 * in posting-format.ts); a short entry stops there (bigram: one occurrence; unigram: one, outside title and paid
 * part or a heading), else:
 *   unigram: count * 8 + inHeading * 4 + inPaid * 2 + inTitle, then freeCount when inPaid, then
 *            headingCount when inHeading
 *   bigram:  bytes * 2 + zoned (bytes: the positions' byte length), then inTitle and inHeadings counts
 *            when zoned; then pos0, posGap1, ..., posGap(count-1). A short entry's one varint is
 *            pos0 * 2 + inHeading instead.
 * inTitle: some occurrence is in the title; inPaid: some occurrence is in the paid part, and freeCount
 * counts those before it; inHeading: some occurrence is in a heading, and headingCount counts them.
 * slotGap is slot - previous slot, with previous = -1 at the start of a blob, so blobs of consecutive
 * segments concatenate by re-encoding only the first head of each later blob.
 */
export const BIGRAM_BASE = 65536;

/** Separates units in a document's index text; never part of a gram. */
export const UNIT_SEPARATOR = 10;
