/** Download file names: the title, made safe for every file system a writer saves to. */
import type { ExportDocument, ExportOptions } from './document.js';

/** Reserved on Windows (and so on shared drives), plus control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
/** Windows device names, which no file may be called whatever its extension. */
/** Half of a surrogate pair with no other half: no file system or URL encoding takes one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export const MAX_NAME_CHARS = 60;
/** UTF-8 bytes for the name before its suffix: well under the 255 of ext4, NTFS and zip entries. */
const MAX_NAME_BYTES = 180;
const FALLBACK_NAME = '文档';

export function exportFileName(doc: ExportDocument, ext: ExportFormat, options: ExportOptions = {}): string {
  const suffix = options.outlineOnly ? '（提纲）' : '';
  return `${safeBaseName(doc.title)}${suffix}.${ext}`;
}

function safeBaseName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(FORBIDDEN, ' ')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  let name = '';
  let chars = 0;
  let bytes = 0;
  for (const ch of cleaned) {
    // Whole code points only: a cut surrogate pair is not a character any file system accepts.
    const size = utf8Length(ch.codePointAt(0)!);
    if (chars >= MAX_NAME_CHARS || bytes + size > MAX_NAME_BYTES) break;
    name += ch;
    chars += 1;
    bytes += size;
  }
  // Windows drops trailing dots and spaces; a name of dots alone would vanish.
  name = name.replace(/[.\s]+$/, '').replace(/^[.\s]+/, '');
  if (name === '') return FALLBACK_NAME;
  return DEVICE_NAME.test(name) ? `${name}_` : name;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export type ExportFormat = 'docx' | 'txt' | 'md';

/** The media type to send each format with. */
export const EXPORT_MEDIA_TYPE: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/**
 * A Content-Disposition header for a download (RFC 6266): the Chinese name as filename* (RFC 5987, UTF-8), and
 * an ASCII filename for old clients. ASCII throughout, as HTTP headers must be (Node rejects anything else).
 */
export function contentDisposition(fileName: string): string {
  const ext = /\.[A-Za-z0-9]+$/.exec(fileName)?.[0] ?? '';
  const asciiBase = fileName
    .slice(0, fileName.length - ext.length)
    .replace(/[^\x20-\x7e]|["\\%;]/g, '')
    .trim();
  const ascii = `${/[A-Za-z0-9]/.test(asciiBase) ? asciiBase : 'document'}${ext}`;
  const encoded = encodeURIComponent(fileName.replace(LONE_SURROGATE, '\ufffd')).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
