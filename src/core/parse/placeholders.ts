import type { Placeholder } from '../document.js';

/**
 * Fill-in slots the writer replaces with their own unit's names and figures: XX, xx, X, ××, ×××, "xxxx年",
 * "x月x日", "XX余人次". A slot takes the counter or unit word glued to it ("XX局", "X场次"), because that is
 * what the writer retypes. Latin words (XML, Xbox) and products (3×4) are not slots.
 */
const SLOT = '[Xx×]+';
const UNIT =
  '(?:余|多)?(?:人次|场次|万元|亿元|小时|单位|年度|[年月日号个名人次场篇项家本期局市县区镇乡村处所部厅委万亿元亩户条件批支类种天周大届%])?';
const PLACEHOLDER = new RegExp(
  `(?<![A-Za-z0-9])(?:${SLOT}年${SLOT}月${SLOT}日|${SLOT}月${SLOT}日|${SLOT}${UNIT})(?![A-Za-z0-9])`,
  'g',
);

const MAY_HOLD_SLOT = /[Xx×]/;

/** Finds the placeholders in a text; offsets are relative to it plus `base`. */
export function findPlaceholders(text: string, base = 0): Placeholder[] {
  // Every placeholder holds a slot character; most paragraphs hold none.
  if (!MAY_HOLD_SLOT.test(text)) return [];
  const out: Placeholder[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) out.push({ text: m[0], offset: base + m.index });
  return out;
}
