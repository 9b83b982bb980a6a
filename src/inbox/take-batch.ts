import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { IngestProgress, IngestSummary, RejectedFile } from '../ingest/ingest.js';
import type { Library } from '../library.js';
import type { BatchFileNote, BatchOrigin } from '../storage/batches.js';
import { FILE_CALLS_IN_FLIGHT, mapBounded } from './map-bounded.js';
import { dayFolder, moveWithoutOverwrite, pruneEmptyFolders, writeNote } from './place-file.js';
import { rejectReason } from './reasons.js';
import { DEFAULT_ZIP_LIMITS, isZipName, safeUnzip, ZipRejected, type ZipLimits } from './safe-unzip.js';

/** A file to take: where it is, and its name as dropped (relative to the inbox, or the upload's name). */
export interface BatchInput {
  path: string;
  name: string;
}

/** Where a taken file went, and why when it was turned away (or some of an archive was). */
export interface PlacedInput {
  name: string;
  outcome: 'done' | 'rejected';
  placedAt: string;
  note: string[] | null;
}

export interface TakeOptions {
  library: Library;
  /** The inbox folder: files go to its done/ and rejected/ folders. */
  inboxDir: string;
  /** A folder of this run's own for unpacked archives, removed at the end. */
  stagingDir: string;
  origin: BatchOrigin;
  zipLimits?: ZipLimits;
  /** Raw bytes per written batch (see IngestOptions.batchBytes). */
  batchBytes?: number;
  onProgress?: (progress: IngestProgress) => void;
  now?: () => Date;
}

export interface TakenBatch {
  batchId: number | null;
  summary: IngestSummary;
  /** performance.now() when the run's documents were searchable (before its files were moved). */
  searchableAt: number;
  placed: PlacedInput[];
}

/** An archive's entries as they went into the run: each entry's name (what the report calls it), and the notes. */
interface Unpacked {
  input: BatchInput;
  entries: string[];
  refused: { code: string; reason: string } | null;
  nested: string[];
}

function noteLines(
  name: string,
  rejections: ReadonlyArray<{ name: string; code?: string | null; reason: string }>,
): string[] {
  return [
    `${name}：${rejections.length === 1 && rejections[0]!.name === name ? '未收录' : '以下文件未收录'}`,
    '',
    ...rejections.map((r) => `${r.name === name ? '' : `${r.name}：`}${rejectReason(r.code)}\n  （${r.reason}）`),
  ];
}

/**
 * Takes files into the library as one ingest run (its report kept under `origin`), archives unpacked first,
 * then moves each file to done/DAY/ or rejected/DAY/ (a note beside it saying why, in Chinese), never over
 * another file. Files are moved only after the run has committed: a process that dies before leaves them
 * where they were, and the next run skips what was stored (ingest knows the bytes). The inbox and the
 * admin's uploads both take their files through here.
 */
export async function takeBatch(inputs: readonly BatchInput[], options: TakeOptions): Promise<TakenBatch> {
  const { library, stagingDir, origin } = options;
  const limits = options.zipLimits ?? DEFAULT_ZIP_LIMITS;
  const paths: string[] = [];
  const labels: Record<string, string> = {};
  const notes: BatchFileNote[] = [];
  const archives: Unpacked[] = [];
  const label = (name: string): string => `${origin}/${name}`;
  try {
    for (const [i, input] of inputs.entries()) {
      if (!isZipName(input.name)) {
        paths.push(input.path);
        labels[input.path] = label(input.name);
        continue;
      }
      const unpacked: Unpacked = { input, entries: [], refused: null, nested: [] };
      archives.push(unpacked);
      try {
        if ((await stat(input.path)).size > limits.maxTotalBytes) {
          throw new ZipRejected('zip-bomb', `archive larger than ${limits.maxTotalBytes} bytes`);
        }
        const { entries, nested } = safeUnzip(await readFile(input.path), limits);
        unpacked.nested = nested;
        for (const entry of entries) {
          const staged = join(stagingDir, String(i), entry.name);
          await mkdir(dirname(staged), { recursive: true });
          await writeFile(staged, entry.bytes);
          const name = `${input.name}/${entry.name}`;
          paths.push(staged);
          labels[staged] = label(name);
          unpacked.entries.push(name);
        }
        for (const name of nested) {
          const path = label(`${input.name}/${name}`);
          notes.push({
            path,
            outcome: 'rejected',
            reason: `${path}: an archive inside an archive`,
            code: 'zip-nested',
          });
        }
      } catch (error) {
        const code = error instanceof ZipRejected ? error.code : 'unreadable';
        const reason = `${label(input.name)}: ${(error as Error).message}`;
        unpacked.refused = { code, reason };
        notes.push({ path: label(input.name), outcome: 'rejected', reason, code });
      }
    }
    const summary = await library.ingest(paths, {
      origin,
      labels,
      notes,
      ...(options.batchBytes !== undefined ? { batchBytes: options.batchBytes } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const searchableAt = performance.now();
    const placed = await placeInputs(inputs, archives, summary, options);
    return { batchId: summary.batchId, summary, searchableAt, placed };
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
}

async function placeInputs(
  inputs: readonly BatchInput[],
  archives: readonly Unpacked[],
  summary: IngestSummary,
  options: TakeOptions,
): Promise<PlacedInput[]> {
  const { inboxDir, origin } = options;
  const day = dayFolder(options.now?.() ?? new Date());
  const rejected = new Map<string, RejectedFile>(summary.rejected.map((r) => [r.path, r]));
  const damaged = new Map(summary.damaged.map((d) => [d.path, d.damage]));
  const label = (name: string): string => `${origin}/${name}`;
  // In flight together: each file's own moves (a taken name is claimed atomically, see moveWithoutOverwrite).
  return mapBounded(inputs, FILE_CALLS_IN_FLIGHT, async (input): Promise<PlacedInput> => {
    const archive = archives.find((a) => a.input === input);
    let outcome: PlacedInput['outcome'];
    let note: string[] | null = null;
    if (archive === undefined) {
      const r = rejected.get(label(input.name));
      const damage = damaged.get(label(input.name));
      outcome = r ? 'rejected' : 'done';
      if (r) note = noteLines(input.name, [{ name: input.name, code: r.code ?? null, reason: r.reason }]);
      else if (damage) note = [`${input.name}：已收录，但读取时发现损坏`, '', `（${damage}）`];
    } else if (archive.refused) {
      outcome = 'rejected';
      note = noteLines(input.name, [{ name: input.name, ...archive.refused }]);
    } else {
      const entryRejections = archive.entries
        .filter((name) => rejected.has(label(name)))
        .map((name) => {
          const r = rejected.get(label(name))!;
          return { name, code: r.code ?? null, reason: r.reason };
        });
      const nested = archive.nested.map((name) => ({
        name: `${input.name}/${name}`,
        code: 'zip-nested',
        reason: 'an archive inside an archive',
      }));
      const all = [...entryRejections, ...nested];
      // An archive of which nothing could be taken is rejected; one partly taken is done, its note naming the rest.
      outcome = entryRejections.length === archive.entries.length ? 'rejected' : 'done';
      if (archive.entries.length === 0 && nested.length === 0) {
        all.push({ name: input.name, code: 'empty', reason: 'the archive holds no files' });
      }
      if (all.length > 0) note = noteLines(input.name, all);
    }
    const target = join(inboxDir, outcome, day, dirname(input.name));
    const to = await moveWithoutOverwrite(input.path, target, basename(input.name));
    if (note) await writeNote(to, note);
    await pruneEmptyFolders(inboxDir, input.path);
    return { name: input.name, outcome, placedAt: to, note };
  });
}
