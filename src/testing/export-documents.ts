/**
 * Documents to export in tests: the shared seeds through the project's parser, cut at their free part as the
 * web cuts them, and generated ones with every heading level, a subtitle, a signature and awkward characters.
 */
import { parseFile } from '../core/parse/parse-file.js';
import { documentText, type ParsedDocument } from '../core/document.js';
import type { ExportDocument, ExportParagraph } from '../export/index.js';
import { readSeed, seedFiles } from './shared-seeds.js';

/** A parsed document as a reader without access gets it: paragraphs up to `freeChars`, the last one cut there. */
export function toExportDocument(doc: ParsedDocument): ExportDocument {
  let paragraphs: ExportParagraph[] = doc.paragraphs.map((p) => ({ text: p.text, level: p.level }));
  if (doc.freeChars !== null) {
    const free: ExportParagraph[] = [];
    let offset = 0;
    for (const p of paragraphs) {
      if (offset >= doc.freeChars) break;
      free.push({ text: p.text.slice(0, doc.freeChars - offset), level: p.level });
      offset += p.text.length + 1;
    }
    paragraphs = free;
  }
  return {
    title: doc.title,
    subtitle: doc.subtitle,
    signature: doc.signature,
    publishedAt: doc.publishedAt,
    paragraphs,
    truncated: doc.freeChars !== null && doc.freeChars < documentText(doc).length,
  };
}

/** Every article of every seed, with the seed's file name. */
export function seedExportDocuments(): Array<{ file: string; doc: ExportDocument }> {
  return seedFiles().flatMap((file) =>
    parseFile(readSeed(file)).documents.map((d) => ({ file, doc: toExportDocument(d) })),
  );
}

/** The longest free seed article: the one whose layout says most. */
export function longestSeedDocument(): ExportDocument {
  const docs = seedExportDocuments().map((s) => s.doc);
  const size = (d: ExportDocument) => d.paragraphs.reduce((n, p) => n + p.text.length, 0);
  return docs.reduce((best, d) => (size(d) > size(best) ? d : best));
}

const POOL = '党建学习教育工作总结推进落实政治责任思想理论宣讲群众服务基层组织干部作风制度创新发展质量安全改革';
/** Characters a writer's text carries that formats misread: quotes, dashes, Latin, digits, Markdown marks. */
const AWKWARD = ['“两个确立”', '——', '……', 'GDP增长5.2%', '*重点*', '_下划线_', '<b>', '[注]', 'A&B', '\\'];

/** A generated document: four heading levels, body under each, a subtitle, signature and date. */
export function generatedExportDocument(random: () => number, sections = 3): ExportDocument {
  const pick = (s: string, n: number) => Array.from({ length: n }, () => s[Math.floor(random() * s.length)]).join('');
  const sentence = () =>
    `${pick(POOL, 10 + Math.floor(random() * 30))}${random() < 0.3 ? AWKWARD[Math.floor(random() * AWKWARD.length)] : ''}。`;
  const body = () => ({ text: Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(''), level: null });
  const paragraphs: ExportParagraph[] = [body()];
  const numerals = '一二三四五六七八九十';
  for (let i = 0; i < sections; i++) {
    paragraphs.push({ text: `${numerals[i]}、${pick(POOL, 8)}`, level: 1 }, body());
    paragraphs.push({ text: `（${numerals[i]}）${pick(POOL, 10)}。`, level: 2 }, body());
    paragraphs.push({ text: `${i + 1}.${pick(POOL, 9)}。`, level: 3 }, body());
    // A run-in heading: its sentence, then the text on the same line.
    paragraphs.push({ text: `（${i + 1}）${pick(POOL, 6)}。${sentence()}`, level: 4 }, body());
  }
  return {
    title: `关于${pick(POOL, 8)}的工作报告`,
    subtitle: `2026年1月26日在全县${pick(POOL, 4)}工作会议上`,
    signature: '某某县人民政府',
    publishedAt: '2026-01-26 09:30:00',
    paragraphs,
    truncated: false,
  };
}
