/** The .docx download: a document in the GB/T 9704-2012 layout, built in memory. */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import {
  MEMBERS_LINE,
  closingLines,
  exportedParagraphs,
  subtitleLine,
  type ExportDocument,
  type ExportOptions,
  type ExportParagraph,
} from './document.js';
import { STYLE, documentStyles, pageNumberFooters, runFont, sectionLayout } from './docx-styles.js';
import { finishPackage } from './docx-package.js';
import { FONT, ONE_CHAR } from './gbt9704.js';

/** Characters XML 1.0 cannot hold (control characters, lone surrogates): Word refuses a file with one. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlSafe(doc: ExportDocument): ExportDocument {
  const clean = (s: string) => s.replace(NOT_XML, '');
  return {
    ...doc,
    title: clean(doc.title),
    subtitle: doc.subtitle === null ? null : clean(doc.subtitle),
    signature: doc.signature === null ? null : clean(doc.signature),
    paragraphs: doc.paragraphs.map((p) => ({ text: clean(p.text), level: p.level })),
  };
}

export async function documentToDocx(source: ExportDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const doc = xmlSafe(source);
  const children = [...titleBlock(doc), ...exportedParagraphs(doc, options).map(paragraph), ...ending(doc, options)];
  const file = new Document({
    title: doc.title,
    creator: 'sucai',
    lastModifiedBy: 'sucai',
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(),
    sections: [{ properties: sectionLayout(), footers: pageNumberFooters(), children }],
  });
  return finishPackage(new Uint8Array(await Packer.toBuffer(file)), STYLE.title);
}

/** Title, the subtitle under it, then one empty line before the text (GB/T 9704 7.3.3). */
function titleBlock(doc: ExportDocument): Paragraph[] {
  const blocks = [new Paragraph({ style: STYLE.title, text: doc.title.trim() })];
  const subtitle = subtitleLine(doc.subtitle);
  if (subtitle) blocks.push(new Paragraph({ style: STYLE.subtitle, text: subtitle }));
  blocks.push(new Paragraph({}));
  return blocks;
}

/**
 * A heading paragraph that runs on into its text (（一）加强领导。各单位要……) gets the heading's face for
 * the heading sentence alone and 仿宋 for the rest, as writers set it by hand.
 */
function paragraph(p: ExportParagraph): Paragraph {
  if (p.level === null) return new Paragraph({ text: p.text });
  const style = STYLE.heading(p.level);
  const end = p.text.indexOf('。');
  if (end < 0 || end === p.text.length - 1) return new Paragraph({ style, text: p.text });
  const body = new TextRun({
    text: p.text.slice(end + 1),
    font: runFont(FONT.fangSong),
    bold: false,
    boldComplexScript: false,
  });
  return new Paragraph({ style, children: [new TextRun(p.text.slice(0, end + 1)), body] });
}

function ending(doc: ExportDocument, options: ExportOptions): Paragraph[] {
  if (doc.truncated) return [new Paragraph({}), new Paragraph({ style: STYLE.membersNote, text: MEMBERS_LINE })];
  const { signature, date } = closingLines(doc, options);
  if (!signature && !date) return [];
  const { signatureRight, dateRight } = closingIndents(signature, date);
  const lines = [new Paragraph({})];
  if (signature)
    lines.push(
      new Paragraph({ style: STYLE.signature, text: signature, indent: { firstLine: 0, right: signatureRight } }),
    );
  if (date) lines.push(new Paragraph({ style: STYLE.date, text: date, indent: { firstLine: 0, right: dateRight } }));
  return lines;
}

/** Width in 字: Chinese characters one, digits and Latin letters half. */
function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 && !/[—“”‘’…]/.test(ch) ? 0.5 : 1;
  return width;
}

/**
 * GB/T 9704 7.3.5.2: the signature 右空二字, the date under it starting two characters further right; when the
 * date is the longer, the date 右空二字 and the signature starts two characters right of the date.
 */
function closingIndents(signature: string | null, date: string | null): { signatureRight: number; dateRight: number } {
  const s = signature ? widthInChars(signature) : 0;
  const d = date ? widthInChars(date) : 0;
  if (!signature || !date) return { signatureRight: 2 * ONE_CHAR, dateRight: 2 * ONE_CHAR };
  if (s - d >= 2) return { signatureRight: 2 * ONE_CHAR, dateRight: Math.round((s - d) * ONE_CHAR) };
  return { signatureRight: Math.round(Math.max(0, d - s) * ONE_CHAR), dateRight: 2 * ONE_CHAR };
}
