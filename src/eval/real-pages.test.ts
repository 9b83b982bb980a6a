import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ParsedFile } from '../core/document.js';
import { copiedText } from './copied-text.js';
import { readRealPages, type RealPage } from './real-pages.js';
import { runPipeline } from './run-pipeline.js';
import { scorePage } from './score-page.js';

/**
 * Real pages of state organs' documents as their sites print them (eval/real, sources in SOURCES.md), each
 * as saved HTML and as the text a reader's copy of it gives: the page's own chrome must go, every line of
 * the document must stay, and the title and genre must be the document's.
 */
const pages = readRealPages();

function scored(page: RealPage, parsed: ParsedFile | null) {
  const fixture = {
    file: page.file,
    lines: [page.truth.title, ...page.truth.content],
    truth: {
      title: page.truth.title,
      genre: page.truth.genre,
      year: null,
      subtitle: null,
      signature: null,
      outline: [],
    },
  };
  const paid = page.truth.paid ? { ...page.truth.paid, markerInside: false } : null;
  return scorePage(fixture, { noise: page.truth.noise, paid, meta: {} }, parsed).failures;
}

for (const form of ['html', 'txt'] as const) {
  describe(`real pages as ${form === 'html' ? 'saved HTML' : 'copied text'}`, () => {
    let parsed = new Map<string, ParsedFile | null>();
    const pathOf = (page: RealPage): string => page.file.replace(/\.html$/, `.${form}`);
    before(async () => {
      // One batch, as a site's pages arrive together: the repetition signal sees them all.
      const files = pages.map((page) => ({
        path: pathOf(page),
        bytes: Buffer.from(form === 'html' ? page.html : copiedText(page.html), 'utf8'),
      }));
      parsed = await runPipeline(files);
    });

    it('holds at least ten pages', () => assert.ok(pages.length >= 10));

    for (const page of pages) {
      it(`${page.file}: the document whole, the page's chrome gone`, () => {
        const failures = scored(page, parsed.get(pathOf(page)) ?? null);
        assert.deepEqual(failures.lostSentences, [], 'content lost');
        assert.deepEqual(failures.survivingNoise, [], 'chrome kept');
        assert.equal(failures.title, undefined, `title: ${JSON.stringify(failures.title)}`);
        assert.equal(failures.genre, undefined, `genre: ${JSON.stringify(failures.genre)}`);
        assert.equal(failures.paid, undefined, failures.paid);
      });
    }
  });
}
