import { isCjkContext } from './chars.js';

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const HALF_WIDTH = /[,;:!?()]/;

/**
 * Half-width punctuation inside Chinese text becomes its full-width form ("培育孵化,打造" → "培育孵化，打造"),
 * so stored text reads as one style. Length-preserving. Punctuation between digits or Latin text
 * ("09:40:02", "f(x)") stays.
 */
export function fullWidthPunctuation(line: string): string {
  if (!HALF_WIDTH.test(line)) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const full = FULL_WIDTH[ch];
    if (full !== undefined && (isCjkContext(line[i - 1]) || isCjkContext(line[i + 1]))) {
      out += full;
    } else {
      out += ch;
    }
  }
  return out;
}
