import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expected, seedFiles, seedsDir } from '../testing/shared-seeds.js';
import type { Row } from './report.js';
import { runPipeline } from './run-pipeline.js';
import { scoreSeeds } from './score-seeds.js';
import { addFigures, emptyFigures } from './tally.js';

/** The seed row: the five seeds through the pipeline as one batch, scored on expected.json. */
export async function seedsRow(): Promise<Row> {
  let dir: string;
  try {
    dir = seedsDir();
  } catch {
    return { name: 'seeds', pages: 0, figures: null, note: 'skipped: ../shared/seeds not found beside the package' };
  }
  const files = seedFiles().map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  const parsed = await runPipeline(files);
  const figures = emptyFigures();
  for (const f of scoreSeeds(expected(), parsed)) addFigures(figures, f);
  return { name: 'seeds', pages: files.length, figures };
}
