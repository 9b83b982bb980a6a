import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EVAL_TEST_FIXTURES } from '../testing/eval-fixtures.js';
import { tempDir } from '../testing/temp-dir.js';
import { formatReport } from './format-report.js';
import { buildReport } from './report.js';
import { runClean, runHeldOut, runTemplate, sumFigures } from './run-eval.js';
import { HELD_OUT_TEMPLATES, TUNED_TEMPLATES } from './templates/index.js';
import { writePages } from './write-pages.js';

// Quality figures are the parser's business: these tests check the instrument's shape, not the parse.
describe('the eval run, end to end', () => {
  const fixtures = EVAL_TEST_FIXTURES;
  const template = TUNED_TEMPLATES[1]!;

  it('runs a tuned template’s pages through the pipeline and scores each', async () => {
    const outcomes = await runTemplate(fixtures, template);
    assert.equal(outcomes.length, fixtures.length);
    for (const o of outcomes) {
      assert.equal(o.template, template.name);
      assert.ok(o.figures.content.total > 0, 'content sentences counted');
      assert.ok(o.figures.content.right <= o.figures.content.total);
      assert.ok(o.figures.noise.total > 0, 'noise strings counted');
      assert.equal(o.figures.title.total, 1);
      assert.equal(o.figures.outline.truth, fixtures.find((f) => f.file === o.fixture)!.truth.outline.length);
    }
  });

  it('builds a report whose held-out part is one aggregate row', async () => {
    const clean = await runClean(fixtures);
    const tuned = [{ template: template.name, outcomes: await runTemplate(fixtures, template) }];
    const held = await runHeldOut(fixtures, HELD_OUT_TEMPLATES);
    assert.deepEqual(Object.keys(held).sort(), ['figures', 'pages']);
    assert.equal(held.pages, fixtures.length * HELD_OUT_TEMPLATES.length);
    const report = buildReport({
      corpus: 'test',
      documents: fixtures.length,
      seeds: { name: 'seeds', pages: 0, figures: null, note: 'skipped' },
      clean,
      tuned,
      heldOut: { name: 'held-out templates (2)', pages: held.pages, figures: held.figures },
      sum: sumFigures,
    });
    assert.deepEqual(
      report.rows.map((r) => r.name),
      ['seeds', 'fixtures clean', 'tuned templates (1)', 'held-out templates (2)'],
    );
    assert.ok(report.rows[1]!.figures!.content.total > 0);
    assert.equal(report.targets.length, 7);
    assert.deepEqual(
      report.byTemplate.map((r) => r.name),
      [template.name],
    );
    const shown = new Set([...report.failures.map((f) => f.template)]);
    for (const name of shown) assert.ok(name === 'clean' || name === template.name, name);
    const text = formatReport(report, { byTemplate: true, failures: true }) + JSON.stringify(report);
    for (const t of HELD_OUT_TEMPLATES) {
      assert.ok(!text.includes(t.name) && !text.includes(t.site) && !text.includes(t.domain), 'held-out kept apart');
    }
  });

  it('writes tuned pages with their facts, and no held-out page', () => {
    const dir = tempDir();
    const n = writePages(dir, fixtures, TUNED_TEMPLATES.slice(0, 2));
    assert.equal(n, fixtures.length * 2);
    const written = readdirSync(dir).sort();
    assert.deepEqual(
      written,
      TUNED_TEMPLATES.slice(0, 2)
        .map((t) => t.name)
        .sort(),
    );
    assert.equal(readdirSync(join(dir, written[0]!)).length, fixtures.length * 2);
  });
});
