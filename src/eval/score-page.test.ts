import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedDocument, ParsedFile } from '../core/document.js';
import { EVAL_TEST_FIXTURES } from '../testing/eval-fixtures.js';
import { COLUMNS } from './columns.js';
import { contentLines, type Fixture } from './fixture.js';
import { scorePage, type PageFacts } from './score-page.js';
import type { Figures } from './tally.js';

const summary = EVAL_TEST_FIXTURES[1]!;

/** A parse of `fixture` as a perfect parser would give it, to be spoiled one way per test. */
function perfect(fixture: Fixture, freeParagraphs: number | null = null): ParsedDocument {
  const paragraphs = contentLines(fixture).map((text) => ({ text, role: 'body' as const, level: null }));
  const outline = fixture.truth.outline.map(([level, text]) => ({
    level,
    kind: 'numbered' as const,
    text,
    paragraph: paragraphs.findIndex((p) => p.text.startsWith(text)),
  }));
  const freeChars =
    freeParagraphs === null
      ? null
      : paragraphs
          .slice(0, freeParagraphs)
          .map((p) => p.text)
          .join('\n').length;
  return {
    title: fixture.truth.title,
    rawTitle: fixture.truth.title,
    genre: fixture.truth.genre,
    year: fixture.truth.year,
    publishedAt: null,
    tags: [],
    subtitle: fixture.truth.subtitle,
    signature: fixture.truth.signature,
    signedAt: null,
    closingPaid: false,
    source: null,
    author: null,
    yearInferred: false,
    paragraphs,
    outline,
    freeChars,
    placeholders: [],
    restorations: [],
    removed: [],
  };
}

const file = (doc: ParsedDocument): ParsedFile => ({ compilation: null, documents: [doc], removed: [] });
const value = (f: Figures, key: string): number | null => COLUMNS.find((c) => c.key === key)!.value(f);
const noPaywall: PageFacts = { noise: ['温馨提示：登录m.example.com开通会员'], paid: null, meta: {} };
const lines = contentLines(summary);
const paywall: PageFacts = {
  noise: [],
  paid: { lastFreeParagraph: lines[2]!, firstPaidParagraph: lines[3]!, markerInside: false },
  meta: { publishedAt: '2023-05-06' },
};

describe('scorePage', () => {
  it('gives a perfect parse every figure in full', () => {
    const { figures, failures } = scorePage(
      summary,
      paywall,
      file({ ...perfect(summary, 3), publishedAt: '2023-05-06' }),
    );
    for (const key of ['content', 'title', 'genre', 'outlineP', 'outlineR', 'paid', 'metadata']) {
      assert.equal(value(figures, key), 1, key);
    }
    assert.deepEqual(failures.lostSentences, []);
  });

  it('counts a dropped sentence as content lost', () => {
    const doc = perfect(summary);
    doc.paragraphs[0] = { ...doc.paragraphs[0]!, text: doc.paragraphs[0]!.text.replace('现将有关情况总结如下：', '') };
    const { figures, failures } = scorePage(summary, noPaywall, file(doc));
    assert.ok(value(figures, 'content')! < 1);
    assert.deepEqual(failures.lostSentences, ['现将有关情况总结如下：']);
  });

  it('counts a surviving noise string, after normalization, as noise not removed', () => {
    const clean = scorePage(summary, noPaywall, file(perfect(summary)));
    assert.equal(value(clean.figures, 'noise'), 1);
    const doc = perfect(summary);
    doc.paragraphs.push({ text: '温馨提示：登录m.EXAMPLE.com 开通会员', role: 'body', level: null });
    const { figures, failures } = scorePage(summary, noPaywall, file(doc));
    assert.equal(value(figures, 'noise'), 0);
    assert.deepEqual(failures.survivingNoise, noPaywall.noise);
  });

  it('lowers outline precision and recall for a wrong level, and accepts a heading cut shorter', () => {
    const doc = perfect(summary);
    doc.outline[1] = { ...doc.outline[1]!, level: 3 };
    const { figures } = scorePage(summary, noPaywall, file(doc));
    assert.equal(value(figures, 'outlineP'), 4 / 5);
    assert.equal(value(figures, 'outlineR'), 4 / 5);
    const cut = perfect(summary);
    cut.outline[1] = { ...cut.outline[1]!, text: '（一）政务服务' };
    assert.equal(value(scorePage(summary, noPaywall, file(cut)).figures, 'outlineR'), 1);
  });

  it('counts a paid boundary one paragraph off as wrong, and a paywall where none is', () => {
    assert.equal(value(scorePage(summary, paywall, file(perfect(summary, 4))).figures, 'paid'), 0);
    assert.equal(value(scorePage(summary, paywall, file(perfect(summary, 2))).figures, 'paid'), 0);
    assert.equal(value(scorePage(summary, noPaywall, file(perfect(summary, 3))).figures, 'paid'), 0);
    assert.equal(value(scorePage(summary, noPaywall, file(perfect(summary))).figures, 'paid'), 1);
  });

  it('finds a boundary inside a sentence', () => {
    const text = lines[2]!;
    const at = text.indexOf('全面推行');
    const inside: PageFacts = {
      noise: [],
      paid: { lastFreeParagraph: text.slice(0, at), firstPaidParagraph: text.slice(at), markerInside: true },
      meta: {},
    };
    const doc = perfect(summary);
    doc.freeChars = lines.slice(0, 2).join('\n').length + 1 + at;
    assert.equal(value(scorePage(summary, inside, file(doc)).figures, 'paid'), 1);
    doc.freeChars += 2;
    assert.equal(value(scorePage(summary, inside, file(doc)).figures, 'paid'), 0);
  });

  it('scores a wrong title and genre, and compares subtitles without their dashes', () => {
    const speech = EVAL_TEST_FIXTURES[0]!;
    const doc = {
      ...perfect(speech),
      title: '在全县安全生产工作会议上的讲话-某某网',
      genre: '总结',
      subtitle: '——2024年2月10日',
    };
    const { figures, failures } = scorePage(speech, noPaywall, file(doc));
    assert.equal(value(figures, 'title'), 0);
    assert.equal(value(figures, 'genre'), 0);
    assert.equal(value(figures, 'subtitleSignature'), 1);
    assert.equal(failures.genre?.got, '总结');
  });

  it('counts a rejected page as its content lost', () => {
    const { figures } = scorePage(summary, paywall, null);
    assert.equal(value(figures, 'content'), 0);
    assert.equal(value(figures, 'title'), 0);
    assert.equal(value(figures, 'paid'), 0);
    assert.equal(value(figures, 'outlineR'), 0);
  });
});
