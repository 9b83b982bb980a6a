import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { collectLineStats } from '../core/clean/line-stats.js';
import { parseFile } from '../core/parse/parse-file.js';
import { readSource } from '../core/read/read-source.js';
import type { FileOutcome, LibraryStore, PreparedFile } from '../storage/store.js';
import { findFiles } from './find-files.js';

export interface RejectedFile {
  path: string;
  reason: string;
}

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
  /** Characters of cleaned text taken in. */
  chars: number;
  rejected: RejectedFile[];
  ms: number;
}

export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** Raw bytes read before a batch is parsed and written in one transaction (default 4 MB). */
  batchBytes?: number;
}

interface ReadFile {
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

const DEFAULT_BATCH_BYTES = 4 * 1024 * 1024;

function fallbackTitle(path: string): string {
  return basename(path, extname(path)).replace(/_[0-9a-f]{8,}$/i, '');
}

/**
 * Takes files and folders into the library: reads and decodes each file, cleans and understands it, and
 * writes batches of whole files in one transaction each. A file that cannot be read is reported with its
 * reason and the rest of the batch is still stored. Killing the process leaves every committed batch
 * intact; running the same command again skips stored files and completes the rest.
 */
export async function ingestPaths(store: LibraryStore, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const { files, missing } = await findFiles([...paths]);
  const summary: IngestSummary = {
    files: files.length,
    alreadyStored: 0,
    documents: 0,
    duplicates: 0,
    nearDuplicates: 0,
    compilations: 0,
    removedSpans: 0,
    chars: 0,
    rejected: missing.map((path) => ({ path, reason: `${path}: no such file or folder` })),
    ms: 0,
  };
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  let done = 0;
  const report = (): void =>
    options.onProgress?.({
      filesDone: done,
      filesTotal: files.length,
      documents: summary.documents,
      duplicates: summary.duplicates,
      rejected: summary.rejected.length,
      chars: summary.chars,
    });

  let batch: ReadFile[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await writeFiles(store, batch, summary);
    done += batch.length;
    batch = [];
    size = 0;
    report();
  };
  for (const path of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      summary.rejected.push({ path, reason: `${path}: cannot read (${(error as Error).message})` });
      done++;
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await store.hasFile(sha256)) {
      summary.alreadyStored++;
      done++;
      continue;
    }
    batch.push({ path, bytes, sha256 });
    size += bytes.length;
    if (size >= batchBytes) await flush();
  }
  await flush();
  await store.compact();
  summary.ms = performance.now() - started;
  report();
  return summary;
}

async function writeFiles(store: LibraryStore, files: readonly ReadFile[], summary: IngestSummary): Promise<void> {
  const decoded: Array<{ file: ReadFile; text: string; encoding: string; format: PreparedFile['source']['format'] }> = [];
  for (const file of files) {
    const outcome = await readSource(file.path, file.bytes);
    if (!outcome.ok) {
      summary.rejected.push({ path: file.path, reason: outcome.message });
      continue;
    }
    decoded.push({ file, text: outcome.text, encoding: outcome.encoding, format: outcome.format });
  }
  const lineStats = collectLineStats(decoded.map((d) => d.text));
  const prepared: PreparedFile[] = [];
  for (const d of decoded) {
    const parsed = parseFile(d.text, { lineStats, fallbackTitle: fallbackTitle(d.file.path) });
    if (parsed.documents.every((doc) => doc.paragraphs.length === 0)) {
      summary.rejected.push({ path: d.file.path, reason: `${d.file.path}: no content left after cleaning` });
      continue;
    }
    prepared.push({
      source: { path: d.file.path, sha256: d.file.sha256, bytes: d.file.bytes, encoding: d.encoding, format: d.format },
      parsed,
    });
  }
  if (prepared.length === 0) return;
  const outcomes = await store.writeBatch(prepared);
  outcomes.forEach((outcome, i) => tally(summary, outcome, prepared[i]!));
}

function tally(summary: IngestSummary, outcome: FileOutcome, file: PreparedFile): void {
  if (outcome.alreadyStored) {
    summary.alreadyStored++;
    return;
  }
  if (outcome.compilationId !== null) summary.compilations++;
  summary.removedSpans += outcome.removedSpans;
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
