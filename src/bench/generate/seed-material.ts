import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../core/parse/parse-file.js';

/** What the generator builds documents from: the seeds' own sentences, headings and noise. */
export interface SeedMaterial {
  sentences: string[];
  headings: string[];
  items: string[];
  titles: string[];
  adLines: string[];
}

/** Harvests sentences (split at 。！？), headings, 一是 items, titles and ad lines from the seed files. */
export function harvestSeeds(dir: string): SeedMaterial {
  const m: SeedMaterial = { sentences: [], headings: [], items: [], titles: [], adLines: [] };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const parsed = parseFile(readFileSync(join(dir, file), 'utf8'));
    for (const doc of parsed.documents) {
      m.titles.push(doc.title);
      for (const r of doc.removed) if (r.rule === 'ad-block') m.adLines.push(r.text);
      for (const p of doc.paragraphs) {
        if (p.role === 'heading') {
          const bare = p.text
            .replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+是)/, '')
            .replace(/[。；]$/, '');
          if (bare.length >= 4 && bare.length <= 30)
            (/^[一二三四五六七八九十]+是/.test(p.text) ? m.items : m.headings).push(bare);
          continue;
        }
        for (const s of p.text.split(/(?<=[。！？])/))
          if (s.length >= 8 && s.length <= 200 && /[。！？]$/.test(s)) m.sentences.push(s);
      }
    }
  }
  m.adLines = [...new Set(m.adLines)];
  return m;
}
