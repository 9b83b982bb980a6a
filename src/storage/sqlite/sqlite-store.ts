import { statSync } from 'node:fs';
import { LRUCache } from 'lru-cache';
import type { ComparableText } from '../../core/dedupe/fingerprint.js';
import { emptyNearIndex, type NearIndex } from '../../core/dedupe/near-duplicate.js';
import type { Deletion, DocMeta, SegmentHeader, TitleAlias } from '../../core/index/contracts.js';
import type { PackedSegment } from '../../core/index/packed-segment.js';
import { batchSegment } from '../batch-segment.js';
import type { BatchFileNote, BatchNotes, BatchOrigin, BatchReport, BatchSummary } from '../batches.js';
import type {
  DeletedDocument,
  DocumentSummary,
  FileOutcome,
  LibraryStore,
  PreparedFile,
  StoredDocument,
} from '../store.js';
import type { AccountStore } from '../accounts.js';
import type { MemberStore } from '../member-store.js';
import { SqliteMemberStore } from './sqlite-member-store.js';
import { SqliteAccountStore } from './account-store.js';
import { batchReport, finishBatchNow, insertBatch, listBatchRows, writeBatchFiles } from './batch-rows.js';
import { compactSegments } from './compaction.js';
import { deleteDocumentNow, deletionsAfter } from './delete-document.js';
import {
  COMPILATION_COLUMNS,
  COMPILATION_JOIN,
  docMetaOf,
  parsedOf,
  summaryOf,
  type DocumentRow,
} from './document-rows.js';
import { sourcesOf } from './source-rows.js';
import { refreshNearIndex } from './near-keys.js';
import { PostingReads } from './posting-reads.js';
import { headerOf, SEGMENT_HEADER, type SegmentRow } from './segment-rows.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { UnitTextReads } from './unit-text-reads.js';
import { writeBatchNow } from './write-batch.js';

/** Near-duplicate candidates kept with their shingles (each some tens of KB). */
const CANDIDATE_CACHE = 512;

/** The SQLite LibraryStore: one connection, its read caches and the writer's near index (see openSqliteStore). */
export class SqliteStore implements LibraryStore {
  readonly accounts: AccountStore;
  readonly members: MemberStore;
  private readonly postingReads: PostingReads;
  private readonly unitReads: UnitTextReads;
  /** Stored documents' comparable texts as near-duplicate candidates (see CandidateTexts). */
  private readonly candidates = new LRUCache<number, ComparableText>({ max: CANDIDATE_CACHE });
  /** Stored documents' SimHash bands, and what a candidate is tested on before its text (see nearIndex). */
  private near: NearIndex | null = null;
  /** The last deletion `near` and `candidates` know of: a later one (by any connection) has them read afresh. */
  private deletionsSeen = 0;
  /** documentsVersion's last answer, and the data_version it was read at. */
  private version: { commits: number; documents: string } | null = null;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly path: string,
    postingCacheBytes?: number,
    maxRanges?: number,
  ) {
    this.postingReads = new PostingReads(db, postingCacheBytes, maxRanges);
    this.unitReads = new UnitTextReads(db);
    this.accounts = new SqliteAccountStore(db);
    this.members = new SqliteMemberStore(db);
  }

  async writeBatch(
    files: readonly PreparedFile[],
    segment?: PackedSegment,
    notes?: BatchNotes,
  ): Promise<FileOutcome[]> {
    try {
      // One IMMEDIATE transaction: the write lock up front, and nothing of the batch stored if anything throws
      // (its report rows included, so a report never disagrees with what is stored).
      return this.db
        .transaction(() => {
          const outcomes = writeBatchNow(
            this.db,
            files,
            segment ?? batchSegment(files),
            this.nearIndex(),
            this.candidates,
          );
          if (notes) writeBatchFiles(this.db, notes, files, outcomes);
          return outcomes;
        })
        .immediate();
    } catch (error) {
      // The band index may hold documents of the batch rolled back: read it afresh next time.
      this.near = null;
      throw error;
    }
  }

  /**
   * near_keys in memory, brought up to date inside the batch's transaction (see refreshNearIndex): read
   * whole the first time, then only the documents added since.
   */
  private nearIndex(): NearIndex {
    const deletions = deletionsAfter(this.db, this.deletionsSeen);
    if (deletions.length > 0) {
      // Rare (an admin's deletion): read the keys afresh rather than take documents out of the band index.
      this.deletionsSeen = deletions[deletions.length - 1]!.seq;
      this.near = null;
      this.candidates.clear();
    }
    return refreshNearIndex(this.db, (this.near ??= emptyNearIndex()));
  }

  async startBatch(origin: BatchOrigin): Promise<number> {
    return insertBatch(this.db, origin);
  }

  async finishBatch(batchId: number, skipped: readonly BatchFileNote[], error?: string): Promise<void> {
    this.db.transaction(() => finishBatchNow(this.db, batchId, skipped, error)).immediate();
  }

  async listBatches(limit = 50): Promise<BatchSummary[]> {
    return listBatchRows(this.db, limit);
  }

  async getBatch(id: number): Promise<BatchReport | null> {
    return batchReport(this.db, id);
  }

  async deleteDocument(id: number): Promise<DeletedDocument | null> {
    return this.db.transaction(() => deleteDocumentNow(this.db, id)).immediate();
  }

  async deletions(afterSeq = 0): Promise<Deletion[]> {
    return deletionsAfter(this.db, afterSeq);
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
    while (taken < sizes.length && (taken === 0 || total + sizes[taken]!.size <= maxBytes)) {
      total += sizes[taken++]!.size;
    }
    if (taken === 0) return [];
    return this.db
      .prepare('SELECT path, bytes FROM files WHERE id >= ? ORDER BY id DESC LIMIT ?')
      .all(sizes[taken - 1]!.id, taken) as Array<{ path: string; bytes: Buffer }>;
  }

  async listDocuments(afterId = 0): Promise<DocumentSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.genre, d.year, d.published_at, d.tags, d.free_chars, d.unit_count, d.compilation_id,
           d.created_at, f.path, ${COMPILATION_COLUMNS}
         FROM documents d JOIN files f ON f.id = d.file_id ${COMPILATION_JOIN} WHERE d.id > ? ORDER BY d.id`,
      )
      .all(afterId) as DocumentRow[];
    return rows.map(summaryOf);
  }

  async getDocument(id: number): Promise<StoredDocument | null> {
    const r = this.db
      .prepare(
        `SELECT d.*, f.path, ${COMPILATION_COLUMNS}
         FROM documents d JOIN files f ON f.id = d.file_id ${COMPILATION_JOIN} WHERE d.id = ?`,
      )
      .get(id) as DocumentRow | undefined;
    if (!r) return null;
    const texts = (
      this.db
        .prepare('SELECT text FROM units WHERE id > ? AND id < ? ORDER BY id')
        .all(r.unit_lo, r.unit_lo + r.unit_count) as Array<{ text: string }>
    ).map((u) => u.text);
    const sources = sourcesOf(this.db, id);
    const parsed = parsedOf(r, texts);
    // The summary's fields (its paid flag included) as `list` gives them, with what only a document has.
    return { ...summaryOf(r), rawTitle: r.raw_title, tags: parsed.tags, sources, parsed };
  }

  async segments(fromUnit = 0): Promise<SegmentHeader[]> {
    const rows = this.db
      .prepare(`SELECT ${SEGMENT_HEADER} FROM segments WHERE unit_hi > ? ORDER BY unit_lo`)
      .all(fromUnit) as SegmentRow[];
    return rows.map(headerOf);
  }

  async documents(afterId = 0): Promise<DocMeta[]> {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.genre, d.year, d.published_at, d.tags, d.free_chars, d.unit_count, d.compilation_id,
           ${COMPILATION_COLUMNS}
         FROM documents d ${COMPILATION_JOIN} WHERE d.id > ? ORDER BY d.id`,
      )
      .all(afterId) as DocumentRow[];
    return rows.map(docMetaOf);
  }

  async titleAliases(afterId = 0): Promise<TitleAlias[]> {
    return this.db
      .prepare('SELECT id, doc_id AS docId, kind, title FROM title_aliases WHERE id > ? ORDER BY id')
      .all(afterId) as TitleAlias[];
  }

  async postings(grams: readonly number[]): Promise<Map<number, Uint8Array[]>> {
    return this.postingReads.postings(grams);
  }

  async joinedUnitTexts(unitIds: readonly number[]): Promise<string> {
    return this.unitReads.joined(unitIds);
  }

  async unitTexts(unitIds: readonly number[]): Promise<Map<number, string>> {
    return this.unitReads.texts(unitIds);
  }

  /** Merges segments as the merge plan says; called after every batch. */
  async compact(): Promise<void> {
    compactSegments(this.db);
  }

  async checkpoint(): Promise<void> {
    // PASSIVE: copies what no reader still needs and returns; it never waits for readers.
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  async documentsVersion(): Promise<string> {
    // data_version moves on any other connection's commit (a member's recent read too): only then are the
    // tables that grow with the documents asked how far they reach (each a lookup at the end of an index).
    const commits = this.db.pragma('data_version', { simple: true }) as number;
    if (this.version === null || commits !== this.version.commits) {
      const row = this.db
        .prepare(
          `SELECT (SELECT COALESCE(MAX(id), 0) FROM documents) || ':' ||
             (SELECT COALESCE(MAX(seq), 0) FROM deleted_documents) || ':' ||
             (SELECT COALESCE(MAX(id), 0) FROM title_aliases) || ':' ||
             (SELECT COALESCE(MAX(rowid), 0) FROM document_sources) AS version`,
        )
        .get() as { version: string };
      this.version = { commits, documents: row.version };
    }
    return this.version.documents;
  }

  async indexBytes(): Promise<number> {
    const postings = this.db
      .prepare(
        `SELECT COALESCE(SUM(length(grams) + length(slots) + length(last_slots) + length(offsets) + length(data)), 0)
         AS n FROM postings`,
      )
      .get() as { n: number };
    const segments = this.db
      .prepare(
        `SELECT COALESCE(SUM(length(unit_doc) + length(unit_meta) + length(unit_paid_from) + length(unit_length)
           + length(slot_unit_lo)), 0) AS n FROM segments`,
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
