/**
 * The genres (文种) a writer searches by: the fifteen kinds of the 党政机关公文处理工作条例 and the working
 * genres of office writing. One stable list: each genre with the title endings that select it and, for a
 * title that is silent, the signals in the opening text.
 */

export interface Genre {
  /** The label users filter by. */
  name: string;
  /** 'statutory': one of the fifteen kinds of the regulation; 'working': a genre of office practice. */
  kind: 'statutory' | 'working';
  /** The title endings that select it (tried on the title with brackets and 汇编 taken off). */
  titleEndings: RegExp;
  /** Wording in the opening paragraphs that selects it when no title ending does. */
  textSignals?: RegExp;
}

/** In the order they are tried: a more specific ending before the general one it ends with. */
export const GENRES: readonly Genre[] = [
  { name: '政府工作报告', kind: 'working', titleEndings: /政府工作报告$/, textSignals: /^各位代表[：:]/m },
  { name: '调研报告', kind: 'working', titleEndings: /调研报告$|调查报告$|调研$/ },
  { name: '述职报告', kind: 'working', titleEndings: /述职(?:述廉|述责述廉)?报告$|述职$/ },
  { name: '总结', kind: 'working', titleEndings: /总结报告$|总结$|小结$/ },
  { name: '汇报', kind: 'working', titleEndings: /汇报(?:材料|提纲)?$/ },
  { name: '党课', kind: 'working', titleEndings: /党课(?:讲稿|讲话|材料)?$|专题党课$/ },
  { name: '致辞', kind: 'working', titleEndings: /致辞$|贺词$|欢迎词$|致词$/ },
  {
    name: '讲话',
    kind: 'working',
    titleEndings: /讲话(?:稿|提纲|材料)?$|主持词$|动员会上的发言$/,
    textSignals: /^同志们[：:，,！!]/m,
  },
  {
    name: '研讨发言',
    kind: 'working',
    titleEndings: /(?:研讨|交流|表态|座谈)发言(?:材料|稿|提纲)?$|发言(?:材料|稿)?$/,
  },
  { name: '心得体会', kind: 'working', titleEndings: /心得体会$|心得$|体会$|感悟$|读后感$|观后感$/ },
  { name: '经验材料', kind: 'working', titleEndings: /经验(?:材料|交流(?:材料)?|做法)$|典型材料$|事迹材料$/ },
  { name: '综述', kind: 'working', titleEndings: /综述$/ },
  { name: '规划', kind: 'working', titleEndings: /规划(?:纲要)?$|规划\s*[（(][^）)]*[）)]$/ },
  { name: '要点', kind: 'working', titleEndings: /(?:工作)?要点$/ },
  { name: '方案', kind: 'working', titleEndings: /(?:实施|工作|活动|行动|推进)?方案$/ },
  { name: '计划', kind: 'working', titleEndings: /(?:工作)?计划$|打算$/ },
  { name: '制度', kind: 'working', titleEndings: /办法$|规定$|细则$|制度$|规则$|守则$/ },
  { name: '决议', kind: 'statutory', titleEndings: /决议$/ },
  { name: '决定', kind: 'statutory', titleEndings: /决定$/ },
  { name: '命令', kind: 'statutory', titleEndings: /命令$|令$/ },
  { name: '公报', kind: 'statutory', titleEndings: /公报$/ },
  { name: '公告', kind: 'statutory', titleEndings: /公告$/ },
  { name: '通告', kind: 'statutory', titleEndings: /通告$/ },
  { name: '意见', kind: 'statutory', titleEndings: /(?:实施|指导)?意见$/ },
  { name: '通知', kind: 'statutory', titleEndings: /通知$/ },
  { name: '通报', kind: 'statutory', titleEndings: /通报$/ },
  { name: '请示', kind: 'statutory', titleEndings: /请示$/ },
  { name: '批复', kind: 'statutory', titleEndings: /批复$/ },
  { name: '议案', kind: 'statutory', titleEndings: /议案$/ },
  { name: '函', kind: 'statutory', titleEndings: /(?:的|复)函$|提案的答复$|建议的答复$/ },
  { name: '纪要', kind: 'statutory', titleEndings: /纪要$/ },
  {
    name: '报告',
    kind: 'statutory',
    titleEndings: /报告$/,
    textSignals: /现将[^。\n]{0,40}(?:报告|汇报)如下|特此报告/,
  },
];

/** The working genres' endings found anywhere in a title: made once, tried for every document. */
const WORKING_ANYWHERE: ReadonlyArray<readonly [RegExp, string]> = GENRES.filter((g) => g.kind === 'working').map(
  (g) => [new RegExp(g.titleEndings.source.replace(/\$/g, '')), g.name] as const,
);

/** Every genre name, in the list's order: what `sucai genres` and the filters offer. */
export const GENRE_NAMES: readonly string[] = GENRES.map((g) => g.name);

/** The title without what does not name its kind: a closing bracket (（2026年）), 汇编, trailing punctuation. */
function bareTitle(title: string): string {
  return title
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*[）)]$/, '')
    .replace(/(?:材料)?汇编$|合集$/, '')
    .replace(/[。：:，,；;\s]+$/, '')
    .trim();
}

/** The characters of the opening text read for signals: the salutation and the first paragraphs. */
const OPENING_CHARS = 600;

/**
 * A document's genre: from its title's ending; where the title is silent, from signals in its opening
 * text (a salutation 各位代表：, 同志们：, 现将…报告如下); null when neither tells.
 */
export function genreOf(title: string, openingText = ''): string | null {
  // "关于印发《…实施方案》的通知" carries a 方案: the writer searches it as what it sends.
  const sent = /^(?:.*关于)?(?:印发|转发|颁布|发布)《?(.+?)》?的通知$/.exec(bareTitle(title))?.[1];
  if (sent) return genreOf(sent) ?? '通知';
  const bare = bareTitle(title);
  for (const genre of GENRES) if (genre.titleEndings.test(bare)) return genre.name;
  // A working genre named inside the title ("…工作总结（修改稿）", "…汇报材料之一") still names it.
  for (const [anywhere, name] of WORKING_ANYWHERE) if (anywhere.test(bare)) return name;
  const opening = openingText.slice(0, OPENING_CHARS);
  for (const genre of GENRES) if (genre.textSignals?.test(opening)) return genre.name;
  return null;
}
