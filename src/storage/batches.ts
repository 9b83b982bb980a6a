/**
 * Batch reports: what one ingest run did with each file it was given, kept in the library so a report page
 * can say it later. The rows of the files a write stored are written in that write's transaction, so a
 * report never names a document that is not stored, nor leaves out one that is.
 */

/** Where a run came from: the inbox folder, the admin page's upload, or the command line. */
export const BATCH_ORIGINS = ['inbox', 'upload', 'cli'] as const;
export type BatchOrigin = (typeof BATCH_ORIGINS)[number];

/** What became of one file of a run. */
export type BatchFileOutcome = 'stored' | 'already-stored' | 'rejected';

/** Spans removed by cleaning, by the rule that removed them ("ad-block": 12). */
export type RemovedByRule = Record<string, number>;

/** One document a stored file held: new, or a duplicate of a stored document (linked as another source of it). */
export interface BatchDocumentReport {
  kind: 'new' | 'duplicate';
  /** The stored document: the new one, or the one duplicated. */
  id: number;
  /** A near duplicate (not the same text). */
  near: boolean;
  title: string;
  removedByRule: RemovedByRule;
}

/** A file of a run that was not written: rejected (with why), or holding bytes the library already had. */
export interface BatchFileNote {
  path: string;
  outcome: 'already-stored' | 'rejected';
  /** Why it was rejected, as the reader said it (English, for logs). */
  reason?: string;
  /** The kind of rejection (see RejectCode), which pages name in Chinese. */
  code?: string;
}

export interface BatchFileReport {
  path: string;
  outcome: BatchFileOutcome;
  reason: string | null;
  code: string | null;
  /** Damage the reading found in a file stored anyway (bytes that are not text, a cut-short end). */
  damage: string | null;
  compilationId: number | null;
  documents: BatchDocumentReport[];
  /** Spans removed outside any one document (the file's page chrome before a compilation's first article). */
  removedByRule: RemovedByRule;
}

export interface BatchCounts {
  files: number;
  stored: number;
  alreadyStored: number;
  rejected: number;
  /** New documents. */
  documents: number;
  duplicates: number;
}

export interface BatchSummary {
  id: number;
  origin: BatchOrigin;
  startedAt: string;
  /** Null while the run goes on, or when its process died before the end (what it wrote stays). */
  finishedAt: string | null;
  /** Why the run stopped early, when it did. */
  error: string | null;
  counts: BatchCounts;
}

export interface BatchReport extends BatchSummary {
  files: BatchFileReport[];
}

/** What a write adds to its run's report beside the files it writes (see LibraryStore.writeBatch). */
export interface BatchNotes {
  batchId: number;
  /** Files of the run met since the last write that have nothing to write. */
  skipped: readonly BatchFileNote[];
  /** Damage found while reading files of this write, by path. */
  damage?: Readonly<Record<string, string>>;
}
