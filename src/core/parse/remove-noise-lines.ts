import { isAdLine } from '../clean/ad-signals.js';
import { SENTENCE_END } from '../clean/chars.js';
import { isRepeatedAcrossBatch, type LineStats } from '../clean/line-stats.js';
import { postLineOf } from '../clean/page-furniture.js';
import { isCommentsHeader, isSiteName, matchChrome } from '../clean/site-chrome.js';
import { isFrameLine } from './front-matter.js';
import { looksLikeHeading } from './headings.js';
import { menuRunLines } from './menu-runs.js';
import { wrapWidth } from './join-lines.js';
import { removeLine, type SourceLine } from './source-lines.js';
import { cleanTitle } from './title.js';

/** A short line that ends no sentence and is no heading: a link's text, a counter, a button. */
function isLinkLine(text: string): boolean {
  return text.length <= LINK_LINE && !SENTENCE_END.test(text) && !looksLikeHeading(text);
}

export interface PageMetadata {
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  tags: string[];
}

/** A document's publication note (GB/T 9704 附注: "（此件公开发布）"): its own, wherever a page puts it. */
const PUBLICATION_NOTE = /^[（(]此件[^（）()]{2,10}[)）]$/;
/** A line this long is content, not furniture: it bounds the head and tail zones where boilerplate lives. */
const CONTENT_LINE = 50;
const LINK_LINE = 40;
const ATTACHMENT_HEADER = /^(?:相关)?附件(?:列表|下载)?\s*[:：]?$/;
const SITE_OWNER = /^主办(?:单位)?[:：].{2,40}承办(?:单位)?[:：]/;
/** A line cut off with an ellipsis: an excerpt a list of other pages shows. */
const TEASER = /(?:…{1,2}|\.{3,6})\s*$/;
/** The end of a document itself, never page furniture: attachments, copies to, the print line, notes in brackets. */
const DOCUMENT_TAIL = /^(?:附件|附：|抄送|抄报|主送|印发|联系人|[（(]此件|[（(]联系|[（(]本文|\d+[.．、]\s*\S)/;

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
  // A hard-wrapped page has no line longer than its wrap width: its full lines are content.
  const contentLine = Math.min(CONTENT_LINE, wrapWidth(lines) ?? CONTENT_LINE);
  // A footer's ICP line runs long too: the body's last line is the last long one no chrome rule names.
  let lastContent = -1;
  for (let i = lines.length - 1; i >= 0 && lastContent < 0; i--) {
    const text = lines[i]!.text;
    if (text.length >= contentLine && matchChrome(text, title) === null) lastContent = i;
  }
  let inRelatedList = false;
  // A menu's items, one a line, in the page's head (before the body's first full line).
  const firstContent = lines.findIndex((l) => l.text.length >= contentLine && matchChrome(l.text, title) === null);
  const menu = menuRunLines(lines, firstContent < 0 ? lines.length : firstContent);
  // A long title printed over two lines ("国务院关于促进综合保税区" / "高水平开放高质量发展的若干意见").
  const titleHalves = new Set<number>();
  const bareTitle = title?.replace(/\s/g, '') ?? '';
  for (let i = 0; bareTitle.length > 0 && i + 1 < lines.length; i++) {
    const [a, b] = [lines[i]!.text, lines[i + 1]!.text];
    if (a.length > 0 && b.length > 0 && i !== titleIndex && `${a}${b}`.replace(/\s/g, '') === bareTitle) {
      titleHalves.add(i).add(i + 1);
    }
  }

  /** The rule that removes line i, or null to keep it; page facts are collected on the way. */
  const ruleFor = (text: string, i: number): string | null => {
    // cleanTitle gives a part of its text, so only a line holding the title can repeat it (and the
    // suffix pattern is not tried on every line).
    if (title !== null && text.includes(title) && cleanTitle(text) === title) return 'title-repeat';
    if (titleHalves.has(i)) return 'title-repeat';
    if (menu.has(i)) return 'site-menu';
    const repeatedAcrossBatch = isRepeatedAcrossBatch(stats, text);
    if (isAdLine(text, { repeatedInFile: (counts.get(text) ?? 0) > 1, repeatedAcrossBatch })) return 'ad-block';
    const chrome = matchChrome(text, title);
    if (chrome) {
      meta.publishedAt ??= chrome.publishedAt ?? null;
      meta.source ??= chrome.source ?? null;
      meta.author ??= chrome.author ?? null;
      if (chrome.tags) meta.tags.push(...chrome.tags.filter((t) => !meta.tags.includes(t)));
      inRelatedList = chrome.kind === 'site-related';
      return chrome.kind;
    }
    const isLink = isLinkLine(text);
    // A related list's items follow its header (mid-body on some sites); after the body any link line does.
    // An item's teaser, cut off with an ellipsis ("今年以来，我局认真贯彻……"), is the list's too.
    // A document's frame (its organ line, its date) ends a list that stood above the document.
    if (
      inRelatedList &&
      (isLink || TEASER.test(text)) &&
      !(isFrameLine(text) && i < lastContent) &&
      !PUBLICATION_NOTE.test(text)
    )
      return 'site-related';
    inRelatedList = false;
    // Repetition alone never cuts content: standard wording (各位代表：, 以上报告，请审议。) stands in many
    // documents. It cuts a line before the title, or a line after the body that is not a sentence.
    const outsideBody = i < titleIndex || (i > lastContent && !SENTENCE_END.test(text));
    if (repeatedAcrossBatch && outsideBody && !looksLikeHeading(text) && !isFrameLine(text)) return 'boilerplate';
    if (outsideBody && isSiteName(text)) return 'site-name';
    // A portal names who runs it under the page; a plan's 主办单位 line in the body is content.
    if (outsideBody && SITE_OWNER.test(text)) return 'site-footer';
    return null;
  };

  const rules = lines.map((line, i) => (i === titleIndex || line.text.length === 0 ? null : ruleFor(line.text, i)));
  // The body ends at its last kept sentence or full line. After it, once the page's furniture has begun, a
  // short line that ends no sentence is the page's too (share counts, reply stubs, related titles); the
  // document's own tail (signature, date, 附件, 抄送) stays.
  let bodyEnd = lastContent;
  rules.forEach((rule, i) => {
    const text = lines[i]!.text;
    if (rule === null && text.length > 0 && (text.length >= contentLine || SENTENCE_END.test(text))) bodyEnd = i;
  });
  // Under the body, once a comment section begins (its header, or a reply's poster and date), every line
  // left is a comment: replies are sentences, so the short-line rule below keeps them.
  const lastKeptLong = rules.reduce(
    (last, rule, i) => (rule === null && lines[i]!.text.length >= contentLine ? i : last),
    -1,
  );
  let inComments = false;
  rules.forEach((rule, i) => {
    const text = lines[i]!.text;
    if (i <= lastKeptLong || lastKeptLong < 0 || text.length === 0) return;
    if (inComments && rule === null) rules[i] = 'site-comments';
    else if (isCommentsHeader(text) || (rule === 'site-meta' && postLineOf(text)?.author)) inComments = true;
  });
  // "附件：" over a list of files with their sizes is the page's download box; over a document's own
  // attachment names (附件：1.…实施方案) it is the document's, and those lines name no file size.
  rules.forEach((rule, i) => {
    if (rule !== null || !ATTACHMENT_HEADER.test(lines[i]!.text)) return;
    const listed = lines.slice(i + 1).findIndex((l, k) => l.text.length > 0 && rules[i + 1 + k] !== 'site-download');
    const items = lines.slice(i + 1, listed < 0 ? lines.length : i + 1 + listed).filter((l) => l.text.length > 0);
    if (items.length > 0) rules[i] = 'site-download';
  });
  let tailBegun = false;
  rules.forEach((rule, i) => {
    const text = lines[i]!.text;
    if (i <= bodyEnd || text.length === 0) return;
    if (rule !== null) tailBegun = true;
    else if (tailBegun && isLinkLine(text) && !isFrameLine(text) && !DOCUMENT_TAIL.test(text)) rules[i] = 'after-body';
  });
  rules.forEach((rule, i) => {
    if (rule !== null) removeLine(lines, i, rule);
  });
  for (let i = 0; i < titleIndex; i++) if (lines[i]!.text) removeLine(lines, i, 'before-title');
  return meta;
}
