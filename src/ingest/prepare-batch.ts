import { basename, extname } from 'node:path';
import { collectLineStats } from '../core/clean/line-stats.js';
import { fingerprintDocument } from '../core/dedupe/fingerprint.js';
import { parseFile } from '../core/parse/parse-file.js';
import { readSource, type ReadErrorCode } from '../core/read/read-source.js';
import type { PackedSegment } from '../core/index/packed-segment.js';
import { batchSegment } from '../storage/batch-segment.js';
import { storedMetaJson } from '../storage/stored-meta.js';
import type { PreparedFile } from '../storage/store.js';

/** A file read from disk, not yet understood. */
export interface RawFile {
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Why a file was not taken: what its reading found (ReadErrorCode), or what ingest found. */
export type RejectCode = ReadErrorCode | 'missing' | 'unreadable' | 'no-content';

export interface RejectedFile {
  path: string;
  reason: string;
  code?: RejectCode;
}

/** A file stored with damage its reading found (bytes that are not text, a cut-short end). */
export interface DamagedFile {
  path: string;
  damage: string;
}

export interface PreparedBatch {
  prepared: PreparedFile[];
  rejected: RejectedFile[];
  damaged: DamagedFile[];
  /** The index segment of `prepared`, built here so the writing thread only places it. */
  segment: PackedSegment | null;
}

function fallbackTitle(path: string): string {
  return basename(path, extname(path)).replace(/_[0-9a-f]{8,}$/i, '');
}

/**
 * Decodes, cleans and understands a batch of files. The batch is also the unit of the repetition signal:
 * lines standing in several of its documents are boilerplate. CPU only (runs in a worker thread).
 */
export async function prepareBatch(files: readonly RawFile[]): Promise<PreparedBatch> {
  const rejected: RejectedFile[] = [];
  const damaged: DamagedFile[] = [];
  const decoded: Array<{ file: RawFile; text: string; encoding: string; format: PreparedFile['source']['format'] }> =
    [];
  for (const file of files) {
    const outcome = await readSource(file.path, file.bytes);
    if (!outcome.ok) {
      rejected.push({ path: file.path, reason: outcome.message, code: outcome.code });
      continue;
    }
    decoded.push({ file, text: outcome.text, encoding: outcome.encoding, format: outcome.format });
    if (outcome.damage !== undefined) damaged.push({ path: file.path, damage: outcome.damage });
  }
  const lineStats = collectLineStats(decoded.map((d) => d.text));
  const prepared: PreparedFile[] = [];
  for (const d of decoded) {
    const parsed = parseFile(d.text, { lineStats, fallbackTitle: fallbackTitle(d.file.path) });
    if (parsed.documents.every((doc) => doc.paragraphs.length === 0)) {
      rejected.push({
        path: d.file.path,
        reason: `${d.file.path}: no content left after cleaning`,
        code: 'no-content',
      });
      continue;
    }
    prepared.push({
      source: { path: d.file.path, sha256: d.file.sha256, bytes: d.file.bytes, encoding: d.encoding, format: d.format },
      parsed,
      fingerprints: parsed.documents.map(fingerprintDocument),
      metaJson: parsed.documents.map(storedMetaJson),
    });
  }
  byGenre(prepared);
  return { prepared, rejected, damaged, segment: prepared.length > 0 ? batchSegment(prepared) : null };
}

/**
 * Orders a batch's files by the genre of their first document (files without one last), keeping the order
 * of files of one genre: a batch's documents take consecutive slots in this order, so those of a genre lie
 * together in every posting list, and a search filtered by genre jumps over the rest of the batch's
 * entries instead of stepping through them (see BigramCursor). A file's documents stay together and in order.
 */
function byGenre(prepared: PreparedFile[]): void {
  const genreOf = (f: PreparedFile): string => f.parsed.documents[0]?.genre ?? '\uffff';
  // Array.prototype.sort is stable: files of one genre keep their order.
  prepared.sort((a, b) => (genreOf(a) < genreOf(b) ? -1 : genreOf(a) > genreOf(b) ? 1 : 0));
}
