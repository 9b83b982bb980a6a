import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const CONTEXT = 8;

/**
 * How well an occurrence stands as a word of its own: 1 when a Chinese word segmentation of the text
 * around it has word boundaries at both its ends ("党" in "党的领导"), less when it sits inside a longer
 * word ("党" in "党员"). Used to re-rank the first results of short queries.
 */
export function boundaryFit(text: string, start: number, end: number): number {
  const from = Math.max(0, start - CONTEXT);
  const window = text.slice(from, Math.min(text.length, end + CONTEXT));
  const words = segmenter().cut(window, false);
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const w of words) {
    at += w.length;
    bounds.add(at);
  }
  const left = bounds.has(start - from);
  const right = bounds.has(end - from);
  return (left ? 0.5 : 0) + (right ? 0.5 : 0);
}
