/**
 * Site chrome around a scraped article: publication line, editor's intro, tag line, related-articles
 * list, copyright and footer. Dates and tags are kept as metadata; the rest is dropped.
 */

export type ChromeKind = 'site-meta' | 'site-intro' | 'site-tags' | 'site-related' | 'site-footer';

export interface ChromeMatch {
  kind: ChromeKind;
  publishedAt?: string;
  tags?: string[];
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const META_LABEL =
  /^(?:时间|发布时间|发表时间|日期|发布日期|更新时间|来源|作者|编辑|责任编辑|浏览|浏览次数|阅读|点击|字数)\s*[:：]/;
const INTRO =
  /小编|为大家(?:整理|收集|带来|分享|精心)|供大家(?:参考|借鉴|学习)|仅供参考|欢迎(?:阅读|借鉴|参考|下载)|希望(?:对|能)(?:大家|您|你)/;
const TAGS = /^(?:推荐访问|关键词|关键字|标签|tags?)\s*[:：]\s*(.*)$/i;
const RELATED =
  /^(?:相关文章|相关推荐|热门文章|猜你喜欢|延伸阅读|相关阅读|推荐阅读|上一篇|下一篇|最新文章|热门推荐)\s*[:：]?/;
const FOOTER = /版权所有|copyright|©|all rights reserved|未经(?:授权|许可)|powered by|icp备|icp证|公网安备|免责声明/i;

function pad(n: string | undefined): string {
  return (n ?? '0').padStart(2, '0');
}

/** Formats a matched date as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS". */
export function formatDate(m: RegExpMatchArray): string {
  const day = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return m[4] === undefined ? day : `${day} ${pad(m[4])}:${pad(m[5])}:${pad(m[6])}`;
}

/** Classifies one trimmed line as site chrome, or returns null for content. `title` drops itself from tag lists. */
export function matchChrome(line: string, title: string | null): ChromeMatch | null {
  if (META_LABEL.test(line) && line.length <= 120) {
    const date = line.match(DATE);
    return date ? { kind: 'site-meta', publishedAt: formatDate(date) } : { kind: 'site-meta' };
  }
  const tags = line.match(TAGS);
  if (tags) {
    const words = (tags[1] ?? '')
      .split(/[\s,，、;；|]+/)
      .map((w) => w.trim())
      .filter((w) => w.length > 0 && w !== title);
    return { kind: 'site-tags', tags: [...new Set(words)] };
  }
  if (RELATED.test(line) && line.length <= 20) return { kind: 'site-related' };
  if (FOOTER.test(line) && line.length <= 200) return { kind: 'site-footer' };
  if (INTRO.test(line) && line.length <= 160) return { kind: 'site-intro' };
  return null;
}
