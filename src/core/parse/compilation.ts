import { SENTENCE_END } from '../clean/chars.js';
import { looksLikeHeading } from './headings.js';
import type { SourceLine } from './source-lines.js';

const MIN_TITLE = 4;
const MAX_TITLE = 50;

function isArticleTitleCandidate(text: string): boolean {
  return (
    text.length >= MIN_TITLE &&
    text.length <= MAX_TITLE &&
    !SENTENCE_END.test(text) &&
    !/[。！？；，、]$/.test(text) &&
    !/[。！？]/.test(text.slice(0, -1)) &&
    !looksLikeHeading(text)
  );
}

/**
 * Finds the article titles of a compilation: short standalone lines with no ending punctuation and no
 * heading marker, set apart by the widest blank gaps. With a declared count ("（12篇）") the that many
 * best-separated candidates win; without one, those set apart by two or more blank lines.
 * Returns line indexes in document order.
 */
export function findCompilationArticles(
  lines: readonly SourceLine[],
  titleIndex: number,
  declaredCount: number | null,
): number[] {
  const candidates: Array<{ index: number; gap: number }> = [];
  let gap = 0;
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.length === 0) {
      gap++;
      continue;
    }
    if (gap >= 1 && isArticleTitleCandidate(text)) candidates.push({ index: i, gap });
    gap = 0;
  }
  let chosen: Array<{ index: number; gap: number }>;
  if (declaredCount !== null && candidates.length >= declaredCount) {
    chosen = [...candidates].sort((a, b) => b.gap - a.gap || a.index - b.index).slice(0, declaredCount);
  } else {
    const wide = candidates.filter((c) => c.gap >= 2);
    chosen = wide.length >= 2 ? wide : candidates;
  }
  return chosen.map((c) => c.index).sort((a, b) => a - b);
}
