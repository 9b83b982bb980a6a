import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BatchFileNote, BatchOrigin } from '../storage/batches.js';
import type { FileOutcome, LibraryStore, PreparedFile } from '../storage/store.js';
import { findFiles } from './find-files.js';
import { createParsePool, inlinePool, type ParsePool } from './parse-pool.js';
import type { DamagedFile, PreparedBatch, RawFile, RejectedFile } from './prepare-batch.js';

export type { RejectCode, RejectedFile } from './prepare-batch.js';

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  documents: number;
  duplicates: number;
  rejected: number;
  chars: number;
}

export interface IngestSummary {
  files: number;
  /** Files skipped because the same bytes were stored before (re-ingest is idempotent). */
  alreadyStored: number;
  documents: number;
  duplicates: number;
  nearDuplicates: number;
  compilations: number;
  removedSpans: number;
  /** The removed spans by the rule that removed them ("ad-block": 12, "watermark": 30). */
  removedByRule: Record<string, number>;
  /** Characters of cleaned text taken in (new documents). */
  chars: number;
  rejected: RejectedFile[];
  /** Files stored although their reading found damage (kept in their own encoding, the spots named). */
  damaged: DamagedFile[];
  /** The run's report (see LibraryStore.getBatch), when one was kept (`origin` given). */
  batchId: number | null;
  ms: number;
}

export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Raw bytes per batch; a batch is parsed together and written in one transaction. Default: the input
   * spread over a few batches per worker (so a daily update keeps every core busy), 256 KB to 4 MB.
   */
  batchBytes?: number;
  /** Parse in worker threads (default: when more than one batch is expected). */
  workers?: boolean;
  /** Library.ingest only: run the whole ingest in a thread of its own (default, for a library file). */
  thread?: boolean;
  /**
   * Parse workers kept by the caller, asked for when the ingest wants workers, instead of a pool of its
   * own started and closed with it: a process that ingests again and again keeps one, its code compiled.
   */
  keptPool?: () => ParsePool;
  /**
   * Leave the merging of segments and the checkpoint (see settleWrites) to the caller, after the ingest (its
   * documents are searchable before). A bulk ingest still merges as it goes, while its later batches are parsed.
   */
  deferCompaction?: boolean;
  /**
   * Keep a report of the run (files, documents, duplicates, removed spans, rejections), from this origin:
   * its files' rows are written with them (see LibraryStore.writeBatch).
   */
  origin?: BatchOrigin;
  /**
   * Names the files are stored and reported under instead of their paths, by path (a file taken from a
   * staging folder is named as it was dropped). Names keep the file's extension, which says how it is read.
   */
  labels?: Readonly<Record<string, string>>;
  /** Files the caller turned away before the run (an archive refused whole), for its report. */
  notes?: readonly BatchFileNote[];
}

const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MIN_BATCH_BYTES = 256 * 1024;
/** Files read in parallel at a time. */
const READ_GROUP = 64;
/** Batches per pool slot a small ingest is cut into, so parsing and writing overlap from the start. */
const BATCHES_PER_SLOT = 3;
/** Past this much input an ingest merges segments as it goes (the merges overlap with parsing); below, at its end. */
const MERGE_AS_IT_GOES_BYTES = 64 * 1024 * 1024;

/**
 * Takes files and folders into the library: reads each file, has it decoded, cleaned and understood (in
 * worker threads, overlapping with writing), and writes batches of whole files in one transaction each.
 * A file that cannot be read is reported with its reason and the rest is still stored. Killing the process
 * leaves every committed batch intact; running the same command again skips stored files and completes.
 */
export async function ingestPaths(
  store: LibraryStore,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const { files, missing, bytes: totalBytes } = await findFiles([...paths]);
  const label = (path: string): string => options.labels?.[path] ?? path;
  const summary: IngestSummary = {
    files: files.length,
    alreadyStored: 0,
    documents: 0,
    duplicates: 0,
    nearDuplicates: 0,
    compilations: 0,
    removedSpans: 0,
    removedByRule: {},
    chars: 0,
    rejected: missing.map((path) => ({
      path: label(path),
      reason: `${label(path)}: no such file or folder`,
      code: 'missing' as const,
    })),
    damaged: [],
    batchId: options.origin === undefined ? null : await store.startBatch(options.origin),
    ms: 0,
  };
  // Files of the run with nothing to write, noted in its report with the next write (or at its end).
  let noted = 0;
  let alreadyNoted: string[] = [];
  let givenNotes = options.notes ?? [];
  const skippedSince = (): BatchFileNote[] => {
    const given = givenNotes;
    givenNotes = [];
    const rejected = summary.rejected.slice(noted).map((r): BatchFileNote => ({
      path: r.path,
      outcome: 'rejected',
      reason: r.reason,
      ...(r.code ? { code: r.code } : {}),
    }));
    noted = summary.rejected.length;
    const already = alreadyNoted.map((path): BatchFileNote => ({ path, outcome: 'already-stored' }));
    alreadyNoted = [];
    return [...given, ...rejected, ...already];
  };
  const wantsWorkers = options.workers ?? files.length > 50;
  const ownPool = wantsWorkers && options.keptPool === undefined;
  const pool: ParsePool = !wantsWorkers ? inlinePool : ownPool ? createParsePool() : options.keptPool!();
  const batchBytes =
    options.batchBytes ??
    Math.min(MAX_BATCH_BYTES, Math.max(MIN_BATCH_BYTES, Math.ceil(totalBytes / (pool.width * BATCHES_PER_SLOT))));
  const mergeAsItGoes = totalBytes > MERGE_AS_IT_GOES_BYTES;
  // The files of this run by their bytes, and the later files holding the same bytes as each (its twins).
  const seen = new Map<string, string>();
  const twins = new Map<string, string[]>();
  let done = 0;
  let reported = -1;
  const report = (): void => {
    if (done === reported) return;
    reported = done;
    options.onProgress?.({
      filesDone: done,
      filesTotal: files.length,
      documents: summary.documents,
      duplicates: summary.duplicates,
      rejected: summary.rejected.length,
      chars: summary.chars,
    });
  };

  const inFlight: Array<{ size: number; batch: Promise<PreparedBatch> }> = [];
  let writesPrepared = false;
  const writeOldest = async (): Promise<void> => {
    if (!writesPrepared) {
      // The first batch is still being parsed: load what the writer keeps in memory (its near-duplicate
      // keys) meanwhile, not after it.
      writesPrepared = true;
      await store.prepareWrites();
    }
    const oldest = inFlight.shift()!;
    const { prepared, rejected, damaged, segment } = await oldest.batch;
    summary.rejected.push(...rejected);
    summary.damaged.push(...damaged);
    if (prepared.length > 0) {
      const notes =
        summary.batchId === null
          ? undefined
          : {
              batchId: summary.batchId,
              skipped: skippedSince(),
              damage: Object.fromEntries(damaged.map((d) => [d.path, d.damage])),
            };
      const outcomes = await store.writeBatch(prepared, segment ?? undefined, notes);
      outcomes.forEach((outcome, i) => tally(summary, outcome, prepared[i]!));
      if (mergeAsItGoes) await store.compact();
    }
    done += oldest.size;
    report();
  };
  try {
    let batch: RawFile[] = [];
    let size = 0;
    const submit = async (): Promise<void> => {
      if (batch.length === 0) return;
      inFlight.push({ size: batch.length, batch: pool.prepare(batch) });
      batch = [];
      size = 0;
      if (inFlight.length >= pool.width) await writeOldest();
    };
    // Files are read a group at a time, in parallel: one turn of the event loop per group, not per file,
    // so searches served by the same process do not slow the reading down (nor it them).
    for (let g = 0; g < files.length; g += READ_GROUP) {
      const group = files.slice(g, g + READ_GROUP);
      const read = await Promise.allSettled(group.map((path) => readFile(path)));
      for (const [k, outcome] of read.entries()) {
        const path = group[k]!;
        if (outcome.status === 'rejected') {
          const reason = `${label(path)}: cannot read (${(outcome.reason as Error).message})`;
          summary.rejected.push({ path: label(path), reason, code: 'unreadable' });
          done++;
          continue;
        }
        const bytes: Uint8Array = outcome.value;
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const first = seen.get(sha256);
        if (first !== undefined) {
          // Stored with the first, or rejected with it: settled once the first is (see twinsSettled).
          twins.set(first, [...(twins.get(first) ?? []), label(path)]);
          summary.alreadyStored++;
          done++;
          continue;
        }
        if (await store.hasFile(sha256)) {
          summary.alreadyStored++;
          if (summary.batchId !== null) alreadyNoted.push(label(path));
          done++;
          continue;
        }
        seen.set(sha256, label(path));
        batch.push({ path: label(path), bytes, sha256 });
        size += bytes.length;
        if (size >= batchBytes) await submit();
      }
    }
    await submit();
    while (inFlight.length > 0) await writeOldest();
    twinsSettled(summary, twins, (path) => alreadyNoted.push(path));
  } catch (error) {
    // The report says how far the run got: what was written stays, and why it stopped.
    if (summary.batchId !== null) {
      await store.finishBatch(summary.batchId, skippedSince(), (error as Error).message).catch(() => undefined);
    }
    throw error;
  } finally {
    if (ownPool) await pool.close();
  }
  if (summary.batchId !== null) await store.finishBatch(summary.batchId, skippedSince());
  if (!options.deferCompaction) await settleWrites(store);
  summary.ms = performance.now() - started;
  report();
  return summary;
}

/**
 * A file holding the same bytes as an earlier file of the run is already stored when that one was stored,
 * and rejected with the same reason when it was rejected.
 */
function twinsSettled(
  summary: IngestSummary,
  twins: ReadonlyMap<string, readonly string[]>,
  stored: (path: string) => void,
): void {
  if (twins.size === 0) return;
  const rejected = new Map(summary.rejected.map((r) => [r.path, r]));
  for (const [first, paths] of twins) {
    const r = rejected.get(first);
    for (const path of paths) {
      if (r === undefined) {
        stored(path);
        continue;
      }
      summary.alreadyStored--;
      summary.rejected.push({ ...r, path, reason: `${path}: the same bytes as ${r.reason}` });
    }
  }
}

/** What follows an ingest's last batch: its segments merged, then the write-ahead log folded in. */
export async function settleWrites(store: LibraryStore): Promise<void> {
  await store.compact();
  await store.checkpoint();
}

function tally(summary: IngestSummary, outcome: FileOutcome, file: PreparedFile): void {
  if (outcome.alreadyStored) {
    summary.alreadyStored++;
    return;
  }
  if (outcome.compilationId !== null) summary.compilations++;
  summary.removedSpans += outcome.removedSpans;
  for (const span of file.parsed.removed.concat(file.parsed.documents.flatMap((d) => d.removed))) {
    summary.removedByRule[span.rule] = (summary.removedByRule[span.rule] ?? 0) + 1;
  }
  outcome.documents.forEach((doc, i) => {
    if (doc.kind === 'new') {
      summary.documents++;
      const parsed = file.parsed.documents[i];
      if (parsed) summary.chars += parsed.paragraphs.reduce((n, p) => n + p.text.length + 1, parsed.title.length);
    } else {
      summary.duplicates++;
      if (doc.near) summary.nearDuplicates++;
    }
  });
}
