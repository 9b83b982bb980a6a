/** The .md download: the title as `#`, headings one level below it, the outline as a nested list. */
import {
  MEMBERS_LINE,
  closingLines,
  exportedParagraphs,
  subtitleLine,
  type ExportDocument,
  type ExportOptions,
  type ExportParagraph,
} from './document.js';

/** Characters Markdown would read as marks, HTML or entities (&amp;) anywhere in a line. */
const INLINE_MARKS = /[\\`*_[\]<>~|&]/g;
/** Line starts Markdown would read as a heading, quote, list, rule or table. */
const BLOCK_START = /^(#|>|[-+=]|\d+[.)])/;

/** Text as Markdown shows it: every character literal, nothing read as a mark. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(INLINE_MARKS, (c) => `\\${c}`);
  return inline.replace(BLOCK_START, (m) => m.replace(/[#>\-+=.)]$/, (c) => `\\${c}`));
}

export function documentToMarkdown(doc: ExportDocument, options: ExportOptions = {}): string {
  const blocks = [`# ${escapeMarkdown(doc.title.trim())}`];
  const subtitle = subtitleLine(doc.subtitle);
  if (subtitle) blocks.push(escapeMarkdown(subtitle));
  const paragraphs = exportedParagraphs(doc, options);
  if (options.outlineOnly) {
    if (paragraphs.length > 0) blocks.push(outlineList(paragraphs));
  } else {
    for (const p of paragraphs) blocks.push(p.level === null ? escapeMarkdown(p.text) : heading(p.level, p.text));
  }
  const { signature, date } = closingLines(doc, options);
  const closing = [signature, date].filter((l): l is string => l !== null).map(escapeMarkdown);
  // Two trailing spaces: a line break inside one paragraph, so signature and date stay together.
  if (closing.length > 0) blocks.push(closing.join('  \n'));
  if (doc.truncated) blocks.push(MEMBERS_LINE);
  return blocks.join('\n\n') + '\n';
}

/** Level 1 is `##` under the title's `#`; Markdown stops at six. */
function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(Math.max(level + 1, 2), 6))} ${escapeMarkdown(text)}`;
}

/**
 * The outline as a nested list. A heading never sits more than one step deeper than the one before it
 * (一、 then 1. without （一）), or Markdown would read the deeper indentation as code.
 */
function outlineList(headings: ExportParagraph[]): string {
  const base = Math.min(...headings.map((h) => h.level ?? 1));
  let previous = -1;
  return headings
    .map((h) => {
      const depth = Math.min((h.level ?? base) - base, previous + 1);
      previous = depth;
      return `${'  '.repeat(depth)}- ${escapeMarkdown(h.text)}`;
    })
    .join('\n');
}
