/**
 * Entry names as the archive's author wrote them. fflate reads a name without the UTF-8 flag (bit 11) as
 * Latin-1, a byte a character, and Windows in Chinese writes names in GBK without it: `公文.txt` came out as
 * `¹«ÎÄ.txt`, and a GBK trail byte 0x5C read as `\` refused the whole archive as leaving its folder.
 */

const UTF8_FLAG = 0x0800;
const utf8 = new TextDecoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * The names the archive flagged UTF-8, as fflate gives them: read from the central directory as fflate
 * reads it (zip64 included). Empty when the directory cannot be found (fflate then fails on it as well).
 */
export function utf8FlaggedNames(zip: Uint8Array): Set<string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const flagged = new Set<string>();
  let end = zip.length - 22;
  while (end >= 0 && u32(end) !== 0x06054b50) {
    if (zip.length - end > 65558) return flagged;
    end--;
  }
  if (end < 0) return flagged;
  let count = u16(end + 10);
  let at = u32(end + 16);
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    const zip64End = Number(view.getBigUint64(end - 12, true));
    if (zip64End + 56 <= zip.length && u32(zip64End) === 0x06064b50) {
      count = Number(view.getBigUint64(zip64End + 32, true));
      at = Number(view.getBigUint64(zip64End + 48, true));
    }
  }
  for (let i = 0; i < count && at + 46 <= zip.length && u32(at) === 0x02014b50; i++) {
    const nameLength = u16(at + 28);
    const raw = zip.subarray(at + 46, at + 46 + nameLength);
    if ((u16(at + 8) & UTF8_FLAG) !== 0) flagged.add(utf8.decode(raw));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return flagged;
}

/**
 * A name fflate read as Latin-1 (not flagged UTF-8), decoded as written: ASCII as it is, else UTF-8 when the
 * bytes are valid UTF-8 (zip on Linux and macOS writes it unflagged), else GB18030 (which holds GBK).
 */
export function decodeUnflaggedName(name: string): string {
  // ASCII, or not read as Latin-1 after all (a character past one byte): as it is.
  let widest = 0;
  for (let i = 0; i < name.length; i++) widest = Math.max(widest, name.charCodeAt(i));
  if (widest < 0x80 || widest > 0xff) return name;
  const bytes = Buffer.from(name, 'latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}
