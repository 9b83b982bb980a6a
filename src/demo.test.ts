import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IngestSummary } from './ingest/ingest.js';
import { Library } from './library.js';
import type { StoredDocument } from './storage/store.js';
import {
  checkFact,
  chromeAbsent,
  demoDir,
  demoTruth,
  type DocumentFacts,
  type FileFacts,
  type KnownGap,
} from './testing/demo-truth.js';
import { tempDir } from './testing/temp-dir.js';

const truth = demoTruth();
const documentsDir = join(demoDir(), 'documents');
const FACT_FIELDS = [
  'title',
  'genre',
  'year',
  'subtitle',
  'outline',
  'paid',
  'placeholders',
  'signature',
  'startsWith',
  'mustContain',
  'leads',
] as const satisfies ReadonlyArray<keyof DocumentFacts>;

/** The planted strings a chrome gap says are still shown. */
function chromeOf(gap: KnownGap): string[] {
  return typeof gap.expected === 'string' ? [gap.expected] : (gap.expected as string[]);
}

function gapsOf(file: string, article: number | undefined): KnownGap[] {
  return truth.knownGaps.filter((g) => g.file === file && (g.article ?? undefined) === article);
}

/** The raw text of a demo file as a reader of its bytes sees it (one page is GBK). */
function rawText(file: string): string {
  const bytes = readFileSync(join(documentsDir, file));
  const gbk = /charset=gbk/i.test(bytes.subarray(0, 300).toString('latin1'));
  return new TextDecoder(gbk ? 'gb18030' : 'utf-8').decode(bytes);
}

describe('the demo collection', () => {
  let library: Library;
  let summary: IngestSummary;
  /** Each stored document by the files it came from: "file" or "file#2" for a compilation's second article. */
  const byFile = new Map<string, StoredDocument>();

  before(async () => {
    library = await Library.open(join(tempDir(), 'demo.db'));
    summary = await library.ingest([documentsDir]);
    for (const { id } of await library.list()) {
      const doc = (await library.show(id))!;
      for (const source of doc.sources) {
        const place = source.compilation ? `#${source.compilation.position}` : '';
        byFile.set(basename(source.path) + place, doc);
      }
    }
  });
  after(() => library.close());

  it('takes in every file, and the truth names every file', () => {
    assert.deepEqual(summary.rejected, []);
    assert.deepEqual(readdirSync(documentsDir).sort(), Object.keys(truth.documents).sort());
  });

  it('plants every chrome string it checks for', () => {
    const all = Object.keys(truth.documents).map(rawText).join('\n');
    for (const chrome of truth.chrome) assert.ok(all.includes(chrome), `${chrome} stands in no demo file`);
  });

  const checkDocument = (file: string, article: number | undefined, facts: DocumentFacts): void => {
    const doc = byFile.get(article === undefined ? file : `${file}#${article}`);
    assert.ok(doc, `${file} ${article ?? ''} is stored`);
    const gaps = gapsOf(file, article);
    for (const field of FACT_FIELDS) {
      if (facts[field] === undefined || gaps.some((g) => g.field === field)) continue;
      const { holds, actual } = checkFact(doc, field, facts[field]);
      assert.ok(
        holds,
        `${file} ${article ?? ''} ${field}: expected ${JSON.stringify(facts[field])}, got ${JSON.stringify(actual)}`,
      );
    }
    for (const chrome of truth.chrome) {
      if (gaps.some((g) => g.field === 'chrome' && chromeOf(g).includes(chrome))) continue;
      assert.ok(chromeAbsent(doc, chrome), `${file} ${article ?? ''} still shows chrome ${chrome}`);
    }
  };

  for (const [file, facts] of Object.entries(truth.documents) as Array<[string, FileFacts]>) {
    const repostOf = facts.repostOf;
    if (repostOf !== undefined) {
      it(`links ${file} as another source of ${repostOf}`, () => {
        const original = byFile.get(repostOf);
        assert.ok(original, `${repostOf} is stored`);
        assert.equal(byFile.get(file), original, 'the repost is a source of the same document');
        const source = original.sources.find((s) => basename(s.path) === file);
        assert.equal(source?.title, facts.title);
        assert.equal(original.parsed.title, truth.documents[repostOf]!.title, 'the first file keeps its title');
      });
      continue;
    }
    it(`reads ${file} as it is`, () => {
      if (facts.encoding !== undefined) {
        const doc = byFile.get(file) ?? byFile.get(`${file}#1`);
        assert.equal(doc?.sources.find((s) => basename(s.path) === file)?.encoding, facts.encoding);
      }
      if (facts.compilation === undefined) return checkDocument(file, undefined, facts);
      const articles = facts.compilation.articles;
      const first = byFile.get(`${file}#1`);
      assert.equal(first?.compilation?.title, facts.compilation.title);
      assert.equal(first?.compilation?.count, articles.length);
      assert.equal(byFile.get(`${file}#${articles.length + 1}`), undefined, 'no article beyond the declared ones');
      // A compilation's year and paid part are the file's, told for every article.
      const shared = { year: facts.year, paid: facts.paid };
      articles.forEach((article, k) => checkDocument(file, k + 1, { ...shared, ...article }));
    });
  }

  it('keeps its known gaps listed while they are still wrong', () => {
    for (const gap of truth.knownGaps) {
      const doc = byFile.get(gap.article === undefined ? gap.file : `${gap.file}#${gap.article}`);
      assert.ok(doc, `${gap.file} is stored`);
      const holds =
        gap.field === 'chrome'
          ? chromeOf(gap).every((c) => chromeAbsent(doc, c))
          : checkFact(doc, gap.field, gap.expected).holds;
      assert.ok(!holds, `fixed: remove the known gap on ${gap.file} ${gap.field} from demo/truth.json`);
    }
  });

  it('finds a parallel set of lead headings in the outline, and no site by its name', async () => {
    const outline = await library.search('上下功夫', { scope: 'outline' });
    const seminar = byFile.get('2026-theory-study-seminar-speech.md')!;
    assert.ok(outline.hits.some((h) => h.id === seminar.id));
    for (const site of ['笔墨素材网', '公文荟', '案头文稿网', '知行文库']) {
      assert.equal((await library.search(site)).total, 0, `${site} is searchable`);
    }
  });

  it('never shows a reader without access a paid sentence of a demo document', async () => {
    let checked = 0;
    for (const doc of new Set(byFile.values())) {
      const { freeChars, paragraphs } = doc.parsed;
      if (freeChars === null) continue;
      const text = paragraphs.map((p) => p.text).join('\n');
      const paidSentence = text.slice(freeChars).match(/[^。\n]{12,}/)?.[0];
      if (!paidSentence || text.slice(0, freeChars).includes(paidSentence)) continue;
      const asReader = await library.search(paidSentence, { access: 'free' });
      assert.ok(!asReader.hits.some((h) => h.id === doc.id), `paid text of ${doc.parsed.title} matched for a reader`);
      checked++;
    }
    assert.ok(checked >= 5, `only ${checked} paid documents checked`);
  });
});
