import type { Fixture } from './fixture.js';
import { generatePage, pageSeed } from './generate.js';
import type { GeneratedPage } from './page.js';
import { runPipeline } from './run-pipeline.js';
import { scorePage, type PageFailures } from './score-page.js';
import { addFigures, emptyFigures, type Figures } from './tally.js';
import type { SiteTemplate } from './templates/template.js';

/** One page's outcome, for the per-template rows and the failure list of a template a tuner may see. */
export interface PageOutcome {
  template: string;
  fixture: string;
  figures: Figures;
  failures: PageFailures;
}

export function sumFigures(outcomes: readonly { figures: Figures }[]): Figures {
  const sum = emptyFigures();
  for (const o of outcomes) addFigures(sum, o.figures);
  return sum;
}

export function generatePages(fixtures: readonly Fixture[], template: SiteTemplate): GeneratedPage[] {
  return fixtures.map((f) => generatePage(f, template, pageSeed(template, f)));
}

/** A template's pages through the pipeline as one batch, each scored against its fixture. */
export async function runTemplate(fixtures: readonly Fixture[], template: SiteTemplate): Promise<PageOutcome[]> {
  const pages = generatePages(fixtures, template);
  const parsed = await runPipeline(pages.map((p) => ({ path: p.fileName, bytes: p.bytes })));
  return pages.map((page, i) => {
    const { figures, failures } = scorePage(fixtures[i]!, page, parsed.get(page.fileName) ?? null);
    return { template: template.name, fixture: page.fixture, figures, failures };
  });
}

/** The fixtures as they are, without any chrome: the baseline the templates are read against. */
export async function runClean(fixtures: readonly Fixture[]): Promise<PageOutcome[]> {
  const encoder = new TextEncoder();
  const files = fixtures.map((f) => ({ path: `clean/${f.file}`, bytes: encoder.encode(f.lines.join('\n') + '\n') }));
  const parsed = await runPipeline(files);
  const none = { noise: [], paid: null, meta: {} };
  return fixtures.map((f, i) => {
    const { figures, failures } = scorePage(f, none, parsed.get(files[i]!.path) ?? null);
    return { template: 'clean', fixture: f.file, figures, failures };
  });
}

/**
 * The held-out templates, summed before anything leaves this function: their pages, per-page failures and
 * per-template figures are never returned, so no report can show them.
 */
export async function runHeldOut(
  fixtures: readonly Fixture[],
  templates: readonly SiteTemplate[],
): Promise<{ pages: number; figures: Figures }> {
  const figures = emptyFigures();
  let pages = 0;
  for (const t of templates) {
    const outcomes = await runTemplate(fixtures, t);
    pages += outcomes.length;
    addFigures(figures, sumFigures(outcomes));
  }
  return { pages, figures };
}
