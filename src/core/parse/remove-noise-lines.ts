import { isAdLine } from '../clean/ad-signals.js';
import { SENTENCE_END } from '../clean/chars.js';
import { isRepeatedAcrossBatch, type LineStats } from '../clean/line-stats.js';
import { isSiteName, matchChrome } from '../clean/site-chrome.js';
import { isFrameLine } from './front-matter.js';
import { looksLikeHeading } from './headings.js';
import { removeLine, type SourceLine } from './source-lines.js';
import { cleanTitle } from './title.js';

export interface PageMetadata {
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  tags: string[];
}

/** A line this long is content, not furniture: it bounds the head and tail zones where boilerplate lives. */
const CONTENT_LINE = 50;
const LINK_LINE = 40;

/**
 * Removes whole-line noise (ads, site chrome, repeated titles, batch-repeated boilerplate) from every line
 * but the title line, collecting the page's date, source, author and tags on the way. Lines before the
 * title that no rule names are removed last, as 'before-title': nothing leaves without a record.
 */
export function removeNoiseLines(
  lines: SourceLine[],
  titleIndex: number,
  title: string | null,
  stats: LineStats,
): PageMetadata {
  const meta: PageMetadata = { publishedAt: null, source: null, author: null, tags: [] };
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const fromEnd = [...lines].reverse().findIndex((l) => l.text.length >= CONTENT_LINE);
  const lastContent = fromEnd < 0 ? -1 : lines.length - 1 - fromEnd;
  let inRelatedList = false;

  lines.forEach((line, i) => {
    const text = line.text;
    if (i === titleIndex || text.length === 0) return;
    // cleanTitle gives a part of its text, so only a line holding the title can repeat it (and the
    // suffix pattern is not tried on every line).
    if (title !== null && text.includes(title) && cleanTitle(text) === title) {
      return removeLine(lines, i, 'title-repeat');
    }
    const repeatedAcrossBatch = isRepeatedAcrossBatch(stats, text);
    if (isAdLine(text, { repeatedInFile: (counts.get(text) ?? 0) > 1, repeatedAcrossBatch })) {
      return removeLine(lines, i, 'ad-block');
    }
    const chrome = matchChrome(text, title);
    if (chrome) {
      meta.publishedAt ??= chrome.publishedAt ?? null;
      meta.source ??= chrome.source ?? null;
      meta.author ??= chrome.author ?? null;
      if (chrome.tags) meta.tags.push(...chrome.tags.filter((t) => !meta.tags.includes(t)));
      inRelatedList = chrome.kind === 'site-related';
      return removeLine(lines, i, chrome.kind);
    }
    const isLink = text.length <= LINK_LINE && !SENTENCE_END.test(text) && !looksLikeHeading(text);
    // A related list's items follow its header (mid-body on some sites); after the body any link line does.
    if (inRelatedList && isLink) return removeLine(lines, i, 'site-related');
    inRelatedList = false;
    // Repetition alone never cuts content: standard wording (各位代表：, 以上报告，请审议。) stands in many
    // documents. It cuts a line before the title, or a line after the body that is not a sentence.
    const outsideBody = i < titleIndex || (i > lastContent && !SENTENCE_END.test(text));
    if (repeatedAcrossBatch && outsideBody && !looksLikeHeading(text) && !isFrameLine(text)) {
      return removeLine(lines, i, 'boilerplate');
    }
    if (outsideBody && isSiteName(text)) return removeLine(lines, i, 'site-name');
    return undefined;
  });
  for (let i = 0; i < titleIndex; i++) if (lines[i]!.text) removeLine(lines, i, 'before-title');
  return meta;
}
