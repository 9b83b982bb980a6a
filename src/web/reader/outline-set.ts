import type { OutlineEntry } from '../../core/document.js';

/** A heading with its parallel siblings: the headings of its level under the same parent, in order. */
export interface OutlineSet {
  /** The parent heading's text; null for top-level headings. */
  parent: string | null;
  headings: Array<{ text: string; paragraph: number }>;
  /** Index in `headings` of the heading that was hit. */
  at: number;
}

/**
 * The 排比 set of the heading at paragraph `paragraph` (在“学”上下功夫, 在“思”上下功夫, …): its level's
 * headings between its parent and the next heading above that level. Null when it is not a heading or has
 * no sibling.
 */
export function outlineSet(outline: readonly OutlineEntry[], paragraph: number): OutlineSet | null {
  const i = outline.findIndex((o) => o.paragraph === paragraph);
  if (i < 0) return null;
  const level = outline[i]!.level;
  let from = i;
  while (from > 0 && outline[from - 1]!.level >= level) from--;
  let to = i;
  while (to + 1 < outline.length && outline[to + 1]!.level >= level) to++;
  const parentEntry = from > 0 ? outline[from - 1]! : null;
  const headings = outline
    .slice(from, to + 1)
    .filter((o) => o.level === level)
    .map((o) => ({ text: o.text, paragraph: o.paragraph }));
  if (headings.length < 2) return null;
  return {
    parent: parentEntry?.text ?? null,
    headings,
    at: headings.findIndex((h) => h.paragraph === paragraph),
  };
}
