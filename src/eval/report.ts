import { checkTargets, type TargetResult } from './columns.js';
import type { PageOutcome } from './run-eval.js';
import type { PageFailures } from './score-page.js';
import type { Figures } from './tally.js';

/** One line of the table: a set of pages and their summed figures (null when the set could not run). */
export interface Row {
  name: string;
  pages: number;
  figures: Figures | null;
  note?: string;
}

/**
 * Everything `npm run eval` can print. Held-out templates appear only as their aggregate row and the targets
 * checked on it: byTemplate and failures hold tuned templates and clean fixtures alone.
 */
export interface EvalReport {
  corpus: string;
  documents: number;
  rows: Row[];
  byTemplate: Row[];
  failures: PageOutcome[];
  targets: TargetResult[];
}

function hasFailures(f: PageFailures): boolean {
  return (
    f.lostSentences.length > 0 ||
    f.survivingNoise.length > 0 ||
    f.title !== undefined ||
    f.genre !== undefined ||
    f.outlineMissing.length > 0 ||
    f.outlineExtra.length > 0 ||
    f.paid !== undefined
  );
}

export function buildReport(input: {
  corpus: string;
  documents: number;
  seeds: Row;
  clean: PageOutcome[];
  tuned: Array<{ template: string; outcomes: PageOutcome[] }>;
  heldOut: Row;
  sum: (o: readonly PageOutcome[]) => Figures;
}): EvalReport {
  const allTuned = input.tuned.flatMap((t) => t.outcomes);
  const rows: Row[] = [
    input.seeds,
    { name: 'fixtures clean', pages: input.clean.length, figures: input.sum(input.clean) },
    { name: `tuned templates (${input.tuned.length})`, pages: allTuned.length, figures: input.sum(allTuned) },
    input.heldOut,
  ];
  return {
    corpus: input.corpus,
    documents: input.documents,
    rows,
    byTemplate: input.tuned.map((t) => ({
      name: t.template,
      pages: t.outcomes.length,
      figures: input.sum(t.outcomes),
    })),
    failures: [...input.clean, ...allTuned].filter((o) => hasFailures(o.failures)),
    targets: input.heldOut.figures ? checkTargets(input.heldOut.figures) : [],
  };
}
