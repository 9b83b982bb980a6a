import { removeLine, type SourceLine } from './source-lines.js';

/**
 * A 目录 a page floats beside or above the text, listing the document's own headings: the header line and
 * its items, each of which stands again further down as the heading it names. Items that name nothing later
 * are not a table of contents, and then nothing is removed.
 */
const TOC_HEADER = /^(?:本文|文章|全文)?目\s*录\s*[:：]?$/;
const MAX_ITEM = 60;

/** Without spaces and the leaders and page numbers a contents line may carry. */
function bare(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/[.…·．]+\d*$/, '');
}

/** Removes a floating 目录 (its header and items) from the lines after `from`, recorded as 'site-toc'. */
export function removeFloatingToc(lines: SourceLine[], from: number): void {
  for (let i = from + 1; i < lines.length; i++) {
    if (!TOC_HEADER.test(lines[i]!.text)) continue;
    const items: number[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j]!.text;
      if (text.length === 0) continue;
      if (text.length > MAX_ITEM) break;
      const key = bare(text);
      const later = lines.slice(j + 1).some((l) => l.text.length >= key.length && bare(l.text).startsWith(key));
      if (!later || key.length < 2) break;
      items.push(j);
    }
    if (items.length < 2) continue;
    removeLine(lines, i, 'site-toc');
    for (const k of items) removeLine(lines, k, 'site-toc');
    i = j - 1;
  }
}
