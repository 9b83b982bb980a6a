import { pageFields } from '../clean/page-fields.js';
import { isCounterLine, postLineOf } from '../clean/page-furniture.js';
import { genreOf } from './genres.js';
import { looksLikeHeading } from './headings.js';
import type { SourceLine } from './source-lines.js';

/**
 * A site's menu copied as text gives one item a line ("新闻" / "国内" / "国际" / "军事" / …): many short
 * words in a row, none a sentence, a field or a heading. A document has no such run in its head; a list of
 * names in its body is never read this way (only lines before the body's first full line are).
 */
const ITEM_MAX = 6;
const RUN_MIN = 4;

function isItem(text: string): boolean {
  return text.length > 0 && text.length <= ITEM_MAX && !/[，。；：！？,;:!?]/.test(text) && !looksLikeHeading(text);
}

/** Indexes of the lines that stand in a menu run among the first `until` lines. */
/** What stands under a title and never under a menu: the page's fields and counters, a ——subtitle. */
function isUnderTitle(text: string): boolean {
  return (
    /^[—－–]{1,2}\s*\S/.test(text) || isCounterLine(text) || postLineOf(text) !== null || pageFields(text) !== null
  );
}

export function menuRunLines(lines: readonly SourceLine[], until: number): Set<number> {
  const inRun = new Set<number>();
  let run: number[] = [];
  const close = (next: string | null): void => {
    // A short title naming its genre (政府工作报告) right under a menu, its fields under it, is no item.
    const last = run[run.length - 1];
    if (last !== undefined && next !== null && isUnderTitle(next) && genreOf(lines[last]!.text) !== null) run.pop();
    if (run.length >= RUN_MIN) for (const i of run) inRun.add(i);
    run = [];
  };
  for (let i = 0; i < Math.min(until, lines.length); i++) {
    const text = lines[i]!.text;
    if (text.length === 0) continue;
    if (isItem(text)) run.push(i);
    else close(text);
  }
  close(null);
  return inRun;
}
