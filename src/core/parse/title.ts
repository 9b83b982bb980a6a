/** Title cleanup, genre and year: what the title of a 公文 tells. */

const SITE_SUFFIX = /\s*[_|｜—–-]{1,2}\s*[^_|｜—–\-\s]{2,24}(?:网|站|库|文库|范文|平台|官网)\s*$/;

/** Drops site chrome around a title: "…工作汇报_上派范文网" → "…工作汇报"; trailing punctuation. */
export function cleanTitle(title: string): string {
  return title
    .replace(SITE_SUFFIX, '')
    .replace(/[。：:，,；;]+$/, '')
    .trim();
}

/** Genre suffixes, most specific first; the label is what users filter by. */
const GENRES: ReadonlyArray<readonly [RegExp, string]> = [
  [/调研报告$|调查报告$/, '调研报告'],
  [/述职(?:述廉)?报告$|述职$/, '述职报告'],
  [/总结报告$|总结$|小结$/, '总结'],
  [/汇报(?:材料)?$/, '汇报'],
  [/讲话(?:稿|提纲)?$|致辞$|主持词$|动员会上的发言$/, '讲话'],
  [/(?:实施|工作|活动|行动)?方案$/, '方案'],
  [/心得体会$|心得$|体会$|感悟$/, '心得体会'],
  [/研讨发言(?:材料)?$|交流发言(?:材料)?$|发言(?:材料|稿)?$/, '研讨发言'],
  [/经验(?:材料|交流(?:材料)?|做法)$|典型材料$|事迹材料$/, '经验材料'],
  [/综述$/, '综述'],
  [/(?:工作)?计划$|要点$/, '计划'],
  [/报告$/, '报告'],
  [/意见$|通知$|决定$|办法$|规定$|制度$/, '制度文件'],
];

/** Genre from the title's ending; a title that only contains a genre word anywhere falls back to that. */
export function genreOf(title: string): string | null {
  const bare = title
    .replace(/[（(][^（）()]*[）)]$/, '')
    .replace(/(?:材料)?汇编$|合集$/, '')
    .trim();
  for (const [pattern, genre] of GENRES) if (pattern.test(bare)) return genre;
  for (const [pattern, genre] of GENRES) {
    const anywhere = new RegExp(pattern.source.replace(/\$/g, ''));
    if (anywhere.test(bare)) return genre;
  }
  return null;
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
