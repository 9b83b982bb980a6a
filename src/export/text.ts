/** The .txt download: plain lines a writer pastes anywhere, no marks. */
import {
  MEMBERS_LINE,
  closingLines,
  exportedParagraphs,
  subtitleLine,
  type ExportDocument,
  type ExportOptions,
} from './document.js';

/** An outline shows its levels by indentation: two full-width spaces a level, the width of a paragraph indent. */
export const OUTLINE_INDENT = '\u3000\u3000';

export function documentToText(doc: ExportDocument, options: ExportOptions = {}): string {
  const lines = [doc.title.trim()];
  const subtitle = subtitleLine(doc.subtitle);
  if (subtitle) lines.push(subtitle);
  lines.push('');
  for (const p of exportedParagraphs(doc, options)) {
    const depth = options.outlineOnly && p.level !== null ? Math.max(p.level - 1, 0) : 0;
    lines.push(OUTLINE_INDENT.repeat(depth) + p.text);
  }
  const { signature, date } = closingLines(doc, options);
  if (signature || date) lines.push('', ...[signature, date].filter((l): l is string => l !== null));
  if (doc.truncated) lines.push('', MEMBERS_LINE);
  return lines.join('\n') + '\n';
}
