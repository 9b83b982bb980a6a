import type { ParsedDocument, ParsedFile, RemovedSpan } from '../core/document.js';
import type { DocFingerprint } from '../core/dedupe/fingerprint.js';
import type { CompilationPlace, DocMeta, IndexSource } from '../core/index/contracts.js';
import type { PackedSegment } from '../core/index/packed-segment.js';
import type { AccountStore } from './accounts.js';
import type { MemberStore } from './member-store.js';
import type { BatchFileNote, BatchNotes, BatchOrigin, BatchReport, BatchSummary } from './batches.js';

/** A source file as read from disk: the original bytes are kept byte for byte. */
export interface SourceFile {
  /** Path as given on the command line (relative or absolute), used for display and `sourceFile`. */
  path: string;
  sha256: string;
  bytes: Uint8Array;
  /** Detected encoding ("utf-8", "utf-16le", "gb18030", ...) or container ("html", "docx"). */
  encoding: string;
  format: 'text' | 'html' | 'docx';
}

/** One file ready to be written: its bytes and what ingest understood of it. */
export interface PreparedFile {
  source: SourceFile;
  parsed: ParsedFile;
  /**
   * Fingerprints of `parsed.documents`, when computed ahead (off the writing thread); the store computes
   * missing ones.
   */
  fingerprints?: DocFingerprint[];
  /**
   * documents.meta of each of `parsed.documents` (see storedMetaJson), when made ahead like fingerprints;
   * the store makes missing ones.
   */
  metaJson?: string[];
}

export type DocumentOutcome =
  | { kind: 'new'; id: number }
  /** Same text (or near-same) as a stored document: linked as another source of it. */
  | { kind: 'duplicate'; id: number; near: boolean };

export interface FileOutcome {
  path: string;
  /** True when this exact file (same bytes) was already stored: nothing written. */
  alreadyStored: boolean;
  compilationId: number | null;
  documents: DocumentOutcome[];
  removedSpans: number;
}

/** A document as `list` shows it: the ranker's facts about it, plus where it came from. */
export interface DocumentSummary extends DocMeta {
  compilationId: number | null;
  /** The compilation it came in, and its place there. */
  compilation: CompilationPlace | null;
  sourceFile: string;
  /** When the library took the document in (ISO 8601, UTC): what 每日更新 and the feeds group by. */
  addedAt: string;
}

/** One file the document's text arrived in, with what that file said of it. */
export interface DocumentSource {
  path: string;
  sha256: string;
  encoding: string;
  format: string;
  near: boolean;
  /** The title the file gave it; null for a repost stored before sucai kept sources' titles. */
  title: string | null;
  publishedAt: string | null;
  year: number | null;
  /** The compilation of that file it stood in, and its place there. */
  compilation: CompilationPlace | null;
}

export interface StoredDocument extends DocumentSummary {
  rawTitle: string;
  sources: DocumentSource[];
  parsed: ParsedDocument;
}

/** What deleteDocument removed. */
export interface DeletedDocument {
  id: number;
  title: string;
  /** Sources (files it was found in) unlinked. */
  sources: number;
  /** Files removed with it: those no other document was found in. */
  files: number;
}

/**
 * The library's storage. SQLite is the embedded default; this interface is what a second store (such as a
 * planned PostgreSQL one) would implement. Nothing outside `src/storage/` speaks SQL. Every write is one
 * transaction.
 */
export interface LibraryStore extends IndexSource {
  /** Accounts, sessions and login attempts, in the same library (see accounts.ts). */
  readonly accounts: AccountStore;
  /** What members own and what selling VIP records, in the same library (see member-store.ts). */
  readonly members: MemberStore;
  /**
   * Writes the files in one transaction: each file's documents, deduplicated against the library and the
   * batch (exact and near duplicates become extra sources of the stored document), their search units,
   * and one index segment for the new units. Files whose bytes are already stored are skipped. `segment`,
   * when given, is the batch's segment built ahead (see batch-segment.ts); otherwise the store builds it.
   */
  writeBatch(files: readonly PreparedFile[], segment?: PackedSegment, notes?: BatchNotes): Promise<FileOutcome[]>;
  /**
   * Starts the report of an ingest run (see batches.ts) and returns its id. With `notes` (that id), each
   * writeBatch of the run records its files in the report in its own transaction; finishBatch records the
   * files left (rejected, already stored) and the end.
   */
  startBatch(origin: BatchOrigin): Promise<number>;
  /** Ends a run's report: the files noted since its last write, and why it stopped when it failed. */
  finishBatch(batchId: number, skipped: readonly BatchFileNote[], error?: string): Promise<void>;
  /** Reports of the latest runs, newest first, without their files. */
  listBatches(limit?: number): Promise<BatchSummary[]>;
  getBatch(id: number): Promise<BatchReport | null>;
  /**
   * Removes a document in one transaction: its row, units, sources, keys and title aliases, and the files
   * and compilation no other document needs. Its index entries stay as a dead slot, named in `deletions`
   * for engines already loaded, until compaction rewrites its segment. Null when no such document.
   */
  deleteDocument(id: number): Promise<DeletedDocument | null>;
  /** True when a file with these bytes was already ingested. */
  hasFile(sha256: string): Promise<boolean>;
  /**
   * The original bytes of the files ingested last, newest first (what the next ingest will look like): at
   * most `limit` files, and no more once `maxBytes` are reached (the newest file always, however large).
   */
  recentFiles(limit: number, maxBytes?: number): Promise<Array<{ path: string; bytes: Uint8Array }>>;
  /** Every stored document, or those added after document `afterId`, in id order (ids only grow). */
  listDocuments(afterId?: number): Promise<DocumentSummary[]>;
  getDocument(id: number): Promise<StoredDocument | null>;
  /**
   * Loads what the writer keeps in memory (the near-duplicate keys of every stored document) ahead of the
   * first batch, which would otherwise load it: a process getting ready to ingest calls it, and an ingest
   * calls it while its first batch is parsed. Writes nothing; once loaded, it reads only documents added since.
   */
  prepareWrites(): Promise<void>;
  /** Merges small index segments; safe to run at any time (one transaction). */
  compact(): Promise<void>;
  /**
   * The writer goes idle: folds what was written into the library's main file (SQLite: a checkpoint of
   * the write-ahead log, which commits leave to this unless the log grows large), so the next writes
   * start on a short log. Safe to run at any time; readers are not blocked.
   */
  checkpoint(): Promise<void>;
  /**
   * A value that changes whenever the library's documents change (one added, deleted, or given another
   * source or title), by any connection: what a long-running reader polls to see documents written by
   * another process (the CLI) or thread. Members' writes (sessions, recent reads) leave it as it was.
   */
  documentsVersion(): Promise<string>;
  /** Size of the library on disk, in bytes (database file(s), after folding the write-ahead log in). */
  sizeBytes(): Promise<number>;
  /** Bytes of the search index alone (posting lists and unit tables), without texts and original files. */
  indexBytes(): Promise<number>;
  close(): Promise<void>;
}

export type { RemovedSpan };
export type * from './batches.js';
export type * from './accounts.js';
