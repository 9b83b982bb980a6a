import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { readSource } from '../core/read/read-source.js';
import { EVAL_TEST_FIXTURES } from '../testing/eval-fixtures.js';
import { contentLines, type Fixture } from './fixture.js';
import { generatePage, pageSeed } from './generate.js';
import type { GeneratedPage } from './page.js';
import { HELD_OUT_TEMPLATES, TUNED_TEMPLATES } from './templates/index.js';
import type { HtmlLayout, SiteTemplate } from './templates/template.js';

// Messages name templates and fixtures only: a failing test must not print a held-out page.
const ALL = [...TUNED_TEMPLATES, ...HELD_OUT_TEMPLATES];
const pageOf = (f: Fixture, t: SiteTemplate): GeneratedPage => generatePage(f, t, pageSeed(t, f));

/** The page's markup or text, decoded. */
function rawOf(page: GeneratedPage, t: SiteTemplate): string {
  const gbk = t.layout.kind === 'html' && t.layout.gbk;
  return gbk ? iconv.decode(Buffer.from(page.bytes), 'gb18030') : new TextDecoder().decode(page.bytes);
}

/** The page as a reader sees it: decoded, tags stripped for HTML. */
function pageText(page: GeneratedPage, t: SiteTemplate): string {
  const raw = rawOf(page, t);
  if (t.layout.kind !== 'html') return raw;
  return raw
    .replace(/<[^>]*>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const noSpace = (s: string): string => s.replace(/\s/g, '');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page text without spaces and noise, and the offsets in it where noise stood. */
function stripNoise(page: GeneratedPage, t: SiteTemplate): { clean: string; marks: number[] } {
  const text = noSpace(pageText(page, t));
  const spans = page.noise.map(noSpace).sort((a, b) => b.length - a.length);
  const marks: number[] = [];
  let clean = '';
  let last = 0;
  for (const m of text.matchAll(new RegExp(spans.map(escape).join('|'), 'g'))) {
    clean += text.slice(last, m.index);
    marks.push(clean.length);
    last = m.index + m[0].length;
  }
  return { clean: clean + text.slice(last), marks };
}

describe('generatePage', () => {
  it('gives the same page for the same seed, and another for another seed', () => {
    for (const t of ALL) {
      const f = EVAL_TEST_FIXTURES[0]!;
      const a = generatePage(f, t, 42);
      assert.deepEqual(generatePage(f, t, 42), a, t.name);
      assert.notDeepEqual(generatePage(f, t, 43).bytes, a.bytes, t.name);
    }
  });

  it('keeps every content character of the fixture on the page', () => {
    for (const t of ALL) {
      for (const f of EVAL_TEST_FIXTURES) {
        const page = pageOf(f, t);
        const { clean } = stripNoise(page, t);
        // Some sites give the title only inside chrome (标题：…, a breadcrumb's last step): it is on the page.
        assert.ok(noSpace(pageText(page, t)).includes(noSpace(f.lines[0]!)), `${t.name} ${f.file} title`);
        for (const [i, line] of f.lines.entries())
          if (i > 0) assert.ok(clean.includes(noSpace(line)), `${t.name} ${f.file} line ${i}`);
      }
    }
  });

  it('puts every noise string on the page, and none that the document itself holds', () => {
    for (const t of ALL) {
      for (const f of EVAL_TEST_FIXTURES) {
        const page = pageOf(f, t);
        const text = noSpace(pageText(page, t));
        const own = noSpace(f.lines.join(''));
        assert.ok(page.noise.length > 0, `${t.name} ${f.file}`);
        page.noise.forEach((n, i) => {
          assert.ok(text.includes(noSpace(n)), `${t.name} ${f.file} noise ${i} on the page`);
          assert.ok(!own.includes(noSpace(n)), `${t.name} ${f.file} noise ${i} is not content`);
        });
      }
    }
  });

  it('places chrome before, inside and after the body across the fixtures', () => {
    for (const t of ALL) {
      const where = { before: false, inside: false, after: false };
      for (const f of EVAL_TEST_FIXTURES) {
        const { clean, marks } = stripNoise(pageOf(f, t), t);
        const lines = contentLines(f).map(noSpace);
        const last = lines[lines.length - 1]!;
        const start = clean.indexOf(lines[0]!);
        const end = clean.lastIndexOf(last) + last.length;
        assert.ok(start >= 0 && end > start, `${t.name} ${f.file} body found`);
        for (const at of marks) {
          if (at <= start) where.before = true;
          else if (at < end) where.inside = true;
          else where.after = true;
        }
      }
      assert.deepEqual(where, { before: true, inside: true, after: true }, t.name);
    }
  });

  it('states the paid boundary in the fixture’s own text, on both sides of the marker', () => {
    let paidPages = 0;
    for (const t of ALL) {
      for (const f of EVAL_TEST_FIXTURES) {
        const { paid } = pageOf(f, t);
        if (!paid) continue;
        paidPages++;
        const glue = paid.markerInside ? '' : '\u0002';
        const joined = contentLines(f).join(glue);
        assert.ok(joined.includes(paid.lastFreeParagraph + glue + paid.firstPaidParagraph), `${t.name} ${f.file}`);
      }
    }
    assert.ok(paidPages > 0, 'some page has a paywall');
  });

  it('writes HTML pages that parse, with a <title>, the title where the layout puts it and the body in the article', () => {
    for (const t of ALL.filter((t) => t.layout.kind === 'html')) {
      for (const f of EVAL_TEST_FIXTURES) {
        const page = pageOf(f, t);
        assert.match(page.fileName, /\.html$/);
        const { document } = parseHTML(rawOf(page, t));
        assert.ok((document.querySelector('title')?.textContent ?? '').length > 0, `${t.name} <title>`);
        const { titleElement = 'h1' } = t.layout as HtmlLayout;
        const titleSelector =
          titleElement === 'div' ? '.article-title' : titleElement === 'h2' ? 'h2' : 'h1:not(.logo)';
        // Some sites dress the title (【推荐】…, 1、…, …（精选5篇）): it still stands whole in the element.
        // A page with no title element names the document in its <title> alone.
        const shown =
          document.querySelector(titleSelector)?.textContent ?? document.querySelector('title')?.textContent ?? '';
        assert.ok(shown.includes(f.lines[0]!) && shown.length <= f.lines[0]!.length + 12, `${t.name} title`);
        let article = noSpace(document.querySelector('.content')?.textContent ?? '');
        // Longest first: a site's name may stand inside its watermark (<<范文选*网>>).
        for (const n of [...page.noise].sort((a, b) => b.length - a.length))
          article = article.split(noSpace(n)).join('');
        assert.ok(article.includes(noSpace(f.lines[f.lines.length - 1]!)), `${t.name} article`);
      }
    }
  });

  it('writes GBK pages with a meta charset that the reader decodes', async () => {
    const gbk = ALL.filter((t) => t.layout.kind === 'html' && t.layout.gbk);
    assert.ok(gbk.length > 0, 'some template is GBK');
    for (const t of gbk) {
      const f = EVAL_TEST_FIXTURES[1]!;
      const page = pageOf(f, t);
      assert.ok(!new TextDecoder().decode(page.bytes).includes(f.lines[0]!), `${t.name} is not UTF-8`);
      assert.match(Buffer.from(page.bytes).toString('latin1'), /charset="?gb(k|2312)/);
      const read = await readSource(page.fileName, page.bytes);
      assert.ok(read.ok && read.text.includes(f.lines[0]!), `${t.name} decodes`);
    }
  });

  it('gives every template its own name and site, and holds two out', () => {
    const names = ALL.map((t) => t.name);
    assert.equal(new Set(names).size, names.length);
    assert.equal(new Set(ALL.map((t) => t.site)).size, ALL.length);
    assert.ok(TUNED_TEMPLATES.length >= 10 && HELD_OUT_TEMPLATES.length === 2);
  });
});
