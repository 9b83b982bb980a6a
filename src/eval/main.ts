import { parseArgs } from 'node:util';
import { defaultCorpusDir, readCorpus } from './fixture.js';
import { formatReport } from './format-report.js';
import { buildReport } from './report.js';
import { runClean, runHeldOut, runTemplate, sumFigures } from './run-eval.js';
import { seedsRow } from './seeds-row.js';
import { HELD_OUT_TEMPLATES, TUNED_TEMPLATES } from './templates/index.js';
import { writePages } from './write-pages.js';

const USAGE = `usage: npm run eval -- [--corpus DIR] [--json] [--by-template] [--failures] [--write-pages DIR]
  --corpus DIR       the corpus (NN-slug.txt + truth.json); default $SUCAI_EVAL_CORPUS or eval/corpus
  --json             every figure as JSON
  --by-template      tuned templates one row each
  --failures         per document, what the tuned templates and the clean fixtures lost or kept wrongly
  --write-pages DIR  write the tuned templates' pages (and their facts) to DIR`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        corpus: { type: 'string' },
        json: { type: 'boolean', default: false },
        'by-template': { type: 'boolean', default: false },
        failures: { type: 'boolean', default: false },
        'write-pages': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const corpus = values.corpus ?? process.env.SUCAI_EVAL_CORPUS ?? defaultCorpusDir();
  let fixtures;
  try {
    fixtures = readCorpus(corpus);
  } catch (e) {
    process.stderr.write(`eval: ${(e as Error).message}\n`);
    return 1;
  }
  if (values['write-pages'] !== undefined) {
    // Tuned templates only: the held-out pages must stay unseen.
    const n = writePages(values['write-pages'], fixtures, TUNED_TEMPLATES);
    process.stderr.write(`eval: wrote ${n} tuned pages to ${values['write-pages']}\n`);
  }
  const seeds = await seedsRow();
  const clean = await runClean(fixtures);
  const tuned = [];
  for (const t of TUNED_TEMPLATES) tuned.push({ template: t.name, outcomes: await runTemplate(fixtures, t) });
  const held = await runHeldOut(fixtures, HELD_OUT_TEMPLATES);
  const heldOut = {
    name: `held-out templates (${HELD_OUT_TEMPLATES.length})`,
    pages: held.pages,
    figures: held.figures,
  };
  const report = buildReport({ corpus, documents: fixtures.length, seeds, clean, tuned, heldOut, sum: sumFigures });
  if (values.json) {
    const shown = values.failures ? report : { ...report, failures: undefined };
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(report, { byTemplate: values['by-template'], failures: values.failures })}\n`);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`eval: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
