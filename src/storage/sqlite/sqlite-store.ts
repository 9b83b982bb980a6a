import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { bufferView } from '../../core/buffer-view.js';
import { BandIndex } from '../../core/dedupe/band-index.js';
import { NearKeyTable } from '../../core/dedupe/near-key-table.js';
import {
  ComparableText,
  comparableText,
  fingerprintDocument,
  lengthsCanBeNear,
  minhashSketch,
  nearDuplicateTest,
  sketchesMayBeNear,
} from '../../core/dedupe/fingerprint.js';
import { documentText, type ParsedDocument } from '../../core/document.js';
import { documentUnits } from '../../core/index/document-units.js';
import { buildSegment } from '../../core/index/segment-builder.js';
import { buildGramFilter, mayHold } from '../../core/index/gram-filter.js';
import type { DocMeta, SegmentData, SegmentHeader } from '../../core/index/contracts.js';
import { placeSegment, type PackedSegment } from '../../core/index/packed-segment.js';
import { mergeColumns } from '../../core/index/posting-columns.js';
import { batchSegment } from '../batch-segment.js';
import { listRange, paginate } from '../posting-pages.js';
import { storedMetaJson, type StoredMeta } from '../stored-meta.js';
import type {
  DocumentOutcome,
  DocumentSummary,
  FileOutcome,
  LibraryStore,
  PreparedFile,
  StoredDocument,
} from '../store.js';
import { migrate } from './migrate.js';
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/** Segments merged at once when the newest ones are of similar size (within SIMILAR×). */
const MERGE_FACTOR = 4;
const SIMILAR = 2;
/** More segments than this trigger merges of the smallest adjacent pair. */
const MAX_SEGMENTS = 24;
/** Documents per segment when the index is rebuilt from stored texts. */
const REBUILD_DOCS = 2000;
/** Bytes of posting lists kept in memory after they are read (see SqliteOpenOptions). */
const POSTING_CACHE_BYTES = 48 << 20;
/** Units read one statement per id or run of consecutive ids up to this many; past it, in chunks of UNIT_CHUNK ids. */
const MANY_UNITS = 64;
const UNIT_CHUNK = 50_000;
/** Band neighbours (within NEAR_DISTANCE bits) a new document is compared with, at most. */
const BAND_CANDIDATES = 200;
/**
 * Units inserted by one statement (a document's paragraphs are most of a batch's rows): one statement run
 * for each row took a third of a daily update's writing.
 */
const UNITS_PER_INSERT = 16;
/** Near-duplicate candidates kept with their shingles (each some tens of KB). */
const CANDIDATE_CACHE = 512;
/** Stands for "this segment has no list for the gram" in the posting cache. */
const NO_LIST = new Uint8Array(0);
/** A list's cache key is its range's number · GRAM_KEYS + its gram (every gram key is under 2^33: see BIGRAM_BASE). */
const GRAM_KEYS = 2 ** 33;
/** Range numbers stay under this, so list keys stay exact integers (2^20 · 2^33 = 2^53). */
const MAX_RANGES = 2 ** 20;

/** A segment's unit range as the store knows it: the number naming it in list keys, its gram filter. */
interface SegmentRange {
  id: number;
  filter: Uint8Array | null;
}

interface SegmentRow {
  id: number;
  unit_lo: number;
  unit_hi: number;
  slot_lo: number;
  slot_hi: number;
  unit_doc: Buffer;
  unit_meta: Buffer;
  unit_paid_from: Buffer;
  unit_length: Buffer;
  slot_unit_lo: Buffer;
}

/** The columns of a segment's header (not its gram filter, which only lookups read). */
const SEGMENT_HEADER =
  'id, unit_lo, unit_hi, slot_lo, slot_hi, unit_doc, unit_meta, unit_paid_from, unit_length, slot_unit_lo';

function headerOf(r: SegmentRow): SegmentHeader {
  return {
    id: r.id,
    unitLo: r.unit_lo,
    unitHi: r.unit_hi,
    slotLo: r.slot_lo,
    slotHi: r.slot_hi,
    unitDoc: typed(r.unit_doc, Int32Array),
    unitMeta: typed(r.unit_meta, Uint8Array),
    unitPaidFrom: typed(r.unit_paid_from, Int32Array),
    unitLength: typed(r.unit_length, Int32Array),
    slotUnitLo: typed(r.slot_unit_lo, Int32Array),
  };
}

interface DocumentRow {
  id: number;
  file_id: number;
  compilation_id: number | null;
  title: string;
  raw_title: string;
  genre: string | null;
  year: number | null;
  published_at: string | null;
  tags: string;
  free_chars: number | null;
  unit_lo: number;
  unit_count: number;
  meta: string;
  path: string;
}

/** near_keys in memory (see nearIndex): documents by SimHash band, each with its row in the key table. */
interface NearIndex {
  bands: BandIndex<number>;
  keys: NearKeyTable;
}

function typed<T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(
  blob: Buffer,
  Kind: { new (b: ArrayBuffer): T },
): T {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Kind(copy.buffer);
}

class SqliteStore implements LibraryStore {
  /** Statements on the search path, prepared once. */
  private readonly read: {
    pageHead: SqliteStatement;
    pageData: SqliteStatement;
    pageSlice: SqliteStatement;
    segmentIds: SqliteStatement;
    gramFilter: SqliteStatement;
    unitText: SqliteStatement;
    unitRange: SqliteStatement;
    unitList: SqliteStatement;
    unitsJoined: SqliteStatement;
  };
  /** Each live segment's unit range (`lo:hi`): the number naming it in list cache keys, and its gram filter (see rangesOf). */
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
  /**
   * Stored documents' comparable texts (and their shingles once taken), by id, as near-duplicate candidates:
   * the same few documents are candidates for many new ones (shared template paragraphs). Stored texts
   * never change, so entries never go stale.
   */
  private readonly candidates = new LRUCache<number, ComparableText>({ max: CANDIDATE_CACHE });
  /** Stored documents' SimHash bands, and what a candidate is tested on before its text (see nearIndex). */
  private near: NearIndex | null = null;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly path: string,
    postingCacheBytes = POSTING_CACHE_BYTES,
    private readonly maxRanges = MAX_RANGES,
  ) {
    // Each entry also costs its key and map slot: 64 bytes are counted for that.
    this.lists = new LRUCache({
      maxSize: Math.max(1, postingCacheBytes),
      sizeCalculation: (list) => list.byteLength + 64,
    });
    this.postingsInSnapshot = db.transaction((grams: readonly number[]) => this.postingsNow(grams));
    this.read = {
      // A lookup reads the page's gram directory first and then only the list's bytes (not the whole page).
      pageHead: db.prepare(
        'SELECT id, grams, offsets FROM postings WHERE segment = ? AND first_gram <= ? ORDER BY first_gram DESC LIMIT 1',
      ),
      pageData: db.prepare('SELECT data AS list FROM postings WHERE id = ?'),
      pageSlice: db.prepare('SELECT substr(data, ?, ?) AS list FROM postings WHERE id = ?'),
      segmentIds: db.prepare('SELECT id, unit_lo, unit_hi FROM segments ORDER BY unit_lo'),
      gramFilter: db.prepare('SELECT gram_filter FROM segments WHERE id = ?'),
      unitText: db.prepare('SELECT text FROM units WHERE id = ?'),
      unitRange: db.prepare('SELECT id, text FROM units WHERE id >= ? AND id < ?'),
      unitList: db.prepare('SELECT id, text FROM units WHERE id IN (SELECT value FROM json_each(?))'),
      unitsJoined: db.prepare(
        'SELECT group_concat(text, char(10) ORDER BY id) AS joined FROM units WHERE id IN (SELECT value FROM json_each(?))',
      ),
    };
  }

  async writeBatch(files: readonly PreparedFile[], segment?: PackedSegment): Promise<FileOutcome[]> {
    try {
      // One IMMEDIATE transaction: the write lock up front, and nothing of the batch stored if anything throws.
      return this.db.transaction(() => this.writeBatchNow(files, segment ?? batchSegment(files))).immediate();
    } catch (error) {
      // The band index may hold documents of the batch rolled back: read it afresh next time.
      this.near = null;
      throw error;
    }
  }

  /**
   * near_keys in memory: every stored document's SimHash bands (by band value), text length and sketch
   * (a table row each), brought up to date inside the batch's transaction (which holds the write lock, so no
   * other connection adds documents meanwhile): read whole the first time, then only the documents added
   * since (by this connection or another). A candidate's keys were a row read each (12 µs, the rows pushed
   * out of the page cache by the batch's own pages).
   */
  private nearIndex(): NearIndex {
    const near = (this.near ??= { bands: new BandIndex<number>(), keys: new NearKeyTable() });
    const rows = this.db
      .prepare(
        'SELECT doc_id, band0, band1, band2, band3, text_length, minhash FROM near_keys WHERE doc_id > ? ORDER BY doc_id',
      )
      .all(near.bands.lastId) as Array<{
      doc_id: number;
      band0: number;
      band1: number;
      band2: number;
      band3: number;
      text_length: number | null;
      minhash: Buffer | null;
    }>;
    for (const r of rows) {
      const row = near.keys.add(r.text_length, null);
      if (r.minhash !== null) near.keys.setSketchBytes(row, r.minhash);
      near.bands.add(r.doc_id, [r.band0, r.band1, r.band2, r.band3], row);
    }
    return near;
  }

  private writeBatchNow(files: readonly PreparedFile[], segment: PackedSegment): FileOutcome[] {
    const db = this.db;
    const now = new Date().toISOString();
    const fileExists = db.prepare('SELECT id FROM files WHERE sha256 = ?');
    const insertFile = db.prepare(
      'INSERT INTO files (sha256, path, encoding, format, bytes, ingested_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertCompilation = db.prepare(
      'INSERT INTO compilations (file_id, title, raw_title, declared_count) VALUES (?, ?, ?, ?)',
    );
    const byExact = db.prepare('SELECT id FROM documents WHERE exact = ? LIMIT 1');
    const { bands: bandIndex, keys: nearKeys } = this.nearIndex();
    const byParagraph = db.prepare('SELECT DISTINCT doc_id AS id FROM paragraph_keys WHERE key = ? LIMIT 20');
    const insertKey = db.prepare('INSERT INTO paragraph_keys (key, doc_id) VALUES (?, ?)');
    const insertNearKeys = db.prepare(
      'INSERT INTO near_keys (doc_id, band0, band1, band2, band3, text_length, minhash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const unitsOf = db.prepare('SELECT unit_lo, unit_count FROM documents WHERE id = ?');
    const keepSketch = db.prepare('UPDATE near_keys SET minhash = ? WHERE doc_id = ?');
    const unitTextsOf = db.prepare('SELECT text FROM units WHERE id > ? AND id < ? ORDER BY id');
    const insertDoc = db.prepare(
      `INSERT INTO documents (file_id, compilation_id, title, raw_title, genre, year, published_at, tags, free_chars, exact, band0, band1, band2, band3, unit_lo, unit_count, meta, created_at, text_length)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSource = db.prepare(
      'INSERT OR IGNORE INTO document_sources (document_id, file_id, near) VALUES (?, ?, ?)',
    );
    const insertUnit = db.prepare('INSERT INTO units (id, doc_id, ord, text) VALUES (?, ?, ?, ?)');
    const insertUnits = db.prepare(
      `INSERT INTO units (id, doc_id, ord, text) VALUES ${Array.from({ length: UNITS_PER_INSERT }, () => '(?, ?, ?, ?)').join(', ')}`,
    );
    const next = db
      .prepare('SELECT COALESCE(MAX(unit_hi), 0) AS unit, COALESCE(MAX(slot_hi), 0) AS slot FROM segments')
      .get() as { unit: number; slot: number };
    const unitLo = next.unit;
    // The segment lays out every document of the batch in order; duplicates' units become dead units.
    const docIds = new Int32Array(files.reduce((n, f) => n + f.parsed.documents.length, 0)).fill(-1);
    let ordinal = 0;
    let layoutUnit = unitLo;
    const outcomes: FileOutcome[] = [];

    for (const file of files) {
      const { source, parsed } = file;
      if (fileExists.get(source.sha256)) {
        for (const doc of parsed.documents) {
          ordinal++;
          layoutUnit += doc.paragraphs.length + 1;
        }
        outcomes.push({ path: source.path, alreadyStored: true, compilationId: null, documents: [], removedSpans: 0 });
        continue;
      }
      const fileId = Number(
        insertFile.run(source.sha256, source.path, source.encoding, source.format, bufferView(source.bytes), now)
          .lastInsertRowid,
      );
      const compilationId = parsed.compilation
        ? Number(
            insertCompilation.run(
              fileId,
              parsed.compilation.title,
              parsed.compilation.rawTitle,
              parsed.compilation.declaredCount,
            ).lastInsertRowid,
          )
        : null;
      const documents: DocumentOutcome[] = [];
      let removedSpans = parsed.removed.length;
      for (const [index, doc] of parsed.documents.entries()) {
        const docOrdinal = ordinal++;
        const docUnitLo = layoutUnit;
        layoutUnit += doc.paragraphs.length + 1;
        removedSpans += doc.removed.length;
        const fp = file.fingerprints?.[index] ?? fingerprintDocument(doc);
        const exact = byExact.get(fp.exact) as { id: number } | undefined;
        if (exact) {
          insertSource.run(exact.id, fileId, 0);
          documents.push({ kind: 'duplicate', id: exact.id, near: false });
          continue;
        }
        let isNear: ReturnType<typeof nearDuplicateTest> | null = null;
        let near: number | null = null;
        // Band neighbours count only when the whole SimHash is close: similar vocabulary alone shares bands.
        const candidates = new Set(bandIndex.near(fp.bands, BAND_CANDIDATES));
        for (const key of fp.paragraphKeys)
          for (const { id } of byParagraph.all(key) as Array<{ id: number }>) candidates.add(id);
        for (const id of candidates) {
          // Every stored document has its keys (near_keys, read into the index); as the join did, skip one without.
          const row = bandIndex.valueOf(id);
          if (row === undefined) continue;
          // Lengths, then sketches rule most candidates out (isNearDuplicate's first test, then an estimate of
          // its second) without reading their text.
          const length = nearKeys.length(row);
          if (length !== null && !lengthsCanBeNear(fp.length, length)) continue;
          const sketch = nearKeys.sketch(row);
          if (sketch !== null && !sketchesMayBeNear(fp.minhash, sketch)) continue;
          let other = this.candidates.get(id);
          if (other === undefined) {
            const { unit_lo, unit_count } = unitsOf.get(id) as { unit_lo: number; unit_count: number };
            const text = (unitTextsOf.all(unit_lo, unit_lo + unit_count) as Array<{ text: string }>)
              .map((r) => r.text)
              .join('\n');
            this.candidates.set(id, (other = new ComparableText(comparableText(text))));
            // A document stored before sketches were kept gets one now, the first time it is a candidate.
            if (sketch === null) {
              const minhash = minhashSketch(other.text);
              keepSketch.run(bufferView(minhash), id);
              nearKeys.setSketch(row, minhash);
            }
          }
          isNear ??= nearDuplicateTest(comparableText(documentText(doc)));
          if (isNear(other)) {
            near = id;
            break;
          }
        }
        if (near !== null) {
          insertSource.run(near, fileId, 1);
          documents.push({ kind: 'duplicate', id: near, near: true });
          continue;
        }
        const id = Number(
          insertDoc.run(
            fileId,
            compilationId,
            doc.title,
            doc.rawTitle,
            doc.genre,
            doc.year,
            doc.publishedAt,
            JSON.stringify(doc.tags),
            doc.freeChars,
            fp.exact,
            ...fp.bands,
            docUnitLo,
            doc.paragraphs.length + 1,
            file.metaJson?.[index] ?? storedMetaJson(doc),
            now,
            fp.length,
          ).lastInsertRowid,
        );
        insertSource.run(id, fileId, 0);
        insertNearKeys.run(id, ...fp.bands, fp.length, bufferView(fp.minhash));
        bandIndex.add(id, fp.bands, nearKeys.add(fp.length, fp.minhash));
        for (const key of new Set(fp.paragraphKeys)) insertKey.run(key, id);
        // The title (ord 0), then the paragraphs: whole groups in one statement each, the rest one by one.
        const texts = [doc.title, ...doc.paragraphs.map((p) => p.text)];
        let ord = 0;
        for (; ord + UNITS_PER_INSERT <= texts.length; ord += UNITS_PER_INSERT) {
          const values: unknown[] = [];
          for (let k = ord; k < ord + UNITS_PER_INSERT; k++) values.push(docUnitLo + k, id, k, texts[k]);
          insertUnits.run(...values);
        }
        for (; ord < texts.length; ord++) insertUnit.run(docUnitLo + ord, id, ord, texts[ord]);
        docIds[docOrdinal] = id;
        documents.push({ kind: 'new', id });
      }
      outcomes.push({ path: source.path, alreadyStored: false, compilationId, documents, removedSpans });
    }
    if (segment.unitCount !== layoutUnit - unitLo)
      throw new Error(`segment holds ${segment.unitCount} units, the batch ${layoutUnit - unitLo}`);
    if (docIds.some((id) => id >= 0)) this.insertSegment(placeSegment(segment, unitLo, next.slot, docIds));
    return outcomes;
  }

  private insertSegment(segment: SegmentData, id?: number): void {
    const info = this.db
      .prepare(
        'INSERT INTO segments (id, unit_lo, unit_hi, slot_lo, slot_hi, unit_doc, unit_meta, unit_paid_from, unit_length, slot_unit_lo, gram_filter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id ?? null,
        segment.unitLo,
        segment.unitHi,
        segment.slotLo,
        segment.slotHi,
        bufferView(segment.unitDoc),
        bufferView(segment.unitMeta),
        bufferView(segment.unitPaidFrom),
        bufferView(segment.unitLength),
        bufferView(segment.slotUnitLo),
        bufferView(buildGramFilter(segment.lists.grams)),
      );
    const segmentId = Number(info.lastInsertRowid);
    const insert = this.db.prepare(
      'INSERT INTO postings (segment, first_gram, grams, slots, last_slots, offsets, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of paginate(segment.lists))
      insert.run(
        segmentId,
        p.firstGram,
        bufferView(p.grams),
        bufferView(p.units),
        bufferView(p.lastUnits),
        bufferView(p.offsets),
        bufferView(p.data),
      );
  }

  /**
   * Builds the index afresh from the stored texts when documents have none (a library migrated from an
   * older index format). One transaction; reports progress per segment.
   */
  rebuildIndexIfMissing(onProgress?: (done: number, total: number) => void): void {
    // Opened on every start: two one-row probes, the count only when a rebuild is due.
    if (
      this.db.prepare('SELECT 1 FROM segments LIMIT 1').get() !== undefined ||
      this.db.prepare('SELECT 1 FROM documents LIMIT 1').get() === undefined
    )
      return;
    const { docs } = this.db.prepare('SELECT COUNT(*) AS docs FROM documents').get() as { docs: number };
    const chunk = this.db.prepare('SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT ?');
    const unitsOf = this.db.prepare('SELECT text FROM units WHERE id >= ? AND id < ? ORDER BY id');
    this.db
      .transaction(() => {
        let after = 0;
        let slotLo = 0;
        let done = 0;
        let nextUnit = 0;
        for (;;) {
          const rows = chunk.all(after, REBUILD_DOCS) as DocumentRow[];
          if (rows.length === 0) break;
          const units = rows.flatMap((r) => {
            if (r.unit_lo !== nextUnit)
              throw new Error(
                `${this.path}: document ${r.id} starts at unit ${r.unit_lo}, expected ${nextUnit}; cannot rebuild the index over gaps`,
              );
            nextUnit += r.unit_count;
            const texts = (unitsOf.all(r.unit_lo, r.unit_lo + r.unit_count) as Array<{ text: string }>).map(
              (u) => u.text,
            );
            return documentUnits(r.id, parsedOf(r, texts.slice(1)));
          });
          const segment = buildSegment(units, rows[0]!.unit_lo, slotLo);
          this.insertSegment(segment);
          slotLo = segment.slotHi;
          after = rows[rows.length - 1]!.id;
          done += rows.length;
          onProgress?.(done, docs);
        }
      })
      .immediate();
  }

  async hasFile(sha256: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM files WHERE sha256 = ?').get(sha256) !== undefined;
  }

  async prepareWrites(): Promise<void> {
    // In one read snapshot; each batch's transaction then reads only the documents added since.
    this.db.transaction(() => this.nearIndex())();
  }

  async recentFiles(limit: number, maxBytes = Infinity): Promise<Array<{ path: string; bytes: Uint8Array }>> {
    // Sizes first (length() reads a blob's size from its record, not its pages), then only the files taken.
    const sizes = this.db
      .prepare('SELECT id, length(bytes) AS size FROM files ORDER BY id DESC LIMIT ?')
      .all(limit) as Array<{ id: number; size: number }>;
    let taken = 0;
    let total = 0;
    while (taken < sizes.length && (taken === 0 || total + sizes[taken]!.size <= maxBytes))
      total += sizes[taken++]!.size;
    if (taken === 0) return [];
    return this.db
      .prepare('SELECT path, bytes FROM files WHERE id >= ? ORDER BY id DESC LIMIT ?')
      .all(sizes[taken - 1]!.id, taken) as Array<{ path: string; bytes: Buffer }>;
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows = this.db
      .prepare(
        'SELECT d.id, d.title, d.genre, d.year, d.published_at, d.tags, d.compilation_id, f.path FROM documents d JOIN files f ON f.id = d.file_id ORDER BY d.id',
      )
      .all() as DocumentRow[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      genre: r.genre,
      year: r.year,
      publishedAt: r.published_at,
      tags: JSON.parse(r.tags) as string[],
      compilationId: r.compilation_id,
      sourceFile: r.path,
    }));
  }

  async getDocument(id: number): Promise<StoredDocument | null> {
    const r = this.db
      .prepare('SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ?')
      .get(id) as DocumentRow | undefined;
    if (!r) return null;
    const texts = (
      this.db
        .prepare('SELECT text FROM units WHERE id > ? AND id < ? ORDER BY id')
        .all(r.unit_lo, r.unit_lo + r.unit_count) as Array<{ text: string }>
    ).map((u) => u.text);
    const sources = (
      this.db
        .prepare(
          'SELECT f.path, f.sha256, f.encoding, f.format, s.near FROM document_sources s JOIN files f ON f.id = s.file_id WHERE s.document_id = ? ORDER BY f.id',
        )
        .all(id) as Array<{ path: string; sha256: string; encoding: string; format: string; near: number }>
    ).map((s) => ({ ...s, near: s.near === 1 }));
    const parsed = parsedOf(r, texts);
    const tags = parsed.tags;
    return {
      id: r.id,
      title: r.title,
      rawTitle: r.raw_title,
      genre: r.genre,
      year: r.year,
      publishedAt: r.published_at,
      tags,
      compilationId: r.compilation_id,
      sourceFile: r.path,
      sources,
      parsed,
    };
  }

  async segments(fromUnit = 0): Promise<SegmentHeader[]> {
    return (
      this.db
        .prepare(`SELECT ${SEGMENT_HEADER} FROM segments WHERE unit_hi > ? ORDER BY unit_lo`)
        .all(fromUnit) as SegmentRow[]
    ).map(headerOf);
  }

  async documents(afterId = 0): Promise<DocMeta[]> {
    const rows = this.db
      .prepare('SELECT id, title, genre, year, published_at, tags, free_chars FROM documents WHERE id > ? ORDER BY id')
      .all(afterId) as DocumentRow[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      genre: r.genre,
      year: r.year,
      publishedAt: r.published_at,
      tags: JSON.parse(r.tags) as string[],
      paid: r.free_chars !== null,
    }));
  }

  async postings(grams: readonly number[]): Promise<Map<number, Uint8Array[]>> {
    // One read transaction: the segment list and the pages read for it are of one snapshot, though another
    // connection (the ingest thread) merges segments meanwhile. Outside one, a merge committed between the
    // two would have its result read under the first merged segment's filter and range.
    return this.postingsInSnapshot(grams);
  }

  private postingsNow(grams: readonly number[]): Map<number, Uint8Array[]> {
    const rows = this.read.segmentIds.all() as Array<{ id: number; unit_lo: number; unit_hi: number }>;
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
  private rangesOf(segments: ReadonlyArray<{ id: number; unit_lo: number; unit_hi: number }>): SegmentRange[] {
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

  async joinedUnitTexts(unitIds: readonly number[]): Promise<string> {
    const ids = [...new Set(unitIds)].sort((a, b) => a - b);
    const chunks: string[] = [];
    for (let i = 0; i < ids.length; i += UNIT_CHUNK) {
      const row = this.read.unitsJoined.get(JSON.stringify(ids.slice(i, i + UNIT_CHUNK))) as { joined: string | null };
      if (row.joined !== null) chunks.push(row.joined);
    }
    return chunks.join('\n');
  }

  async unitTexts(unitIds: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const ids = [...new Set(unitIds)].sort((a, b) => a - b);
    if (ids.length > MANY_UNITS) {
      // Many units (every heading of the library, say): one statement per chunk of ids, not per id or run.
      for (let i = 0; i < ids.length; i += UNIT_CHUNK) {
        for (const row of this.read.unitList.all(JSON.stringify(ids.slice(i, i + UNIT_CHUNK))) as Array<{
          id: number;
          text: string;
        }>)
          out.set(row.id, row.text);
      }
      return out;
    }
    // Runs of consecutive ids (a document's paragraphs) are read with one range scan.
    for (let i = 0; i < ids.length;) {
      let j = i + 1;
      while (j < ids.length && ids[j] === ids[j - 1]! + 1) j++;
      if (j - i === 1) {
        const row = this.read.unitText.get(ids[i]) as { text: string } | undefined;
        if (row) out.set(ids[i]!, row.text);
      } else {
        for (const row of this.read.unitRange.all(ids[i], ids[j - 1]! + 1) as Array<{ id: number; text: string }>)
          out.set(row.id, row.text);
      }
      i = j;
    }
    return out;
  }

  /**
   * Keeps the segment count low with few rewrites: whenever the last MERGE_FACTOR segments are of similar
   * size they are merged into one (a base-4 counter: each unit is rewritten about log4(batches) times), and
   * past MAX_SEGMENTS the smallest adjacent pair is merged. Called after every batch.
   */
  async compact(): Promise<void> {
    for (;;) {
      const sizes = this.db
        .prepare('SELECT id, unit_hi - unit_lo AS size FROM segments ORDER BY unit_lo')
        .all() as Array<{ id: number; size: number }>;
      const tail = sizes.slice(-MERGE_FACTOR);
      let run: number[] | null = null;
      if (tail.length === MERGE_FACTOR) {
        const smallest = Math.min(...tail.map((t) => t.size));
        const largest = Math.max(...tail.map((t) => t.size));
        if (largest <= SIMILAR * Math.max(1, smallest)) run = tail.map((t) => t.id);
      }
      if (!run && sizes.length > MAX_SEGMENTS) {
        let best = 0;
        for (let i = 1; i + 1 < sizes.length; i++) {
          if (sizes[i]!.size + sizes[i + 1]!.size < sizes[best]!.size + sizes[best + 1]!.size) best = i;
        }
        run = [sizes[best]!.id, sizes[best + 1]!.id];
      }
      if (!run) return;
      const ids = run;
      this.db.transaction(() => this.merge(ids))();
    }
  }

  /** Merges adjacent segments (ascending unit order) into the first one's id. */
  private merge(ids: readonly number[]): void {
    const placeholders = ids.map(() => '?').join(',');
    const headers = (
      this.db
        .prepare(`SELECT ${SEGMENT_HEADER} FROM segments WHERE id IN (${placeholders}) ORDER BY unit_lo`)
        .all(...ids) as SegmentRow[]
    ).map(headerOf);
    // Each segment's lists come out in gram order (pages by first gram); merge them.
    const read = this.db.prepare(
      'SELECT grams, slots, last_slots, offsets, data FROM postings WHERE segment = ? ORDER BY first_gram',
    );
    const lists = mergeColumns(
      headers.map((h) =>
        (
          read.all(h.id) as Array<{ grams: Buffer; slots: Buffer; last_slots: Buffer; offsets: Buffer; data: Buffer }>
        ).map((r) => ({
          grams: typed(r.grams, Float64Array),
          units: typed(r.slots, Int32Array),
          lastUnits: typed(r.last_slots, Int32Array),
          offsets: typed(r.offsets, Uint32Array),
          data: r.data,
        })),
      ),
    );
    const cat = <T extends Int32Array | Uint8Array>(
      pick: (h: SegmentHeader) => T,
      Kind: { new (b: ArrayBuffer): T },
    ): T => typed(Buffer.concat(headers.map((h) => bufferView(pick(h)))), Kind);
    this.db.prepare(`DELETE FROM postings WHERE segment IN (${placeholders})`).run(...ids);
    this.db.prepare(`DELETE FROM segments WHERE id IN (${placeholders})`).run(...ids);
    const first = headers[0]!;
    const last = headers[headers.length - 1]!;
    this.insertSegment(
      {
        unitLo: first.unitLo,
        unitHi: last.unitHi,
        slotLo: first.slotLo,
        slotHi: last.slotHi,
        unitDoc: cat((h) => h.unitDoc, Int32Array),
        unitMeta: cat((h) => h.unitMeta, Uint8Array),
        unitPaidFrom: cat((h) => h.unitPaidFrom, Int32Array),
        unitLength: cat((h) => h.unitLength, Int32Array),
        slotUnitLo: cat((h) => h.slotUnitLo, Int32Array),
        lists,
      },
      first.id,
    );
  }

  async checkpoint(): Promise<void> {
    // PASSIVE: copies what no reader still needs and returns; it never waits for readers.
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  async indexBytes(): Promise<number> {
    const postings = this.db
      .prepare(
        'SELECT COALESCE(SUM(length(grams) + length(slots) + length(last_slots) + length(offsets) + length(data)), 0) AS n FROM postings',
      )
      .get() as { n: number };
    const segments = this.db
      .prepare(
        'SELECT COALESCE(SUM(length(unit_doc) + length(unit_meta) + length(unit_paid_from) + length(unit_length) + length(slot_unit_lo)), 0) AS n FROM segments',
      )
      .get() as { n: number };
    return postings.n + segments.n;
  }

  async sizeBytes(): Promise<number> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    let total = 0;
    for (const suffix of ['', '-wal']) {
      try {
        total += statSync(this.path + suffix).size;
      } catch {
        // no WAL file at the moment
      }
    }
    return total;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

export interface SqliteOpenOptions {
  /** Called while the index is rebuilt from the stored texts (a library from an older index format). */
  onRebuildProgress?: (done: number, total: number) => void;
  /**
   * Bytes of posting lists kept in memory once read (default 48 MB): the lists of common grams are read
   * by most searches, and keeping them spares the copy out of SQLite and the fresh memory it lands in.
   */
  postingCacheBytes?: number;
  /**
   * SQLite's page cache for this connection (default 64 MB): a serving connection keeps the pages it
   * searches; a connection that only writes (the ingest thread's) needs few.
   */
  pageCacheBytes?: number;
  /**
   * Segment range numbers handed out before the live ranges are numbered afresh and the posting list cache
   * emptied (default 2^20, the most that keeps list keys exact integers: about a million merges in one
   * process). Set low, a test meets the renumbering in a few merges.
   */
  maxRangeNumbers?: number;
}

const PAGE_CACHE_BYTES = 64 << 20;
/**
 * Pages the write-ahead log may hold before a commit checkpoints it (SQLite's default is 1,000, 4 MB): a
 * checkpoint copies the log into the main file and syncs both, and the commit that crosses the limit waits
 * for it. At 4 MB every batch's commit ran one (a third of a daily update's writing time). A daily update
 * of 1000 documents into 90M characters writes about 19,500 pages (80 MB: new pages, and the index and
 * interior pages every batch rewrites), so at the 64 MB this was before, its commit near the end ran a
 * checkpoint of the whole log: a sync of the gigabyte file, 0.5–0.8 s of the writer's time before the last
 * batches were searchable (seen in a trace of its fsyncs). At 256 MB a daily update commits without one,
 * and its writer checkpoints when it goes idle (checkpoint()), after its documents are searchable; a bulk
 * ingest checkpoints as it goes, each time up to 256 MB of log (the log file on disk grows as large).
 */
const WAL_AUTOCHECKPOINT_PAGES = 65536;

/** Opens (creating if needed) a SQLite library file: WAL mode, migrations applied. */
export async function openSqliteStore(path: string, options: SqliteOpenOptions = {}): Promise<LibraryStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: SqliteDatabase;
  try {
    db = new Database(path) as unknown as SqliteDatabase;
  } catch (error) {
    throw new Error(`${path}: cannot open the library (${(error as Error).message})`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${Math.max(1, Math.round((options.pageCacheBytes ?? PAGE_CACHE_BYTES) / 1024))}`);
  try {
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  const store = new SqliteStore(
    db,
    path,
    options.postingCacheBytes,
    Math.min(MAX_RANGES, options.maxRangeNumbers ?? MAX_RANGES),
  );
  store.rebuildIndexIfMissing(options.onRebuildProgress);
  return store;
}

/** The parsed document as stored: row facts, meta and paragraph texts (title excluded). */
function parsedOf(r: DocumentRow, paragraphs: readonly string[]): ParsedDocument {
  const meta = JSON.parse(r.meta) as StoredMeta;
  return {
    title: r.title,
    rawTitle: r.raw_title,
    genre: r.genre,
    year: r.year,
    publishedAt: r.published_at,
    tags: JSON.parse(r.tags) as string[],
    paragraphs: paragraphs.map((text, i) => ({ text, role: meta.roles[i]!, level: meta.levels[i] ?? null })),
    outline: meta.outline,
    freeChars: r.free_chars,
    placeholders: meta.placeholders,
    restorations: meta.restorations,
    removed: meta.removed,
  };
}
