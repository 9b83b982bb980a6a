/** Title cleanup and year: what the title of a 公文 tells. */
import { isSiteName } from '../clean/site-chrome.js';

/** A site's column a page title names between the title and the site ("标题_工作总结_某某网"). */
const COLUMN_WORD =
  /^(?:[\u4e00-\u9fff]{0,6}(?:范文|材料|大全|文件|频道|栏目|专题|专栏|资料|素材|文章|公文|文库|写作|精选)|工作总结|工作计划|心得体会|讲话稿|领导讲话|述职报告|思想汇报|调研报告|实施方案|工作方案|党建|党课)$/;
/** What page titles append to a document's title: "_免费阅读_Word下载", "-文档下载", "（完整版）". */
const PAGE_SUFFIX_WORD =
  /^(?:免费阅读|免费下载|在线阅读|全文阅读|阅读全文|Word下载|word下载|doc下载|DOC下载|文档下载|下载|范文|范文大全|精选|最新|完整版|全文|可编辑|word版|Word版)$/;
/** The last part of a page title after a separator (_ | ｜ - — –, runs of dashes as one). */
const LAST_PART = /\s*(?:_|\||｜|丨|-+|—+|–)\s*([^_|｜丨\-—–]*)$/;
/** The first part of a page title before a separator: "站名 - 标题" puts the site first. */
const FIRST_PART = /^([^_|｜丨\-—–]*?)\s*(?:_|\||｜|丨|-+|—+|–)\s*/;
/** A bracketed site or column name before a title: "【笔墨素材网】", "【精品范文】". */
const BRACKET_PREFIX = /^[【[〖][^【】[\]〖〗]{1,16}[】\]〗]\s*/;
/** A repost's or a column's word before a title: "转载：", "原创｜". */
const WORD_PREFIX = /^(?:转载|原创|推荐|最新|精选|热门|转|专题|文章标题)\s*[:：|｜]\s*/;
/** A page's dressing after a title: what the copy is (（通用版）, （word可编辑）, （转）), a picture flag, a ">>". */
const TRAILING_DRESSING =
  /\s*(?:[（(](?:完整版|通用版|通用|最新版?|word版|Word版|可编辑版?|[Ww]ord可编辑|精选|图|组图|多图|转|转载|原创|推荐)[)）]|[【[](?:完整版|精选|最新|word版|Word版|可编辑|范文|原创|推荐|转载|免费下载)[】\]]|\s原创|\s*>{2,}|\s*»|(?<=[\u4e00-\u9fff》])(?:docx?|DOCX?|pdf|PDF))$/;
/** A title framed by decoration: ★标题★, ☆标题☆, ◆标题◆. */
const FRAMED = /^([★☆◆◇■□●○♦※])\s*(.+?)\s*\1$/u;
/** What a page says after a title: 全文, 原文, a page date, a forum's [复制链接] button. */
const TRAILING_PAGE_WORD =
  /\s*(?:[（(](?:全文|原文|全文发布|全文如下|附全文|\d{4}-\d{1,2}-\d{1,2})[)）]|(?<=[》\u4e00-\u9fff])(?:全文|原文|全文发布|全文如下)|[[【](?:复制链接|复制标题|复制本帖链接|分享|收藏|打印)[\]】])$/;
const TRAILING_PUNCTUATION = /[。：:，,；;\s]+$/;

/**
 * The document's title out of a page title: "【站名】标题_免费阅读_Word下载", "标题_某某范文网",
 * "标题 | 某某网" → "标题". Each part after a separator is dropped only while it is a site name or a
 * page word, so a title holding a dash of its own keeps it.
 */
export function cleanTitle(title: string): string {
  let text = title.trim();
  const prefixed = BRACKET_PREFIX.exec(text);
  if (prefixed && text.length - prefixed[0].length >= 4) text = text.slice(prefixed[0].length);
  text = text.replace(WORD_PREFIX, '');
  const siteFirst = FIRST_PART.exec(text);
  if (siteFirst && isSiteName(siteFirst[1]!) && text.length - siteFirst[0].length >= 4) {
    text = text.slice(siteFirst[0].length);
  }
  let dropped = 0;
  for (let m = LAST_PART.exec(text); m; m = LAST_PART.exec(text)) {
    const last = m[1]!.replace(/[（(）)]/g, '');
    // A column name goes only with a site's name after it: "某某_工作总结" alone may be a title of its own.
    const column = dropped > 0 && COLUMN_WORD.test(last);
    if (!PAGE_SUFFIX_WORD.test(last) && !isSiteName(last) && !column) break;
    text = text.slice(0, m.index);
    dropped++;
  }
  text = text.replace(TRAILING_PAGE_WORD, '');
  // A title given in book-title marks whole: 《关于…的意见》.
  if (/^《[^《》]+》$/.test(text)) text = text.slice(1, -1);
  return (
    text
      // A file name: its extension, and the copy number a download or a second save adds ("标题 (2).doc").
      .replace(/(?:\s*[（(]\d{1,2}[)）])?\.(?:docx?|wps|pdf|txt)$/i, '')
      .replace(/\s+\(\d{1,2}\)$/, '')
      .replace(/\s+(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/, '')
      .replace(TRAILING_DRESSING, '')
      .replace(FRAMED, '$2')
      .replace(TRAILING_PUNCTUATION, '')
      .trim()
  );
}

/** True when a line carries page-title chrome around its cleaned title (a site suffix, a page word, a 【站名】). */
export function hasPageTitleChrome(line: string, cleaned = cleanTitle(line)): boolean {
  return cleaned !== line.replace(TRAILING_PUNCTUATION, '').trim();
}

/** Year named in the title ("2023年X局…"), if any. */
export function yearOf(title: string): number | null {
  const m = title.match(/((?:19|20)\d{2})\s*年/);
  return m ? Number(m[1]) : null;
}

const COMPILATION = /汇编|合集|合辑|[（(]\s*\d+\s*篇\s*[)）]|\d+\s*篇/;

/** A compilation title and the number of articles it declares ("材料汇编（12篇）" → 12). */
export function compilationOf(title: string): { declaredCount: number | null } | null {
  if (!COMPILATION.test(title)) return null;
  const n = title.match(/(\d+)\s*篇/);
  return { declaredCount: n ? Number(n[1]) : null };
}
