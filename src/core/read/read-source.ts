import chardet from 'chardet';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { bufferView } from '../buffer-view.js';
import { decodeDamagedUtf8 } from './damaged-utf8.js';
import { readingOf, readsAsDamaged, readsAsMojibake, readsAsOrdinaryChinese } from './text-plausibility.js';

export const READ_ERROR_CODES = ['empty', 'binary', 'truncated', 'unsupported-type', 'undecodable', 'corrupt'] as const;
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

export type ReadOutcome =
  | { ok: true; text: string; encoding: string; format: 'text' | 'html' | 'docx'; damage?: string }
  | { ok: false; code: ReadErrorCode; message: string };

const TEXT_TYPES = ['.txt', '.md', '.text', '.markdown'];
const HTML_TYPES = ['.html', '.htm', '.xhtml'];
const DOCX_TYPES = ['.docx'];

function extension(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

function fail(fileName: string, code: ReadErrorCode, problem: string): ReadOutcome {
  return { ok: false, code, message: `${fileName}: ${problem}` };
}

const MAGIC: ReadonlyArray<readonly [number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office (.doc) file'],
];

function magic(bytes: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return what;
  return null;
}

/** Share of characters that plain Chinese or ASCII text is made of. */
function plausibleText(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x206f) ||
      c === 0xa0
    )
      good++;
  }
  return good / text.length;
}

/** UTF-16 without a BOM: the byte order whose decoding reads as plain Chinese/ASCII text. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 8192)));
  const le = plausibleText(iconv.decode(sample, 'utf-16le'));
  const be = plausibleText(iconv.decode(sample, 'utf-16be'));
  if (le >= 0.97 && le > be) return 'utf-16le';
  if (be >= 0.97 && be > le) return 'utf-16be';
  return null;
}

function controlRatio(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return text.length === 0 ? 0 : bad / text.length;
}

/** Bytes chardet needs to tell GB18030 from Big5 and the rest with confidence: far fewer than a whole file. */
const DETECTION_SAMPLE = 16 * 1024;

/**
 * What the encoding is detected on: up to DETECTION_SAMPLE bytes from the first non-ASCII byte (an ASCII
 * header tells nothing about the encoding; a window starting inside a character is detected the same).
 */
function detectionSample(bytes: Uint8Array): Uint8Array {
  let from = 0;
  while (from < bytes.length && bytes[from]! < 0x80) from++;
  // Near the end, the window reaches back before that byte rather than coming up short.
  const start = Math.min(from, Math.max(0, bytes.length - DETECTION_SAMPLE));
  return bytes.subarray(start, start + DETECTION_SAMPLE);
}

/**
 * The bytes as text when they are valid UTF-8, else null: validated and decoded by simdutf (isUtf8 and
 * Buffer's decoder), several times faster than a fatal TextDecoder, which gives the same text.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  return isUtf8(bytes) ? bufferView(bytes).toString('utf8') : null;
}

/** Decodes text bytes by their content, not their name: BOM, UTF-16 shape, strict UTF-8, then detection. */
export function decodeText(fileName: string, bytes: Uint8Array): ReadOutcome {
  if (bytes.length === 0) return fail(fileName, 'empty', 'file is empty');
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const utf8 = strictUtf8(bytes.subarray(3));
    if (utf8 === null) return damagedUtf8(fileName, bytes.subarray(3), 'utf-8-bom');
    text = utf8;
    encoding = 'utf-8-bom';
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0)
      return fail(fileName, 'truncated', `${encoding} text with an odd number of bytes (cut short)`);
    text = iconv.decode(bufferView(bytes.subarray(2)), encoding);
  } else {
    const what = magic(bytes);
    const utf8 = bytes.includes(0) ? null : strictUtf8(bytes);
    const sixteen = utf8 === null && !what ? utf16Without(bytes) : null;
    if (what && !sixteen) return fail(fileName, 'binary', `is ${what}, not text`);
    if (sixteen) {
      encoding = sixteen;
      text = iconv.decode(bufferView(bytes), sixteen);
    } else if (bytes.includes(0)) {
      return fail(fileName, 'binary', 'holds NUL bytes: binary data, not text');
    } else {
      if (utf8 !== null) {
        text = utf8;
        encoding = 'utf-8';
      } else {
        return decodeNotUtf8(fileName, bytes);
      }
    }
  }
  return finish(fileName, text, encoding);
}

/** Line ends made \n, then the last checks every reading passes. */
function finish(fileName: string, decoded: string, encoding: string, damage?: string): ReadOutcome {
  const text = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
  if (controlRatio(text) > 0.02) {
    return fail(fileName, 'undecodable', `does not decode as text (${encoding} gives control characters)`);
  }
  if (text.trim().length === 0) return fail(fileName, 'empty', 'holds no text');
  return damage === undefined
    ? { ok: true, text, encoding, format: 'text' }
    : { ok: true, text, encoding, format: 'text', damage };
}

/** Replacement characters per non-ASCII character up to which bytes are UTF-8 with damaged spots. */
const DAMAGED_UTF8_SHARE = 0.01;
/** Up to this share, damaged UTF-8 still wins over a legacy reading that gives mojibake. */
const WORN_UTF8_SHARE = 0.05;
const OFFSETS_SHOWN = 8;

/** Reads mostly-UTF-8 bytes as UTF-8, the damaged spots replaced and reported by offset. */
function damagedUtf8(fileName: string, bytes: Uint8Array, encoding: string): ReadOutcome {
  const { text, damagedAt, cutShort } = decodeDamagedUtf8(bytes);
  const parts: string[] = [];
  if (damagedAt.length > 0) {
    const shown = damagedAt.slice(0, OFFSETS_SHOWN).join(', ');
    const more = damagedAt.length > OFFSETS_SHOWN ? ` and ${damagedAt.length - OFFSETS_SHOWN} more` : '';
    parts.push(`${damagedAt.length} damaged spot(s) at byte ${shown}${more}`);
  }
  if (cutShort) parts.push(`cut short inside a character at byte ${bytes.length}`);
  return finish(fileName, text, encoding, `damaged UTF-8: ${parts.join('; ')}`);
}

/**
 * Bytes that are not valid UTF-8: UTF-8 with a few damaged spots, or a legacy encoding (GB18030, Big5…),
 * whichever reads as Chinese; a file that reads as mojibake every way is rejected.
 */
function decodeNotUtf8(fileName: string, bytes: Uint8Array): ReadOutcome {
  const sample = detectionSample(bytes);
  const asUtf8 = readingOf(new TextDecoder('utf-8').decode(sample));
  if (readsAsDamaged(asUtf8, DAMAGED_UTF8_SHARE)) {
    return damagedUtf8(fileName, bytes, 'utf-8');
  }
  const asGb = readingOf(iconv.decode(bufferView(sample), 'gb18030'));
  const detected = readsAsOrdinaryChinese(asGb) ? 'gb18030' : (chardet.detect(sample) ?? '').toLowerCase();
  let encoding =
    /gb|2312|18030|gbk/.test(detected) || detected === '' ? 'gb18030' : /big5/.test(detected) ? 'big5' : detected;
  if (!iconv.encodingExists(encoding)) encoding = 'gb18030';
  let text = iconv.decode(bufferView(bytes), encoding);
  if (controlRatio(text) > 0.01 && encoding !== 'gb18030') {
    const gb = iconv.decode(bufferView(bytes), 'gb18030');
    if (controlRatio(gb) < controlRatio(text)) {
      text = gb;
      encoding = 'gb18030';
    }
  }
  const legacy = encoding === 'gb18030' ? asGb : readingOf(iconv.decode(bufferView(sample), encoding));
  if (readsAsMojibake(legacy)) {
    if (readsAsDamaged(asUtf8, WORN_UTF8_SHARE)) return damagedUtf8(fileName, bytes, 'utf-8');
    const share = (r: { frequentShare: number }): string => `${Math.round(r.frequentShare * 100)}%`;
    return fail(
      fileName,
      'undecodable',
      `reads as mojibake in every encoding tried (common characters: ${share(legacy)} as ${encoding}, ` +
        `${share(asUtf8)} as UTF-8 with ${asUtf8.replaced} of ${asUtf8.nonAscii} undecodable)`,
    );
  }
  return finish(fileName, text, encoding);
}

/**
 * Reads one source file from its bytes. The extension says which reader (text, HTML, DOCX); the content
 * decides the encoding. Failures name the file and the problem.
 */
export async function readSource(fileName: string, bytes: Uint8Array): Promise<ReadOutcome> {
  const ext = extension(fileName);
  if (bytes.length === 0) return fail(fileName, 'empty', 'file is empty');
  if (TEXT_TYPES.includes(ext)) return decodeText(fileName, bytes);
  if (HTML_TYPES.includes(ext)) {
    const decoded = decodeHtmlBytes(fileName, bytes);
    if (!decoded.ok) return decoded;
    // The HTML and .docx readers (linkedom, mammoth: ~0.3 s to load) are loaded by the first file that needs them,
    // so a worker or a command that only meets text files starts without them.
    const { extractHtml } = await import('./extract-html.js');
    const text = extractHtml(decoded.text);
    if (text.trim().length === 0) return fail(fileName, 'empty', 'HTML page holds no main text');
    return { ok: true, text, encoding: `html/${decoded.encoding}`, format: 'html' };
  }
  if (DOCX_TYPES.includes(ext)) {
    const { extractDocx } = await import('./extract-docx.js');
    const lines = await extractDocx(bytes);
    if (!lines.ok) return fail(fileName, 'corrupt', `not a valid .docx (${lines.problem})`);
    if (lines.text.trim().length === 0) return fail(fileName, 'empty', '.docx holds no text');
    return { ok: true, text: lines.text, encoding: 'docx', format: 'docx' };
  }
  return fail(
    fileName,
    'unsupported-type',
    `unsupported file type ${ext || '(no extension)'} (expected .txt, .md, .html, .htm, .docx)`,
  );
}

/** An HTML page's declared charset wins over detection (GBK pages say so in a meta tag). */
function decodeHtmlBytes(fileName: string, bytes: Uint8Array): ReadOutcome {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && !/utf-?8/.test(declared) && iconv.encodingExists(declared)) {
    const enc = /gb/.test(declared) ? 'gb18030' : declared;
    return {
      ok: true,
      text: iconv.decode(bufferView(bytes), enc).replace(/\r\n?/g, '\n'),
      encoding: enc,
      format: 'text',
    };
  }
  return decodeText(fileName, bytes);
}
