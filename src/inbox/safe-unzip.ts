import { unzipSync } from 'fflate';
import { decodeUnflaggedName, utf8FlaggedNames } from './zip-names.js';

/** What an archive may hold: more is refused whole (a zip bomb, or not a day's material). */
export interface ZipLimits {
  maxEntries: number;
  /** Bytes of every entry together, once unpacked (as the archive declares them; unpacking never passes it). */
  maxTotalBytes: number;
  /** An entry unpacking to more than this many times its packed size (past 1 MB) is a bomb's. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 512 << 20, maxRatio: 200 };

export interface ZipEntry {
  /** Its path inside the archive, with forward slashes. */
  name: string;
  bytes: Uint8Array;
}

/** An archive refused whole, with the code its Chinese reason goes by (see reasons.ts). */
export class ZipRejected extends Error {
  constructor(
    readonly code: 'zip-bomb' | 'zip-entries' | 'zip-traversal' | 'zip-corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'ZipRejected';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** An archive the inbox unpacks: by its name (a .docx is a zip too, and is read as a document). */
export function isZipName(name: string): boolean {
  return /\.zip$/i.test(name);
}

/** A path that would land outside the folder it is unpacked into (or names a drive, or a device). */
function escapes(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name) || name.includes('\0')) return true;
  return name.split('/').some((part) => part === '..');
}

/**
 * Unpacks an archive held in memory, refusing it whole when an entry's path escapes, when it holds too many
 * entries or unpacks too large (checked on the sizes it declares before anything is unpacked; fflate then
 * unpacks each entry into a buffer of its declared size, never more). Folders, hidden entries and macOS's
 * __MACOSX are skipped; archives inside are returned apart (`nested`), not unpacked.
 */
export function safeUnzip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { entries: ZipEntry[]; nested: string[] } {
  let entries = 0;
  let total = 0;
  let problem: ZipRejected | null = null;
  const nested: string[] = [];
  const skipped = (name: string): boolean =>
    name.endsWith('/') || name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
  // Names as written (see zip-names.ts), by the name fflate gives; every check below is on them.
  const flagged = utf8FlaggedNames(bytes);
  const nameOf = (given: string): string => (flagged.has(given) ? given : decodeUnflaggedName(given));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (problem !== null) return false;
        const name = nameOf(file.name);
        if (escapes(name)) {
          problem = new ZipRejected('zip-traversal', `entry "${name}" points outside the archive`);
          return false;
        }
        if (skipped(name)) return false;
        if (++entries > limits.maxEntries) {
          problem = new ZipRejected('zip-entries', `more than ${limits.maxEntries} entries`);
          return false;
        }
        total += file.originalSize;
        const ratio = file.originalSize / Math.max(1, file.size);
        if (total > limits.maxTotalBytes || (file.originalSize > 1 << 20 && ratio > limits.maxRatio)) {
          problem = new ZipRejected(
            'zip-bomb',
            `unpacks to more than ${limits.maxTotalBytes} bytes or ${ratio}× an entry`,
          );
          return false;
        }
        if (/\.zip$/i.test(name)) {
          nested.push(name);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new ZipRejected('zip-corrupt', `cannot unpack: ${(error as Error).message}`);
  }
  if (problem !== null) throw problem;
  const out: ZipEntry[] = [];
  for (const [given, data] of Object.entries(files)) {
    const name = nameOf(given);
    // An archive inside not named .zip is found by its first bytes.
    if (ZIP_MAGIC.every((b, i) => data[i] === b) && !/\.docx$/i.test(name)) nested.push(name);
    else out.push({ name, bytes: data });
  }
  return { entries: out.sort((a, b) => (a.name < b.name ? -1 : 1)), nested };
}
