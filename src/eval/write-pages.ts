import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Fixture } from './fixture.js';
import { generatePages } from './run-eval.js';
import type { SiteTemplate } from './templates/template.js';

/**
 * Writes the pages of the given (tuned) templates under `dir`, each beside a `.facts.json` naming its noise,
 * paid boundary and metadata, so a tuner can look at what the rules meet. Returns the number of pages.
 */
export function writePages(dir: string, fixtures: readonly Fixture[], templates: readonly SiteTemplate[]): number {
  let written = 0;
  for (const t of templates) {
    for (const page of generatePages(fixtures, t)) {
      const path = join(dir, page.fileName);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, page.bytes);
      const facts = {
        template: page.template,
        fixture: page.fixture,
        noise: page.noise,
        paid: page.paid,
        meta: page.meta,
      };
      writeFileSync(`${path}.facts.json`, JSON.stringify(facts, null, 2) + '\n');
      written++;
    }
  }
  return written;
}
