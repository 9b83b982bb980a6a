/**
 * The .docx as LibreOffice lays it out: converted to PDF headless, then counted and read back. The layout is
 * the point of the format, so this checks the page, not only the XML: 22 lines of 28 characters, page numbers,
 * and every heading on the page.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { generatedExportDocument, longestSeedDocument } from '../testing/export-documents.js';
import { convertToPdf, missingPdfTools, pdfPageCount, pdfPages } from '../testing/libreoffice.js';
import { prng } from '../testing/random-documents.js';
import { tempDir } from '../testing/temp-dir.js';
import { documentToDocx, type ExportDocument } from './index.js';

const missing = missingPdfTools();

/** 25 characters and a full stop: with the two-character indent, exactly one full line of 28. */
const FULL_LINE = '坚持以学铸魂以学增智以学正风以学促干推动主题教育走深走'.slice(0, 25) + '。';

function gridDocument(paragraphs: number): ExportDocument {
  return {
    title: '排版网格检验',
    subtitle: null,
    signature: null,
    publishedAt: null,
    paragraphs: Array.from({ length: paragraphs }, () => ({ text: FULL_LINE, level: null })),
    truncated: false,
  };
}

/** Width in characters: digits and Latin letters half. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Lines the document takes at 28 characters a line (20 for the 2号 title), as tightly as text can pack. */
function idealLines(doc: ExportDocument): number {
  let lines = Math.ceil(width(doc.title) / 20) + 1;
  if (doc.subtitle) lines += Math.ceil(width(`——${doc.subtitle}`) / 28);
  for (const p of doc.paragraphs) lines += Math.ceil((width(p.text) + 2) / 28);
  if (doc.signature || doc.publishedAt) lines += 3;
  return lines;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('docx through LibreOffice', { skip: missing ? `${missing}: the PDF layout is not checked` : false }, () => {
  const dir = tempDir('sucai-export-pdf-');
  const seed = longestSeedDocument();
  const generated = generatedExportDocument(prng(9704), 6);
  const docs = {
    seed: { doc: seed, options: {} },
    outline: { doc: seed, options: { outlineOnly: true } },
    generated: { doc: generated, options: {} },
    grid22: { doc: gridDocument(20), options: {} },
    grid23: { doc: gridDocument(21), options: {} },
  } as const;
  const pdfs: Record<string, string> = {};

  before(async () => {
    const files: string[] = [];
    for (const [name, { doc, options }] of Object.entries(docs)) {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, await documentToDocx(doc, options));
      files.push(file);
    }
    // One soffice run for all files: its start-up is most of the time.
    convertToPdf(files, dir, join(dir, 'profile')).forEach((pdf, i) => (pdfs[Object.keys(docs)[i]!] = pdf));
  });

  it('fits 22 lines a page: title, blank line and 20 full lines make one page, one more line a second', () => {
    assert.equal(pdfPageCount(pdfs.grid22!), 1);
    assert.equal(pdfPageCount(pdfs.grid23!), 2);
  });

  it('fits 28 characters a line: each 28-character paragraph stays on one line', () => {
    const lines = pdfPages(pdfs.grid23!)
      .join('\n')
      .split('\n')
      .map(squeeze)
      .filter((l) => l !== '');
    assert.equal(lines.filter((l) => l === FULL_LINE).length, 21, lines.join('\n'));
  });

  for (const name of ['seed', 'generated'] as const) {
    it(`lays out the ${name} document in a plausible number of pages, with its title and every heading`, () => {
      const { doc } = docs[name];
      const ideal = Math.ceil(idealLines(doc) / 22);
      const pages = pdfPageCount(pdfs[name]!);
      // Line breaks rules (no 。 at a line start), headings kept with their text and widow control only add lines.
      assert.ok(
        pages >= ideal && pages <= Math.ceil((idealLines(doc) * 1.1) / 22) + 1,
        `${pages} pages for ${ideal} ideal`,
      );
      const text = squeeze(pdfPages(pdfs[name]!).join(''));
      assert.ok(text.includes(squeeze(doc.title)), 'the title');
      for (const h of doc.paragraphs.filter((p) => p.level !== null)) assert.ok(text.includes(squeeze(h.text)), h.text);
    });
  }

  it('numbers every page in the footer as — n —', () => {
    const pages = pdfPages(pdfs.seed!);
    assert.ok(pages.length > 1);
    pages.forEach((page, i) => assert.ok(squeeze(page).includes(`—${i + 1}—`), `page ${i + 1}`));
  });

  it('an outline shows the headings and none of the body', () => {
    const text = squeeze(pdfPages(pdfs.outline!).join(''));
    for (const p of seed.paragraphs) {
      if (p.level !== null) assert.ok(text.includes(squeeze(p.text)), p.text);
      else if (p.text.length > 12) assert.ok(!text.includes(squeeze(p.text).slice(0, 12)), p.text);
    }
  });
});
