import { AMBIGUOUS, labelAlone } from './page-fields.js';

/**
 * A page's field table copied as text gives one cell a line: "索 引 号：" / "014717475N/2023-0040295" /
 * "发布机构：" / "宜春市统计局". Each half alone is no field (the value may even look like a title), so a
 * label alone is joined with the value under it, and a run of such pairs into one line of fields, before any
 * rule reads the lines. A content line never stands under a bare label: "时间：" over "3月5日上午9时" is joined
 * only beside another pair, as the field rules would read it.
 */

/** A value a cell holds: short, one line, no sentence. */
const MAX_VALUE = 60;
/** A line of fields longer than this is no page's (page-fields reads up to 160 characters). */
const MAX_JOINED = 150;

function isValue(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= MAX_VALUE && !/[。！？]$/.test(t) && labelAlone(t) === null;
}

export function joinFieldCells(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const pairs: string[] = [];
    let j = i;
    while (j + 1 < lines.length && labelAlone(lines[j]!) !== null && isValue(lines[j + 1]!)) {
      pairs.push(`${lines[j]!.trim()}${lines[j + 1]!.trim()}`);
      j += 2;
    }
    const label = labelAlone(lines[i]!);
    if (pairs.length === 0 || (pairs.length === 1 && label !== null && AMBIGUOUS.has(label))) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let line = '';
    for (const pair of pairs) {
      if (line.length > 0 && line.length + pair.length + 2 > MAX_JOINED) {
        out.push(line);
        line = '';
      }
      line = line.length > 0 ? `${line}  ${pair}` : pair;
    }
    out.push(line);
    i = j;
  }
  return out;
}
