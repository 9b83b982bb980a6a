import type { Rng } from '../prng.js';

/** Pools and small helpers the site templates share: dates, counters, people, other pages' titles. */

const UNITS = [
  '市委办公室',
  '县财政局',
  '区教育局',
  '镇党委',
  '市场监管局',
  '街道办事处',
  '县人社局',
  '市税务局',
  '区卫健委',
];
const TOPICS = [
  '基层党建',
  '乡村振兴',
  '安全生产',
  '优化营商环境',
  '作风建设',
  '意识形态',
  '信访维稳',
  '生态环境保护',
  '民生实事',
  '人才',
];
const ENDINGS = ['工作总结', '工作汇报', '实施方案', '调研报告', '经验材料', '工作要点', '述职报告'];

/** A plausible title of another page on the site (for 上一篇, 相关推荐 and sidebars). */
export function otherTitle(rng: Rng, year: number): string {
  const topic = rng.pick(TOPICS);
  switch (rng.int(0, 4)) {
    case 0:
      return `${rng.pick(UNITS)}${year}年${topic}${rng.pick(ENDINGS)}`;
    case 1:
      return `在全${rng.pick(['市', '县', '区'])}${topic}工作会议上的讲话`;
    case 2:
      return `关于${topic}情况的调研报告`;
    case 3:
      return `${topic}专题研讨发言材料`;
    default:
      return `${year}年${topic}心得体会（${rng.int(3, 12)}篇）`;
  }
}

export function otherTitles(rng: Rng, year: number, n: number): string[] {
  const seen = new Set<string>();
  while (seen.size < n) seen.add(otherTitle(rng, year));
  return [...seen];
}

/** A page date in the document's year. */
export interface PageDate {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

export function pageDate(rng: Rng, year: number): PageDate {
  return { y: year, m: rng.int(1, 12), d: rng.int(1, 28), hh: rng.int(7, 22), mm: rng.int(0, 59), ss: rng.int(0, 59) };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "YYYY-MM-DD", the model's date form. */
export function isoDay(d: PageDate): string {
  return `${d.y}-${two(d.m)}-${two(d.d)}`;
}

/** "YYYY-MM-DD HH:MM:SS", the model's timestamp form. */
export function isoTime(d: PageDate): string {
  return `${isoDay(d)} ${two(d.hh)}:${two(d.mm)}:${two(d.ss)}`;
}

export function cnDay(d: PageDate): string {
  return `${d.y}年${two(d.m)}月${two(d.d)}日`;
}

export function slashMinute(d: PageDate): string {
  return `${d.y}/${two(d.m)}/${two(d.d)} ${two(d.hh)}:${two(d.mm)}`;
}

export function views(rng: Rng): number {
  return rng.int(86, 48000);
}

const EDITORS = ['admin', '小编', '李文静', '王海', '编辑部', '周晓', '素材君', '陈一'];
export const editor = (rng: Rng): string => rng.pick(EDITORS);

const SOURCES = ['网络整理', '网友投稿', '原创', '会员上传', '本站整理'];
export const sourceName = (rng: Rng): string => rng.pick(SOURCES);

const REPORTERS = ['张建国', '刘晓燕', '赵磊', '孙悦', '黄卫东'];
export const reporter = (rng: Rng): string => rng.pick(REPORTERS);

/**
 * Scatters dodge symbols between the characters of `text`, as sensitive-word filters are dodged
 * ("最*新热点素材尽在【公^众号：%~长君】"): at least one symbol, at most one per gap.
 */
export function dodge(rng: Rng, text: string, symbols: string, rate = 0.35): string {
  const chars = [...text];
  let out = chars[0] ?? '';
  let placed = 0;
  for (let i = 1; i < chars.length; i++) {
    if (rng.chance(rate) || (placed === 0 && i === chars.length - 1)) {
      out += rng.pick([...symbols]);
      placed++;
    }
    out += chars[i];
  }
  return out;
}

/** A digit string of `n` digits not starting with 0 (QQ numbers, counters). */
export function digits(rng: Rng, n: number): string {
  let s = String(rng.int(1, 9));
  while (s.length < n) s += String(rng.int(0, 9));
  return s;
}

/** A made-up WeChat id: letters then digits. */
export function wechatId(rng: Rng, prefix: string): string {
  return `${prefix}${digits(rng, 4)}`;
}

/** An ICP filing line's number part: "京ICP备12345678号". */
export function icp(rng: Rng, province: string): string {
  return `${province}ICP备${digits(rng, 8)}号`;
}

const COLUMNS: Array<[RegExp, string]> = [
  [/总结/, '工作总结'],
  [/讲话|致辞/, '领导讲话'],
  [/方案|计划|要点/, '工作方案'],
  [/汇报|报告/, '汇报材料'],
  [/心得|体会|发言/, '心得体会'],
  [/通知|意见|决定|办法|规定/, '政策文件'],
];

/** The site column a page sits in, as its breadcrumb says. */
export function columnOf(title: string): string {
  return COLUMNS.find(([re]) => re.test(title))?.[1] ?? '公文范文';
}

/** ASCII letters and digits in their full-width forms ("ＷＷＷ．ＸＸ．ＣＯＭ"), as watermarks dodge filters. */
export function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Letters spaced apart ("w w w . x x . c o m"): a domain no plain pattern sees. */
export function spaced(text: string): string {
  return [...text].join(' ');
}

/** Zero-width spaces and joiners between characters: invisible on the page, breaking every word match. */
export function zeroWidth(rng: Rng, text: string): string {
  return [...text].map((c, i) => (i === 0 ? c : rng.pick(['\u200b', '\u200c', '\u200d', '\u2060']) + c)).join('');
}
