import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { Library } from '../library.js';
import { seedsDir } from '../testing/shared-seeds.js';
import { ingestByCommand } from './command-ingest.js';
import type { BenchDoc, BenchEngine, BenchQuery } from './engine.js';
import { generateCorpus } from './generate/corpus-generator.js';
import { harvestSeeds } from './generate/seed-material.js';
import { percentile, time } from './stats.js';
import { cleanDocuments } from './sucai-engine.js';

/** New files in one daily update. */
export const DAILY_FILES = 1000;

/** One daily step: 1000 new files into the full library, with or without searches beside it. */
export interface DailyFigures {
  run: string;
  documents: number;
  /** From the ingest's start (the command run: its process's) until its documents are searchable (it answered, the engine refreshed). */
  ms: number;
  /** Until its segments were merged too (the command run: until its process exited; a peer: as ms). */
  settledMs: number;
  idleTopP95Ms: number;
  duringTopP95Ms: number;
  queriesDuring: number;
  /** For the run after a warm-up (see Library.warmIngest): how long the warm-up took, on how many files. */
  warmUp?: { files: number; ms: number };
}

/** The files of daily run `k` (the same for every engine that takes it in), generated into `dir`. */
export function generateDaily(dir: string, seed: number, k: number): string {
  generateCorpus(harvestSeeds(seedsDir()), { dir, chars: Infinity, files: DAILY_FILES, seed: seed + 1 + k });
  return dir;
}

/**
 * Top-20 latency idle (three passes over the queries, as many timings as the searches beside an update
 * give), then `work` with back-to-back top-20 searches beside it (each after a turn of the event loop)
 * until it resolves; none beside it unless `searching`.
 */
export async function searchesBeside<T>(
  work: () => Promise<T>,
  top: (q: BenchQuery, n: number) => Promise<unknown>,
  queries: readonly BenchQuery[],
  searching: boolean,
): Promise<{ result: T; idleTopP95Ms: number; duringTopP95Ms: number; queriesDuring: number }> {
  const idle: number[] = [];
  for (let r = 0; r < 3; r++) for (const q of queries) idle.push((await time(() => top(q, 20)))[1]);
  const during: number[] = [];
  let done = false;
  const running = work().finally(() => (done = true));
  while (searching && !done) {
    for (const q of queries) {
      if (done) break;
      during.push((await time(() => top(q, 20)))[1]);
      await new Promise((r) => setImmediate(r));
    }
  }
  const result = await running;
  return {
    result,
    idleTopP95Ms: percentile(idle, 95),
    duringTopP95Ms: during.length > 0 ? percentile(during, 95) : 0,
    queriesDuring: during.length,
  };
}

/**
 * A daily update's files as a peer loads them: cleaned by sucai in a library of their own (so its
 * duplicates among them are linked, not loaded), ids past `firstId` so they never meet the library's.
 * Ingested by `sucai ingest` in a process of its own, so this one's first ingest stays cold.
 */
export async function cleanedDaily(dir: string, work: string, firstId: number): Promise<BenchDoc[]> {
  const path = join(work, 'daily-clean.db');
  await ingestByCommand(path, [dir]);
  const scratch = await Library.open(path);
  try {
    return (await cleanDocuments(scratch)).map((d) => ({ ...d, id: d.id + firstId }));
  } finally {
    await scratch.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

/**
 * A peer's daily updates (for one that can add documents), one per run: with back-to-back top-20 searches
 * beside it when the run is `searching` (skipped for an engine whose add holds its searches off), else
 * none; searchable when its add answered.
 */
export async function peerDaily(
  engine: BenchEngine,
  queries: readonly BenchQuery[],
  runs: ReadonlyArray<{ name: string; docs: readonly BenchDoc[]; searching: boolean }>,
  log: (line: string) => void,
): Promise<DailyFigures[]> {
  const out: DailyFigures[] = [];
  const add = engine.add?.bind(engine);
  if (add === undefined) return out;
  for (const { name, docs, searching } of runs) {
    if (searching && engine.searchesDuringAdd !== true) continue;
    const { result, ...latency } = await searchesBeside(
      () => add(docs),
      (q, n) => engine.top(q, n),
      queries,
      searching,
    );
    out.push({ run: name, documents: docs.length, ms: result.ms, settledMs: result.ms, ...latency });
    const beside = searching
      ? `; top-20 p95 ${latency.idleTopP95Ms.toFixed(1)} ms idle, ${latency.duringTopP95Ms.toFixed(1)} ms during (${latency.queriesDuring} queries)`
      : '';
    log(
      `${engine.name} daily (${name}): ${docs.length} new documents searchable in ${(result.ms / 1000).toFixed(2)} s${beside}`,
    );
  }
  return out;
}
