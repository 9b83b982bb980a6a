import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attr, docxParts, readParagraphs, readStyles, type DocxParagraph } from '../testing/docx-reading.js';
import { generatedExportDocument, longestSeedDocument, seedExportDocuments } from '../testing/export-documents.js';
import { prng } from '../testing/random-documents.js';
import { MEMBERS_LINE, documentToDocx, type ExportDocument, type ExportOptions } from './index.js';

async function read(doc: ExportDocument, options?: ExportOptions) {
  const parts = docxParts(await documentToDocx(doc, options));
  const styles = readStyles(parts.styles);
  return { parts, styles, paragraphs: readParagraphs(parts.document, styles) };
}

/** What the body must say, in order: nothing more, nothing less. */
function expectedLines(doc: ExportDocument, options: ExportOptions = {}): string[] {
  const lines = [doc.title, ...(doc.subtitle ? [`——${doc.subtitle}`] : []), ''];
  lines.push(...doc.paragraphs.filter((p) => !options.outlineOnly || p.level !== null).map((p) => p.text));
  if (doc.truncated) return [...lines, '', MEMBERS_LINE];
  if (options.outlineOnly) return lines;
  const date = /^(\d{4})-(\d\d)-(\d\d)/.exec(doc.publishedAt ?? '');
  const written = date ? `${date[1]}年${Number(date[2])}月${Number(date[3])}日` : null;
  const closing = [doc.signature, written].filter((l): l is string => l !== null);
  return closing.length > 0 ? [...lines, '', ...closing] : lines;
}

const generated = generatedExportDocument(prng(25));
const seed = longestSeedDocument();

describe('docx page', async () => {
  const { parts } = await read(seed);
  const sectPr = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(parts.document)![0];
  const n = (tag: string, name: string) => Number(attr(sectPr, tag, name));

  it('is A4 with the standard margins', () => {
    assert.equal(n('w:pgSz', 'w:w'), 11906);
    assert.equal(n('w:pgSz', 'w:h'), 16838);
    assert.deepEqual(
      ['w:top', 'w:bottom', 'w:left', 'w:right'].map((side) => n('w:pgMar', side)),
      [2098, 1984, 1588, 1474],
    );
  });

  it('holds 22 lines of 28 characters of body text', () => {
    const styles = readStyles(parts.styles);
    const body = styles.resolve(null);
    assert.equal(body.lineRule, 'exact');
    assert.equal(n('w:docGrid', 'w:linePitch'), body.line);
    const height = n('w:pgSz', 'w:h') - n('w:pgMar', 'w:top') - n('w:pgMar', 'w:bottom');
    const width = n('w:pgSz', 'w:w') - n('w:pgMar', 'w:left') - n('w:pgMar', 'w:right');
    assert.equal(Math.floor(height / body.line!), 22, 'lines a page');
    assert.ok(height - 22 * body.line! < 22, `22 lines fill the type area (${height - 22 * body.line!} twips left)`);
    // A character's advance in twips: its size (half-points × 10) plus the character spacing.
    const advance = body.size! * 10 + body.spacing!;
    assert.equal(Math.floor(width / advance), 28, 'characters a line');
    assert.ok(width - 28 * advance < 28, `28 characters fill the line (${width - 28 * advance} twips left)`);
    assert.equal(body.firstLine, 2 * advance, 'first-line indent of two characters');
  });

  it('numbers pages in the footer, odd on the right and even on the left', () => {
    assert.match(parts.settings, /<w:evenAndOddHeaders\/>/);
    const refs = [...sectPr.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]).sort();
    assert.deepEqual(refs, ['default', 'even']);
    const footers = Object.values(parts.footers);
    assert.equal(footers.length, 2);
    const sides = footers.map((f) => attr(f, 'w:jc', 'w:val')).sort();
    assert.deepEqual(sides, ['left', 'right']);
    for (const footer of footers) {
      assert.match(footer, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/, 'a PAGE field');
      assert.equal(attr(footer, 'w:sz', 'w:val'), '28', '4号');
      assert.equal(attr(footer, 'w:rFonts', 'w:eastAsia'), '宋体');
      assert.equal(attr(footer, 'w:rFonts', 'w:ascii'), '宋体', 'half-width 宋体 digits');
      const text = [...footer.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      assert.match(text, /^— .*—$/, 'the number between em dashes');
    }
  });

  it('names the Chinese faces for East Asian text, with fallbacks in the font table', () => {
    for (const m of parts.styles.matchAll(/<w:rFonts [^>]*>/g)) {
      assert.match(m[0], /w:eastAsia="[^"]+"/, m[0]);
      assert.match(m[0], /w:hint="eastAsia"/, m[0]);
    }
    assert.match(parts.fontTable, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
    assert.match(parts.fontTable, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });
});

/** Face, size and weight of a paragraph by what it is. */
function assertLooks(p: DocxParagraph, face: string, size: number, bold: boolean, what: string): void {
  const run = p.runs[0]!;
  assert.equal(run.format.eastAsia, face, `${what} face: ${p.text.slice(0, 20)}`);
  assert.equal(run.format.size, size, `${what} size`);
  assert.equal(run.format.bold ?? false, bold, `${what} weight`);
}

const HEADING_FACES: Record<number, [string, boolean]> = {
  1: ['黑体', false],
  2: ['楷体_GB2312', false],
  3: ['仿宋_GB2312', true],
  4: ['仿宋_GB2312', false],
};

for (const { name, doc } of [
  { name: 'a generated document', doc: generated },
  ...seedExportDocuments().map((s) => ({ name: `seed ${s.file}: ${s.doc.title}`, doc: s.doc })),
]) {
  describe(`docx of ${name}`, async () => {
    const { paragraphs, styles } = await read(doc);

    it('says the document’s text in order and nothing else', () => {
      assert.deepEqual(
        paragraphs.map((p) => p.text),
        expectedLines(doc),
      );
    });

    it('sets the title 2号 方正小标宋简体, centred, unindented, off the line grid', () => {
      assertLooks(paragraphs[0]!, '方正小标宋简体', 44, false, 'title');
      assert.equal(paragraphs[0]!.format.jc, 'center');
      assert.equal(paragraphs[0]!.format.firstLine, 0);
      assert.equal(paragraphs[0]!.format.snapToGrid, false);
      if (doc.subtitle) {
        assertLooks(paragraphs[1]!, '楷体_GB2312', 32, false, 'subtitle');
        assert.equal(paragraphs[1]!.format.jc, 'center');
        assert.equal(paragraphs[1]!.format.firstLine, 0);
      }
    });

    it('sets body and headings in their faces, 3号, indented two characters, on the line pitch', () => {
      const start = doc.subtitle ? 3 : 2;
      const indent = styles.resolve(null).firstLine!;
      assert.ok(indent > 600 && indent <= 640, `two characters, ${indent}`);
      doc.paragraphs.forEach((source, i) => {
        const p = paragraphs[start + i]!;
        if (source.level === null) {
          assert.equal(p.style, null);
          assertLooks(p, '仿宋_GB2312', 32, false, 'body');
        } else {
          assert.equal(styles.names[p.style!], `Heading ${Math.min(source.level, 6)}`, 'a built-in heading style');
          const [face, bold] = HEADING_FACES[Math.min(source.level, 4)]!;
          assertLooks(p, face, 32, bold, `level ${source.level}`);
        }
        assert.equal(p.format.firstLine, indent);
        assert.equal(p.format.line, 579);
        assert.equal(p.format.lineRule, 'exact');
      });
    });
  });
}

describe('docx variants', () => {
  it('sets a run-in heading’s text after its sentence in 仿宋, not bold', async () => {
    const { paragraphs } = await read(generated);
    const runIn = paragraphs.find((p) => p.runs.length === 2 && p.style === 'Heading4')!;
    assert.ok(runIn, 'a run-in heading');
    assert.match(runIn.runs[0]!.text, /^（\d）.+。$/);
    assert.equal(runIn.runs[1]!.format.eastAsia, '仿宋_GB2312');
    assert.equal(runIn.runs[1]!.format.bold ?? false, false);
  });

  it('an outline holds the headings alone', async () => {
    const { paragraphs, styles } = await read(generated, { outlineOnly: true });
    assert.deepEqual(
      paragraphs.map((p) => p.text),
      expectedLines(generated, { outlineOnly: true }),
    );
    const headings = paragraphs.slice(3);
    assert.equal(headings.length, generated.paragraphs.filter((p) => p.level !== null).length);
    for (const p of headings) assert.match(styles.names[p.style ?? ''] ?? '', /^Heading \d$/, p.text);
  });

  it('a truncated document ends with the members line and no signature', async () => {
    const cut = { ...generated, paragraphs: generated.paragraphs.slice(0, 4), truncated: true };
    const { paragraphs } = await read(cut);
    assert.equal(paragraphs.at(-1)!.text, MEMBERS_LINE);
    assert.ok(!paragraphs.some((p) => p.text === generated.signature));
    assert.deepEqual(
      paragraphs.map((p) => p.text),
      expectedLines(cut),
    );
  });

  it('puts signature and date at the end, right-aligned, the date starting two characters right of the signature', async () => {
    const doc = { ...generated, signature: '中共某某县委员会办公室' };
    const { paragraphs, styles } = await read(doc);
    const [blank, signature, date] = paragraphs.slice(-3);
    assert.equal(blank!.text, '');
    assert.deepEqual([signature!.text, date!.text], ['中共某某县委员会办公室', '2026年1月26日']);
    assert.deepEqual([signature!.format.jc, date!.format.jc], ['right', 'right']);
    const char = styles.resolve(null).firstLine! / 2;
    // Distances from the right edge of the type area to each line's first character; digits are half a character.
    const signatureStart = signature!.format.right! + 11 * char;
    const dateStart = date!.format.right! + 6.5 * char;
    assert.equal(signature!.format.right, 2 * char, '右空二字');
    assert.ok(
      Math.abs(signatureStart - dateStart - 2 * char) <= 1,
      `date starts two characters right: ${signatureStart} ${dateStart}`,
    );
  });
});

describe('docx of awkward text', () => {
  it('drops characters XML cannot hold and keeps the rest', async () => {
    const doc = {
      ...generated,
      title: 'A\u0001B\uFFFE',
      paragraphs: [{ text: '甲\u0000乙\ud800丙&<丁>', level: null }],
    };
    const { parts, paragraphs } = await read(doc);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(parts.document, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    assert.deepEqual(
      paragraphs.slice(0, 4).map((p) => p.text),
      ['AB', `——${generated.subtitle}`, '', '甲乙丙&<丁>'],
    );
  });
});
