/**
 * Labelled fields of a page's head or foot: "发布时间：2024-02-09  来源：某某厅  作者：某某  浏览：120",
 * "- **文件名称**：…" (markdown metadata). The facts worth keeping (date, source, author, title) are read;
 * values that name nobody (网友投稿, 本站, 小编) are not facts.
 */

export type FieldLabel = 'title' | 'date' | 'source' | 'author' | 'editor' | 'other';

export interface PageField {
  label: FieldLabel;
  value: string;
}

const LABELS: ReadonlyArray<readonly [FieldLabel, string]> = [
  ['title', '文件名称|文章标题|文件标题|原标题|标题|名称|题目'],
  [
    'date',
    '上传日期|收录时间|发布于|发布时间|发表时间|发布日期|发文日期|成文日期|印发日期|信息提供日期|生成日期|公开日期|更新时间|更新于|更新|上传时间|上传于|时间|日期',
  ],
  [
    'source',
    '本文来源|信息来源|文章来源|稿件来源|来源|发文机关|发文单位|发布机构|发布单位|发布机关|出处|转载自|转自|摘自|选自',
  ],
  ['author', '作者|撰稿|撰文|供稿|上传者|上传人|发布者|发布人'],
  ['editor', '责任编辑|编辑|责编|审核|校对|编审|录入|录入员'],
  [
    'other',
    '所属分类|文档价格|价格|文档大小|大小|访问人次|在线人数|浏览次数|浏览量|浏览|查看|回复|阅读次数|阅读量|阅读数|阅读|点击数|点击量|点击|访问次数|访问量|人气|字数|文号|发文字号|索引号|主题分类|分类|栏目|下载次数|下载量|评论|所属栏目|文档格式|文档页数|页数|下载积分|所需积分|积分|文档大小|文件大小|文件格式|格式|收藏数|粉丝量|公开方式|公开时限|公开范围|公开形式|公开属性|有效性|责任部门|组配分类|体裁分类|登记号',
  ],
];
const LABEL_OF = new Map<string, FieldLabel>(
  LABELS.flatMap(([label, words]) => words.split('|').map((w) => [w, label])),
);
const ANY_LABEL = LABELS.map(([, words]) => words).join('|');
/** A label where fields begin: at the line start or after a gap, in markdown bold or brackets, then a colon. */
const FIELD = new RegExp(
  // A colon after the label, or a bar as 公众号 write it (来源丨…); "发布于 2023-08-22" and "阅读 8263" (a
  // figure after a space) need none.
  `(?:^|[\\s|｜丨/·•]+|(?<=[:：]\\s*))(?:[-*+•·]\\s*)?(?:\\*\\*|__|【|\\[|（|\\()?(${ANY_LABEL})(?:\\*\\*|__|】|\\])?(?:\\s*[:：丨｜|]\\s*|(?<=发布于)\\s*|\\s+(?=\\d))(?:\\*\\*|__)?`,
  'g',
);
/** A label standing alone with its colon: a table's cell copied as a line, its value on the next. */
const LABEL_ALONE = new RegExp(`^(?:【|\\[)?(${ANY_LABEL})(?:】|\\])?\\s*[:：]$`);
/**
 * Government pages space a label out to the width of the longest (索 引 号：, 标\u3000\u3000题：): a run of
 * single Chinese characters parted by spaces, just before a colon. Its spaces are taken out before the
 * labels are looked for (a pattern spacing every label itself made field lines several times slower).
 */
const SPACED_WORD =
  /(^|[\s|｜丨/·•【[（(*_])([\u3400-\u9fff](?:\s{1,3}[\u3400-\u9fff]){1,6})(?=(?:\*\*|__|】|\])?\s*[:：])/g;

/** The line with its spaced-out labels closed up (see SPACED_WORD); values and every other space kept. */
function unspacedLabels(line: string): string {
  return line.replace(SPACED_WORD, (_, before: string, word: string) => before + word.replace(/\s/g, ''));
}

/** The label of a line that is a field's label alone ("索 引 号：", "发布机构："), spaces taken out; else null. */
export function labelAlone(line: string): string | null {
  const trimmed = line.trim();
  if (!trimmed.endsWith('：') && !trimmed.endsWith(':')) return null;
  const m = LABEL_ALONE.exec(unspacedLabels(trimmed));
  return m ? m[1]! : null;
}

/** Labels that also open lines of content (a notice's "时间：3月5日上午9时"): a field only beside another. */
export const AMBIGUOUS = new Set([
  '时间',
  '日期',
  '名称',
  '标题',
  '题目',
  '分类',
  '栏目',
  '评论',
  '阅读',
  '更新',
  '查看',
  '回复',
]);
/** An ambiguous label alone is still a field when its value is a counter (阅读：12746次) or a page date. */
const COUNTER_OR_DATE =
  /^\d[\d,.]*\s*(?:万|w|W|k|K)?\+?\s*(?:次|人|字)?$|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const BARE_DATE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const MARKDOWN_ITEM = /^[-*+•·]\s*(?:\*\*|__)/;
const NOBODY =
  /^(?:网友投稿|用户投稿|会员上传|网友上传|投稿|互联网|网络|网络整理|网络收集|本站|本站原创|本站整理|原创|转载|佚名|未知|不详|admin|管理员|小编|编辑部|站长)$/i;
const MAX_FIELDS_LINE = 160;
/**
 * What FIELD needs after a label (a colon or bar, 发布于, or a figure after a space): a line without any
 * is no field line, found without running FIELD.
 */
const MAY_HOLD_FIELD = /[:：丨｜|]|发布于|\s\d/;

/** Every labelled field of a line that is made of fields, or null for any other line. */
export function pageFields(given: string): PageField[] | null {
  if (given.length > MAX_FIELDS_LINE || !MAY_HOLD_FIELD.test(given)) return null;
  const line = unspacedLabels(given);
  const found = [...line.matchAll(FIELD)];
  const first = found[0];
  if (!first) return null;
  // A page date often leads its fields unlabelled: "2023年11月07日\u3000来源：网友投稿\u3000编辑：编辑部".
  const leadingDate = first.index === 0 ? null : line.slice(0, first.index).trim();
  if (leadingDate !== null && !BARE_DATE.test(leadingDate)) return null;
  const fields = found.map((m, k) => {
    const next = found[k + 1];
    const value = line.slice(m.index + m[0].length, next ? next.index : line.length);
    const word = m[1]!;
    return { word, label: LABEL_OF.get(word)!, value: value.replace(/(?:\*\*|__|[）)】\]])\s*$/, '').trim() };
  });
  if (leadingDate !== null) fields.unshift({ word: '日期', label: 'date', value: leadingDate });
  const alone = fields.length === 1 && !MARKDOWN_ITEM.test(line);
  if (alone && AMBIGUOUS.has(fields[0]!.word) && !COUNTER_OR_DATE.test(fields[0]!.value)) return null;
  return fields.map(({ label, value }) => ({ label, value }));
}

/** The one field of a single-field line ("- **文件名称**：…", "标题：…"), or null. */
export function metadataField(line: string): PageField | null {
  const fields = pageFields(line);
  if (fields?.length === 1) return fields[0]!;
  // An ambiguous label alone in markdown metadata form is still a field; so is a plain 标题： line (the
  // title finder reads it only among the page's head lines, where no content stands yet).
  const m = /^(?:[-*+•·]\s*(?:\*\*|__))?(标题|名称|题目)(?:\*\*|__)?\s*[:：]\s*(.+)$/.exec(line);
  return m ? { label: 'title', value: m[2]!.replace(/(?:\*\*|__)\s*$/, '').trim() } : null;
}

/** A field value that names a publisher or a person, not a placeholder of the site. */
export function namesSomebody(value: string): boolean {
  const v = value.trim();
  return v.length >= 2 && v.length <= 40 && !NOBODY.test(v) && !/^[\d\s:：/.-]+$/.test(v);
}
