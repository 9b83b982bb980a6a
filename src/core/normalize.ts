import * as OpenCC from 'opencc-js/t2cn';

/**
 * Search normalization, one UTF-16 code unit in and one out (so offsets in normalized text are offsets in
 * the cleaned text): full-width ASCII → ASCII, U+3000 → space, half-width CJK punctuation → full-width,
 * Latin upper → lower case, traditional → simplified Chinese (single-character mappings of OpenCC).
 */
let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  t[0x3000] = 0x20;
  t[0xff61] = 0x3002; // ｡ → 。
  t[0xff64] = 0x3001; // ､ → 、
  t[0xff62] = 0x300c; // ｢ → 「
  t[0xff63] = 0x300d; // ｣ → 」
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  let block = '';
  const codes: number[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) {
    block += String.fromCharCode(c);
    codes.push(c);
  }
  // Convert character by character in one call: a separator keeps OpenCC's phrase rules out of play.
  const converted = toSimplified(block.split('').join('\n')).split('\n');
  if (converted.length === codes.length) {
    codes.forEach((c, i) => {
      const s = converted[i]!;
      if (s.length === 1) t[c] = s.charCodeAt(0);
    });
  }
  for (let c = 0; c < 65536; c++) {
    const m = t[c]!;
    if (m >= 0x41 && m <= 0x5a) t[c] = m + 32;
  }
  return t;
}

/** The normalization table (built once per thread, lazily: it takes a while, see adoptNormalizationTable). */
export function normalizationTable(): Uint16Array {
  table ??= buildTable();
  return table;
}

/**
 * Takes the table another thread built (handed over in its workerData) instead of building it again in
 * every thread. Anything but a table of 65,536 entries is ignored.
 */
export function adoptNormalizationTable(built: unknown): void {
  if (built instanceof Uint16Array && built.length === 65536) table ??= built;
}

/** Normalizes a string into its code units. */
export function normalizeCodes(s: string): Uint16Array {
  const t = normalizationTable();
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = t[s.charCodeAt(i)]!;
  return out;
}

const decoder = new TextDecoder('utf-16le');

/** Normalizes a string for search; the result has the same length. */
export function normalizeText(s: string): string {
  if (s.length === 0) return s;
  const codes = normalizeCodes(s);
  return decoder.decode(codes);
}
