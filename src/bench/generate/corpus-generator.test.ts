import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectLineStats } from '../../core/clean/line-stats.js';
import { documentText } from '../../core/document.js';
import { parseFile } from '../../core/parse/parse-file.js';
import { readSource } from '../../core/read/read-source.js';
import { seedsDir } from '../../testing/shared-seeds.js';
import { tempDir } from '../../testing/temp-dir.js';
import { generateCorpus } from './corpus-generator.js';
import { harvestSeeds } from './seed-material.js';

const material = harvestSeeds(seedsDir());

function digest(dir: string): string {
  const hash = createHash('sha256');
  for (const sub of readdirSync(dir).sort())
    for (const f of readdirSync(join(dir, sub)).sort()) hash.update(f).update(readFileSync(join(dir, sub, f)));
  return hash.digest('hex');
}

describe('corpus generator', () => {
  const root = tempDir();

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateCorpus(material, { dir: join(root, 'a'), chars: 300_000, seed: 5 });
    const b = generateCorpus(material, { dir: join(root, 'b'), chars: 300_000, seed: 5 });
    generateCorpus(material, { dir: join(root, 'c'), chars: 300_000, seed: 6 });
    assert.equal(digest(join(root, 'a')), digest(join(root, 'b')));
    assert.notEqual(digest(join(root, 'a')), digest(join(root, 'c')));
    assert.equal(a.files, b.files);
    assert.ok(a.chars >= 300_000 && a.chars < 330_000, `size ${a.chars}`);
  });

  it('produces every kind of structure and noise, and duplicates that are duplicates', async () => {
    const corpus = generateCorpus(material, { dir: join(root, 'kinds'), chars: 1_500_000, seed: 9 });
    const kinds = new Set(corpus.manifest.map((m) => m.kind));
    for (const k of ['article', 'compilation', 'duplicate', 'near-duplicate'] as const) assert.ok(kinds.has(k), k);
    const noise = new Set(corpus.manifest.flatMap((m) => m.noise));
    for (const n of ['paywall', 'watermark', 'ad-block', 'site-meta', 'site-footer', 'gb18030', 'utf-16le'])
      assert.ok(noise.has(n), n);
    const dup = corpus.manifest.find((m) => m.kind === 'duplicate')!;
    const [copy, original] = await Promise.all([
      readSource(dup.file, readFileSync(dup.file)),
      readSource(dup.duplicateOf!, readFileSync(dup.duplicateOf!)),
    ]);
    assert.ok(copy.ok && original.ok);
    assert.equal(copy.text, original.text);
  });

  it('lets cleaning remove all inserted noise and no content (precision and recall on the ground truth)', async () => {
    const corpus = generateCorpus(material, { dir: join(root, 'clean'), chars: 1_000_000, seed: 13 });
    const texts: string[] = [];
    for (const m of corpus.manifest) {
      const r = await readSource(m.file, readFileSync(m.file));
      assert.ok(r.ok);
      texts.push(r.text);
    }
    const stats = collectLineStats(texts);
    const sentences = new Set(material.sentences);
    let removed = 0;
    let falseRemovals = 0;
    for (const text of texts) {
      for (const doc of parseFile(text, { lineStats: stats }).documents) {
        const body = `${doc.title}\n${documentText(doc)}`;
        for (const leak of [
          '##paid',
          '小编',
          '版权所有',
          'Powered by',
          '素材库',
          '代笔',
          '客服',
          '公众号：',
          'svip',
          '热点素材',
          '推荐访问',
        ]) {
          assert.ok(!body.includes(leak), `noise "${leak}" survived in ${doc.title}`);
        }
        for (const r of doc.removed) {
          removed++;
          if ([...sentences].some((s) => s.length > 12 && r.text.includes(s))) falseRemovals++;
        }
      }
    }
    assert.ok(removed > 100, `removed ${removed}`);
    assert.equal(falseRemovals, 0, `${falseRemovals} removals took content sentences`);
  });
});
