import { eventYear } from './dated-events.js';

/**
 * The year a text reports on, for documents whose title and page are silent: the year it names most,
 * mentions in its opening counting double (where a 总结 says "2023年以来" and a 方案 "2024年是…").
 * Years of targets ("到2035年") and of spans' starts ("2021—2025年") are not the year reported on.
 * A text that names no year is dated by the campaign it reports on (党史学习教育: 2021).
 */

const YEAR = /((?:19|20)\d{2})\s*年/g;
/** "到2035年", "至2030年": a target, not the year the text speaks of. */
const TARGET_BEFORE = /(?:到|至|截至|截止到?|展望)$/;
/** "2021—2025年": the span's end is a target; its start carries no 年 and is not counted. */
const SPAN_BEFORE = /(?:19|20)\d{2}\s*[—–\-－~～至到]\s*$/;
const OPENING_PARAGRAPHS = 3;
const READ_CHARS = 6000;

/** Counts of the years a text names (opening weighted), or an empty map. */
function yearVotes(paragraphs: readonly string[]): Map<number, number> {
  const votes = new Map<number, number>();
  let read = 0;
  paragraphs.forEach((text, i) => {
    if (read > READ_CHARS) return;
    read += text.length;
    for (const m of text.matchAll(YEAR)) {
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      if (TARGET_BEFORE.test(before) || SPAN_BEFORE.test(before)) continue;
      const year = Number(m[1]);
      votes.set(year, (votes.get(year) ?? 0) + (i < OPENING_PARAGRAPHS ? 2 : 1));
    }
  });
  return votes;
}

/** The year a text reports on, or null when it names none; ties go to the later year. */
export function inferYear(paragraphs: readonly string[]): number | null {
  const named = namedYear(paragraphs);
  return named ?? eventYear(paragraphs.join('\n').slice(0, READ_CHARS));
}

function namedYear(paragraphs: readonly string[]): number | null {
  let best: number | null = null;
  let bestVotes = 0;
  for (const [year, n] of yearVotes(paragraphs)) {
    if (n > bestVotes || (n === bestVotes && best !== null && year > best)) {
      best = year;
      bestVotes = n;
    }
  }
  return best;
}
