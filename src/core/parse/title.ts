/** Title cleanup and year: what the title of a 公文 tells. */

const SITE_SUFFIX = /\s*[_|｜—–-]{1,2}\s*[^_|｜—–\-\s]{2,24}(?:网|站|库|文库|范文|平台|官网)\s*$/;

/** Drops site chrome around a title: "…工作汇报_上派范文网" → "…工作汇报"; trailing punctuation. */
export function cleanTitle(title: string): string {
  return title
    .replace(SITE_SUFFIX, '')
    .replace(/[。：:，,；;]+$/, '')
    .trim();
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
