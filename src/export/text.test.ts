import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generatedExportDocument, seedExportDocuments } from '../testing/export-documents.js';
import { prng } from '../testing/random-documents.js';
import {
  EXPORT_MEDIA_TYPE,
  MEMBERS_LINE,
  contentDisposition,
  documentToMarkdown,
  documentToText,
  exportFileName,
  type ExportDocument,
} from './index.js';
import { escapeMarkdown } from './markdown.js';

const unescapeMarkdown = (s: string) => s.replace(/\\(.)/g, '$1');
const headings = (doc: ExportDocument) => doc.paragraphs.filter((p) => p.level !== null);

const documents = [
  { name: 'a generated document', doc: generatedExportDocument(prng(26)) },
  ...seedExportDocuments().map((s) => ({ name: `seed ${s.file}: ${s.doc.title}`, doc: s.doc })),
];

for (const { name, doc } of documents) {
  describe(`text exports of ${name}`, () => {
    it('.txt: title, subtitle, a blank line, every paragraph on its own line in order, then the end', () => {
      const lines = documentToText(doc).replace(/\n$/, '').split('\n');
      const head = [doc.title, ...(doc.subtitle ? [`——${doc.subtitle}`] : []), ''];
      assert.deepEqual(lines.slice(0, head.length), head);
      const body = lines.slice(head.length, head.length + doc.paragraphs.length);
      assert.deepEqual(
        body,
        doc.paragraphs.map((p) => p.text),
      );
      const rest = lines.slice(head.length + doc.paragraphs.length);
      if (doc.truncated) assert.deepEqual(rest, ['', MEMBERS_LINE]);
      else assert.ok(rest.length === 0 || (rest[0] === '' && rest.includes(doc.signature ?? '')), rest.join('|'));
    });

    it('.txt outline: the headings alone, indented two full-width spaces a level', () => {
      const lines = documentToText(doc, { outlineOnly: true }).replace(/\n$/, '').split('\n');
      const start = doc.subtitle ? 3 : 2;
      const outline = lines.slice(start, start + headings(doc).length);
      assert.deepEqual(
        outline,
        headings(doc).map((h) => '\u3000\u3000'.repeat(h.level! - 1) + h.text),
      );
      assert.deepEqual(lines.slice(start + outline.length), doc.truncated ? ['', MEMBERS_LINE] : []);
    });

    it('.md: # title, headings one level down, paragraphs in order, every character literal', () => {
      const blocks = documentToMarkdown(doc).replace(/\n$/, '').split('\n\n');
      assert.equal(blocks[0], `# ${escapeMarkdown(doc.title)}`);
      const body = blocks.slice(doc.subtitle ? 2 : 1, (doc.subtitle ? 2 : 1) + doc.paragraphs.length);
      body.forEach((block, i) => {
        const p = doc.paragraphs[i]!;
        const marks = p.level === null ? '' : `${'#'.repeat(Math.min(p.level + 1, 6))} `;
        assert.ok(block.startsWith(marks), block);
        assert.equal(unescapeMarkdown(block.slice(marks.length)), p.text);
        if (p.level === null)
          assert.doesNotMatch(block, /^(#|>|[-+*]\s|\d+[.)])/, 'a body paragraph read as a block mark');
      });
      if (doc.truncated) assert.equal(blocks.at(-1), MEMBERS_LINE);
    });

    it('.md outline: a nested list, one step deeper at most, in order', () => {
      const blocks = documentToMarkdown(doc, { outlineOnly: true }).replace(/\n$/, '').split('\n\n');
      const list = blocks.find((b) => b.startsWith('- '));
      if (headings(doc).length === 0) return assert.equal(list, undefined);
      const items = list!.split('\n').map((line) => /^( *)- (.*)$/.exec(line)!);
      assert.deepEqual(
        items.map((m) => unescapeMarkdown(m[2]!)),
        headings(doc).map((h) => h.text),
      );
      let previous = -1;
      for (const m of items) {
        const depth = m[1]!.length / 2;
        assert.ok(Number.isInteger(depth) && depth <= previous + 1, `depth ${depth} after ${previous}`);
        previous = depth;
      }
    });
  });
}

describe('text exports', () => {
  const doc = generatedExportDocument(prng(3));

  it('end with the signature and the written date, or the members line when cut', () => {
    assert.match(documentToText(doc), /\n\n某某县人民政府\n2026年1月26日\n$/);
    assert.match(documentToMarkdown(doc), /\n\n某某县人民政府 {2}\n2026年1月26日\n$/);
    const cut = { ...doc, truncated: true };
    assert.ok(documentToText(cut).endsWith(`\n\n${MEMBERS_LINE}\n`));
    assert.ok(documentToMarkdown(cut).endsWith(`\n\n${MEMBERS_LINE}\n`));
    assert.ok(!documentToText(cut).includes('某某县人民政府'));
  });

  it('keep subtitles to one pair of dashes', () => {
    assert.match(documentToText({ ...doc, subtitle: '——在全县工作会议上的讲话' }), /^.+\n——在全县工作会议上的讲话\n/);
  });

  it('Markdown escaping gives back any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => unescapeMarkdown(escapeMarkdown(s)) === s));
  });
});

/** Titles with the characters that break file names: separators, dots, spaces, lone surrogates, any code point. */
const awkwardTitle = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('\ud800', '\udc00', '/', ':', '.', ' ', '\u3000', '<', '\u0000', '汇'),
    ),
    maxLength,
  });

describe('exportFileName', () => {
  const named = (title: string): ExportDocument => ({ ...generatedExportDocument(prng(1)), title });
  const exts = fc.constantFrom('docx' as const, 'txt' as const, 'md' as const);

  it('is always a safe, non-empty, bounded name with the extension', () => {
    fc.assert(
      fc.property(awkwardTitle(400), exts, fc.boolean(), (title, ext, outlineOnly) => {
        const name = exportFileName(named(title), ext, { outlineOnly });
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(name, /[/\\:*?"<>|\u0000-\u001f\u007f]/);
        assert.ok(name.endsWith(outlineOnly ? `（提纲）.${ext}` : `.${ext}`), name);
        const base = name.slice(0, -(ext.length + 1)).replace(/（提纲）$/, '');
        assert.ok(base.length > 0 && base.trim() === base && !base.endsWith('.'), JSON.stringify(name));
        assert.ok(Buffer.byteLength(name) <= 255, `${Buffer.byteLength(name)} bytes`);
        assert.ok(!/[\uD800-\uDBFF]$/.test(base), 'no half of a surrogate pair');
        assert.doesNotMatch(base, /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      }),
    );
  });

  it('keeps a plain title as it is', () => {
    assert.equal(exportFileName(named('关于全市理论宣讲工作汇报'), 'docx'), '关于全市理论宣讲工作汇报.docx');
    assert.equal(
      exportFileName(named('关于全市理论宣讲工作汇报'), 'md', { outlineOnly: true }),
      '关于全市理论宣讲工作汇报（提纲）.md',
    );
    assert.equal(exportFileName(named('a/b:c*d?"e"<f>|g'), 'txt'), 'a b c d e f g.txt');
    assert.equal(exportFileName(named('  ...  '), 'txt'), '文档.txt');
    assert.equal(exportFileName(named('CON'), 'txt'), 'CON_.txt');
  });
});

describe('contentDisposition', () => {
  it('is ASCII, gives the name back through filename*, and an ASCII filename beside it', () => {
    fc.assert(
      fc.property(awkwardTitle(200), fc.constantFrom('docx' as const, 'txt' as const, 'md' as const), (title, ext) => {
        const name = exportFileName({ ...generatedExportDocument(prng(2)), title }, ext);
        const header = contentDisposition(name);
        assert.match(header, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/, header);
        const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
        assert.equal(decodeURIComponent(encoded), name);
        const ascii = /filename="([^"]*)"/.exec(header)![1]!;
        assert.ok(ascii.endsWith(`.${ext}`) && !/[\\"]/.test(ascii), ascii);
      }),
    );
    assert.equal(
      contentDisposition('汇报.docx'),
      `attachment; filename="document.docx"; filename*=UTF-8''%E6%B1%87%E6%8A%A5.docx`,
    );
    assert.equal(EXPORT_MEDIA_TYPE.md, 'text/markdown; charset=utf-8');
  });
});
