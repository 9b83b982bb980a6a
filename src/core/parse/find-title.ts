import { isAdLine } from '../clean/ad-signals.js';
import { SENTENCE_END } from '../clean/chars.js';
import { isSiteWide, type LineStats } from '../clean/line-stats.js';
import { metadataField, pageFields } from '../clean/page-fields.js';
import { breadcrumbSteps, isSiteName, matchChrome } from '../clean/site-chrome.js';
import { genreOf } from './genres.js';
import { looksLikeHeading } from './headings.js';
import { menuRunLines } from './menu-runs.js';
import type { SourceLine } from './source-lines.js';
import { cleanTitle, hasPageTitleChrome } from './title.js';

/** Where the title was read: a plain line, a page title (标题_站名), a metadata field, a breadcrumb's last step. */
export type TitleForm = 'line' | 'page-title' | 'metadata' | 'breadcrumb';

interface TitleCandidate {
  index: number;
  title: string;
  form: TitleForm;
}

export interface TitleChoice {
  /** The line the title was read from. */
  index: number;
  title: string;
  form: TitleForm;
  /** Other lines that carry the same title in a page title or metadata field (removed as title repeats). */
  repeats: number[];
}

const MAX_TITLE = 80;
/** What joins a page title's site suffix to the title. */
const SEPARATED = /^\s*[-_|｜丨—–]/;
/** What joins a site's name to the title after it ("某某文库 - 标题"): a separator ending the part before. */
const SEPARATED_BEFORE = /\S\s*(?:[-_|｜丨–]|—+)\s*$/;
/** What stands only under a title: a dashed subtitle (——2023年3月5日在…上), a dated note (（2023年3月13日…通过）). */
const UNDER_TITLE = /^[—－–]{1,2}\s*\S|^[（(](?:19|20)\d{2}年|^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日在.{4,80}(?:上|时)$/;
/** A document number (国办发〔2018〕15号): it stands by the title, never as it. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fff]{1,12}\s*[〔［[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*\d{1,4}\s*号$/;
/** A notice sending another document: "关于印发《…》的通知", "转发…的通知". */
const SENDS = /(?:印发|转发|颁发|发布)[^，。]{2,60}的(?:通知|决定)$/;
/** Lines read before giving up on a title: page heads run long (banners, breadcrumbs, toolbars, metadata). */
const HEAD_LINES = 30;
/** How far into a page menus are looked for. */
const MENU_REACH = 300;
/** Breadcrumb steps that name the page, not the document. */
const GENERIC_STEP = /^(?:正文|内容|详情|详细内容|阅读|文章|查看|浏览|全文|内容页)$/;

/** A line that could be a title: short, no sentence inside, not a heading, a subtitle or a site's name. */
export function isTitleLike(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_TITLE &&
    !SENTENCE_END.test(text) &&
    !/[。！？]/.test(text) &&
    !/^[—－-]/.test(text) &&
    !DOCUMENT_NUMBER.test(text) &&
    !looksLikeHeading(text) &&
    !isSiteName(text)
  );
}

/** Where the body has begun: a long line, a numbered heading, or a sentence past a short notice's length. */
const BODY_LINE = 50;
const SHORT_LINE = 30;

/** A strip of links run onto one line: many short names parted by spaces or rules, no sentence among them. */
function isLinkStrip(text: string): boolean {
  if (/[，。；！？,;]/.test(text)) return false;
  const parts = text.split(/\s+|[—–-]{2,}/).filter((p) => p.length > 0);
  return parts.length >= 5 && parts.every((p) => p.length <= 12);
}

/** A site's name after a separator, as a page title ends: " - 某某网", "_某某文库", "｜某某". */
const SITE_SUFFIX = /\s*[-_|｜丨—–]\s*[^-_|｜丨—–\s]{1,16}$/;

/**
 * A long line naming a genre with no sentence in it, a site's name after it or not, is a long title (a
 * 国务院办公厅关于…的指导意见 runs past 50 characters), not the body.
 */
function isLongTitle(text: string): boolean {
  return isTitleLike(text) && (genreOf(text) !== null || genreOf(text.replace(SITE_SUFFIX, '')) !== null);
}

function isBodyLine(text: string): boolean {
  return (
    (text.length >= BODY_LINE && !isLongTitle(text)) ||
    looksLikeHeading(text) ||
    (!isTitleLike(text) && text.length > SHORT_LINE)
  );
}

/** Without spaces and punctuation: how two spellings of one title are compared. */
function bare(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** True when a hint names the same title as a line (a hint cut short with … names its start). */
function agrees(hint: string, title: string): boolean {
  const h = bare(hint);
  const t = bare(title);
  if (h.length === 0) return false;
  if (h === t) return true;
  return /(?:…|\.\.\.)$/.test(hint) && h.length >= 6 && t.startsWith(h);
}

/** The title a chrome line carries, if it carries one. */
function hintOf(text: string, index: number): TitleCandidate | null {
  // A field table copied as text gives one line of fields, the title among them (标题：…, its label spaced out).
  const field = metadataField(text) ?? pageFields(text)?.find((f) => f.label === 'title');
  if (field) {
    const title = cleanTitle(field.value);
    return field.label === 'title' && isTitleLike(title) ? { index, title, form: 'metadata' } : null;
  }
  // A toolbar of slashed words ("下载 / 打印 / 收藏") has a path's shape too: the chrome rules tell them apart.
  const steps = breadcrumbSteps(text);
  if (steps && matchChrome(text, null)?.kind === 'site-breadcrumb') {
    const last = cleanTitle(steps[steps.length - 1] ?? '');
    return last.length >= 6 && !GENERIC_STEP.test(last) ? { index, title: last, form: 'breadcrumb' } : null;
  }
  const title = cleanTitle(text);
  return hasPageTitleChrome(text, title) && isTitleLike(title) && title.length >= 4
    ? { index, title, form: 'page-title' }
    : null;
}

function isNoise(text: string, stats: LineStats): boolean {
  return (
    matchChrome(text, null) !== null ||
    isAdLine(text, { repeatedInFile: false, repeatedAcrossBatch: false }) ||
    isSiteWide(stats, text)
  );
}

/**
 * The document's own title: the line that the page's title, a metadata field or the breadcrumb agree on;
 * else the first title-like line before the body; else what a page title or metadata field says.
 * A breadcrumb alone never decides (its last step is often a column name). Null when nothing names one.
 */
export function findTitle(lines: readonly SourceLine[], stats: LineStats): TitleChoice | null {
  const hints: TitleCandidate[] = [];
  const plain: TitleCandidate[] = [];
  let read = 0;
  // A menu's items are read past (and not counted): a portal's head may hold a hundred of them.
  const menu = menuRunLines(lines, MENU_REACH);
  for (let i = 0; i < lines.length && read < HEAD_LINES; i++) {
    const text = lines[i]!.text;
    if (!text || menu.has(i)) continue;
    read++;
    const hint = hintOf(text, i);
    if (hint) {
      hints.push(hint);
      continue;
    }
    if (isNoise(text, stats) || isSiteName(text) || isLinkStrip(text)) continue;
    if (lines[i]!.paidStart || isBodyLine(text)) break;
    // A subtitle or a dated note stands under a title: once the page has offered one, the head is over.
    if ((plain.length > 0 || hints.length > 0) && UNDER_TITLE.test(text)) break;
    // A short line of the page's own (欢迎来到某某网！) does not end the head: the title may follow it.
    if (isTitleLike(text)) plain.push({ index: i, title: cleanTitle(text), form: 'line' });
  }
  // "标题-某某文稿" above "标题", or "某某文库 - 标题": a page title whose other part names a site of any name.
  for (const p of [...plain]) {
    const shorter = plain.find(
      (q) =>
        q !== p &&
        ((p.title.startsWith(q.title) && SEPARATED.test(p.title.slice(q.title.length))) ||
          (p.title.endsWith(q.title) && SEPARATED_BEFORE.test(p.title.slice(0, -q.title.length)))),
    );
    if (!shorter) continue;
    plain.splice(plain.indexOf(p), 1);
    hints.push({ index: p.index, title: shorter.title, form: 'page-title' });
  }
  const strong = hints.filter((h) => h.form !== 'breadcrumb');
  // A breadcrumb ending in a title ("您的位置：首页 > 政策文件 > 关于…的通知"): what stands above it is the
  // site's banner, not the title; what stands under it may be the title again, or already the body.
  const crumb = hints.find((h) => h.form === 'breadcrumb' && isTitleLike(h.title) && h.title.length >= 6);
  const below = crumb ? plain.filter((p) => p.index > crumb.index) : plain;
  const crumbDecides = crumb !== undefined && (genreOf(crumb.title) !== null || below.length === 0);
  // Agreed on by the page's title, else the first that names a genre (a 公文's title does), else the first.
  const chosen =
    plain.find((p) => hints.some((h) => agrees(h.title, p.title))) ??
    // A 标题： field says outright what an unconfirmed short line only might be (a 印发 notice's plan title).
    strong.find((h) => h.form === 'metadata') ??
    // A page title naming a genre above every plain line ("【推荐】…的通知" over a 手机阅读 button, or over
    // the plan the notice sends); under an unknown line it may be the site's, and the line decides.
    strong.find((h) => genreOf(h.title) !== null && h.index < (below[0]?.index ?? Infinity)) ??
    // A 印发 notice that only the breadcrumb names, over the plan it sends: the notice is the document (its
    // 文号, addressees and signature stand above the plan's title, which is its content).
    (crumb !== undefined && SENDS.test(crumb.title) && below.some((p) => bare(crumb.title).includes(bare(p.title)))
      ? crumb
      : undefined) ??
    below.find((p) => genreOf(p.title) !== null) ??
    // The page's heading and the article's own first line, a field line between: printed twice, close by.
    plain.find((p) => plain.some((q) => q !== p && q.title === p.title && Math.abs(q.index - p.index) <= 3)) ??
    (crumbDecides ? crumb : undefined) ??
    below[0] ??
    strong[0] ??
    plain[0];
  if (!chosen) return null;
  // A breadcrumb that names the title is still a breadcrumb: the chrome rules remove it under that name.
  const repeats = strong.filter((h) => h.index !== chosen.index && agrees(h.title, chosen.title)).map((h) => h.index);
  return { ...chosen, repeats };
}
