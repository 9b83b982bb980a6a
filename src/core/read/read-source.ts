import chardet from 'chardet';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { bufferView } from '../buffer-view.js';

export const READ_ERROR_CODES = ['empty', 'binary', 'truncated', 'unsupported-type', 'undecodable', 'corrupt'] as const;
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

export type ReadOutcome =
  | { ok: true; text: string; encoding: string; format: 'text' | 'html' | 'docx' }
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

/** True when valid UTF-8 except for an incomplete multi-byte sequence at the very end. */
function utf8CutShort(bytes: Uint8Array): boolean {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need <= back) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - back));
      return true;
    } catch {
      return false;
    }
  }
  return false;
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
 * The most frequent characters of modern written Chinese, most frequent first (together about half of
 * running text): GB18030 bytes read as GB18030 are mostly these, any other encoding read as GB18030 is not.
 */
const FREQUENT_HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const frequentHanzi = new Uint8Array(65536);
for (let i = 0; i < FREQUENT_HANZI.length; i++) frequentHanzi[FREQUENT_HANZI.charCodeAt(i)] = 1;
/** Chinese characters a sample needs before their frequencies tell, and the share of frequent ones that settles it. */
const MIN_HANZI = 100;
const MIN_FREQUENT_SHARE = 0.3;

/**
 * Whether the sample reads as ordinary simplified Chinese in GB18030: enough Chinese characters, and a
 * third or more of them among the frequent ones (in GB18030 text about half are; Big5 or another encoding
 * read as GB18030 gives characters at random, a few percent of them frequent). The common case settled
 * in well under a millisecond; anything else is left to chardet (several milliseconds a file).
 */
function readsAsChinese(sample: Uint8Array): boolean {
  const text = iconv.decode(bufferView(sample), 'gb18030');
  let hanzi = 0;
  let frequent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    hanzi++;
    frequent += frequentHanzi[c]!;
  }
  return hanzi >= MIN_HANZI && frequent >= MIN_FREQUENT_SHARE * hanzi;
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
    if (utf8 === null)
      return fail(
        fileName,
        utf8CutShort(bytes) ? 'truncated' : 'undecodable',
        'has a UTF-8 byte-order mark but is not valid UTF-8',
      );
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
        if (utf8CutShort(bytes))
          return fail(fileName, 'truncated', 'UTF-8 text cut short in the middle of a character');
        const sample = detectionSample(bytes);
        const detected = readsAsChinese(sample) ? 'gb18030' : (chardet.detect(sample) ?? '').toLowerCase();
        encoding =
          /gb|2312|18030|gbk/.test(detected) || detected === '' ? 'gb18030' : /big5/.test(detected) ? 'big5' : detected;
        if (!iconv.encodingExists(encoding)) encoding = 'gb18030';
        text = iconv.decode(bufferView(bytes), encoding);
        if (controlRatio(text) > 0.01 && encoding !== 'gb18030') {
          const gb = iconv.decode(bufferView(bytes), 'gb18030');
          if (controlRatio(gb) < controlRatio(text)) {
            text = gb;
            encoding = 'gb18030';
          }
        }
      }
    }
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (controlRatio(text) > 0.02)
    return fail(fileName, 'undecodable', `does not decode as text (${encoding} gives control characters)`);
  if (text.trim().length === 0) return fail(fileName, 'empty', 'holds no text');
  return { ok: true, text, encoding, format: 'text' };
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
