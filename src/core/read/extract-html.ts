import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PAID_MARK } from '../clean/chars.js';
import { pageFields } from '../clean/page-fields.js';
import { markPaywall } from '../clean/paywall.js';
import { isSiteName } from '../clean/site-chrome.js';

const BLOCK = /^(P|DIV|LI|H[1-6]|TR|BLOCKQUOTE|SECTION|ARTICLE|PRE|TD|DD|DT)$/;
const DROP = 'script, style, noscript, nav, header, footer, aside, iframe, template';
/**
 * A form is a search box or a login, but a site CMS may wrap the article itself in one (博达's
 * `<form name="_newscontent_fromname">`): a form is dropped only while it holds little text and no paragraph.
 */
const FORM_TEXT_MAX = 200;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function blockText(node: DomNode, out: string[]): void {
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i]!;
    if (child.nodeType === 3) out.push((child.textContent ?? '').replace(/[ \t\r\n]+/g, ' '));
    else if (child.nodeType === 1) {
      if (child.nodeName === 'BR') out.push('\n');
      const block = BLOCK.test(child.nodeName);
      if (block) out.push('\n');
      blockText(child, out);
      if (block) out.push('\n');
    }
  }
}

interface ElementLike {
  id: string;
  className: string;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  closest(selector: string): unknown;
}

/** An <h1> that is the site's logo: an image, a link home, a logo class, or in the page header. */
function isLogo(h1: ElementLike): boolean {
  const home = h1.querySelector('a')?.getAttribute('href') ?? null;
  return (
    h1.querySelector('img') !== null ||
    /logo|brand|site/i.test(`${h1.id} ${h1.className}`) ||
    (home !== null && /^(?:\/|\.\/|https?:\/\/[^/]+\/?)$/.test(home)) ||
    // An article's own <header> holds its title; only the page's header holds the logo.
    (h1.closest('header') !== null && h1.closest('article, main') === null)
  );
}

/** A heading's text on one line: markup's white space collapsed, an ideographic space (a title's own) kept. */
function headingText(text: string | null): string {
  return (text ?? '').replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
}

/** Spaced dashes, underscores and bars join a page title's parts; an unspaced dash or —— may be the title's own. */
const TITLE_PARTS = /\s+[-–—|｜丨]\s+|\s*[_|｜丨]\s*/;

function longestPart(title: string): string | null {
  const all = title
    .split(TITLE_PARTS)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // "政府工作报告 - 某某市人民政府门户网站": the site's name may be the longer part.
  const named = all.filter((p) => !isSiteName(p));
  const parts = named.length > 0 ? named : all;
  return parts.reduce<string | null>((best, p) => (best === null || p.length > best.length ? p : best), null);
}

/** What a list page or a download adds around a title: a list number, 【推荐】, （精选5篇）, (2), .docx. */
const DECORATION =
  /^(?:\d{1,2}\s*[、.．]\s*|[【[][^【】[\]]{1,6}[】\]]\s*)?$|^\s*(?:[（(](?:精选|最新|热门|优秀)?\s*\d{1,2}\s*篇[)）]|[（(]\d{1,2}[)）])?(?:\.(?:docx?|wps|pdf))?$/i;

/**
 * A heading dressed with a list number or a count the page's <title> does not carry ("1、标题" over a
 * <title> of "标题_站名"): where the two agree on the words, the <title>'s plain form is the title.
 */
function undecorated(heading: string, pageTitle: string): string {
  for (const part of pageTitle.split(TITLE_PARTS).map((p) => p.trim())) {
    const at = part.length >= 4 && part !== heading ? heading.indexOf(part) : -1;
    if (at < 0) continue;
    if (DECORATION.test(heading.slice(0, at)) && DECORATION.test(heading.slice(at + part.length))) return part;
  }
  return heading;
}

function linesOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  blockText(document.body as unknown as DomNode, out);
  return trimmedLines(out.join(''));
}

/** The text's lines trimmed, empty ones left out: what a page's blocks read as, one a line. */
export function trimmedLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** Elements a page's date line stands in, at most this long: a line of fields, not a paragraph. */
const FIELDS_ELEMENTS = 'div, p, span, li, time, small, em';
const MAX_FIELDS_TEXT = 160;

/**
 * The page's own line of fields with a date ("时间：2025-08-19 18:18 来源：… 阅读：…"), before Readability
 * drops it as chrome: the cleaner records it as removed and keeps its date, source and author as metadata.
 */
function pageFieldsLines(document: {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}): string[] {
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll(FIELDS_ELEMENTS))) {
    const text = oneLine(el.textContent ?? '');
    if (text.length === 0 || text.length > MAX_FIELDS_TEXT) continue;
    if (pageFields(text)?.some((f) => f.label === 'date')) found.push(text);
  }
  return found;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Readability's pick, as a share of the page's text, below which it missed the article. */
const MIN_ARTICLE_SHARE = 0.2;
const MIN_PAGE_TEXT = 500;

/** Boxes a 文库 page shows its paywall in: a fold (还剩3页未读，继续阅读), a VIP mask, a button row. */
const NOTICE_BOXES = 'div, section, p, span, a, button';
const MAX_NOTICE = 80;

interface BoxLike {
  innerHTML: string;
  textContent: string | null;
  parentNode: { childNodes: ArrayLike<{ nodeType: number; textContent: string | null }> } | null;
  closest(selector: string): unknown;
  replaceWith(node: unknown): void;
}

/** True when a whole text is a paywall notice: marking it leaves nothing but the boundary. */
function isNoticeText(text: string): boolean {
  if (text.length === 0 || text.length > MAX_NOTICE) return false;
  const marked = markPaywall(text, false);
  return marked.begins && marked.line.trim() === PAID_MARK;
}

/**
 * A paywall notice in a box of its own looks like chrome to Readability, which drops it, and the free part's
 * end goes with it. The outermost such box becomes a plain paragraph of its text, which Readability keeps and
 * the paywall rule reads. A notice inside a paragraph's running text is left where it is: it joins the text.
 */
function keepPaywallBoxes(document: {
  querySelectorAll(selector: string): ArrayLike<unknown>;
  createElement(tag: string): { textContent: string | null };
}): void {
  const boxes = Array.from(document.querySelectorAll(NOTICE_BOXES)) as BoxLike[];
  const notices = new Map<BoxLike, string>();
  for (const box of boxes) {
    // Its characters without spaces bound its line's length: a box longer than a notice is not parsed again.
    const bare = (box.textContent ?? '').replace(/\s+/g, '').length;
    if (bare === 0 || bare > MAX_NOTICE) continue;
    const text = oneLine(linesOf(box.innerHTML).replace(/\n/g, ' '));
    if (isNoticeText(text)) notices.set(box, text);
  }
  for (const [box, text] of notices) {
    const inline =
      box.closest('p') !== box && box.closest('p') !== null
        ? true
        : Array.from(box.parentNode?.childNodes ?? []).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
    const outer = [...notices.keys()].some(
      (other) => other !== box && (other as unknown as { contains(n: unknown): boolean }).contains(box),
    );
    if (inline || outer) continue;
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    box.replaceWith(paragraph);
  }
}

/**
 * The main text of an HTML page, paragraphs as lines, title first: Readability over a linkedom document,
 * falling back to the body without navigation, scripts and footers.
 */
export function extractHtml(html: string): string {
  const { document } = parseHTML(html);
  const pageTitle = document.title ?? '';
  // Government sites name the article in <meta name="ArticleTitle"> (政府网站发展指引, 2017).
  const declared = headingText(document.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content') ?? '');
  // Many sites make their logo the <h1>: a heading that names the site is no title. A portal may give its
  // organ's name an <h1> too: the heading the page's title or declared title agrees with comes first.
  const headings = [...document.querySelectorAll('h1')]
    .filter((h) => !isLogo(h as unknown as ElementLike))
    .map((h) => headingText(h.textContent))
    .filter((t) => t.length > 0 && !isSiteName(t));
  const heading =
    headings.find((t) => t === declared || (t.length >= 4 && pageTitle.includes(t) && pageTitle !== t)) ?? headings[0];
  // 公众号 and news pages name the article in og:title while <title> may name only the platform.
  const og = headingText(document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '');
  // Without an <h1>, an <h2> the page's <title> holds is the article's (a blog's name is its <h1>).
  const subheading = [...document.querySelectorAll('h2')]
    .map((h) => headingText(h.textContent))
    .find((t) => t.length >= 4 && !isSiteName(t) && (pageTitle.includes(t) || (og.length > 0 && og === t)));
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  for (const form of [...document.querySelectorAll('form')]) {
    const text = (form.textContent ?? '').replace(/\s+/g, '');
    const paragraph = [...form.querySelectorAll('p')].some((p) => (p.textContent ?? '').trim().length >= 20);
    if (text.length < FORM_TEXT_MAX && !paragraph) form.remove();
  }
  const fieldsLines = pageFieldsLines(document);
  keepPaywallBoxes(document as never);
  // Readability changes the document it reads: the whole page's text is taken first.
  const wholePage = linesOf(document.body?.innerHTML ?? '');
  let body: string | null = null;
  let articleTitle: string | null = null;
  try {
    const article = new Readability(document as never, { charThreshold: 50 }).parse();
    if (article?.content) body = linesOf(article.content);
    articleTitle = article?.title?.trim() || null;
  } catch {
    body = null;
  }
  // Without a heading: the longest part of the page's <title> ("站名 - 栏目 - 标题"), else Readability's pick.
  const dressed = heading ?? subheading;
  const chosen =
    (dressed ? undecorated(dressed, pageTitle) : null) ??
    (declared || null) ??
    (og || null) ??
    longestPart(pageTitle) ??
    articleTitle ??
    '';
  // A page laid out in tables may leave Readability a scrap (its footer): the whole page is then the text,
  // and the cleaner takes its chrome off as it does a copied page's.
  if (!body || (body.length < wholePage.length * MIN_ARTICLE_SHARE && wholePage.length > MIN_PAGE_TEXT)) {
    body = wholePage;
  }
  const title = headingText(chosen);
  const lines = body.split('\n');
  if (title && lines[0]?.trim() === title) lines.shift();
  else if (dressed && dressed !== title) {
    // The dressed heading stands in the body among the page's head lines: the title line replaces it.
    const at = lines.slice(0, 12).findIndex((l) => l.trim() === dressed);
    if (at >= 0) lines.splice(at, 1);
  }
  // The page's date line, when Readability dropped it, goes back at the head, where page fields are looked
  // for. A line the body still holds is left where it is: it may be content (会议时间：… in a 会议通知).
  const kept = lines.map(oneLine).join('\n');
  const dropped = fieldsLines.find((l) => !kept.includes(l));
  if (dropped !== undefined) lines.unshift(dropped);
  return title ? `${title}\n\n${lines.join('\n')}` : lines.join('\n');
}
