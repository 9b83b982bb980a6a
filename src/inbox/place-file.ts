import { copyFile, constants, link, mkdir, readdir, rmdir, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';

/** The day folder a file taken today goes to: YYYY-MM-DD in the server's time zone. */
export function dayFolder(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `name`, then `stem-2.ext`, `stem-3.ext`, …: the names tried for a file whose name is taken. */
function candidateName(name: string, n: number): string {
  if (n === 1) return name;
  const ext = extname(name);
  return `${basename(name, ext)}-${n}${ext}`;
}

/**
 * Moves `from` to `toDir/name`, never over a file there: a taken name gets a suffix. A hard link claims the
 * name atomically (fails if it exists), then the original is unlinked; across file systems the copy is
 * made exclusively instead. Returns where the file went.
 */
export async function moveWithoutOverwrite(from: string, toDir: string, name: string): Promise<string> {
  await mkdir(toDir, { recursive: true });
  for (let n = 1; ; n++) {
    const to = join(toDir, candidateName(name, n));
    try {
      await link(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EXDEV' && code !== 'EPERM') throw error;
      try {
        await copyFile(from, to, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw copyError;
      }
    }
    await unlink(from);
    return to;
  }
}

/** Writes `NAME.why.txt` beside a placed file (its note), never over another note. */
export async function writeNote(placed: string, lines: readonly string[]): Promise<string> {
  for (let n = 1; ; n++) {
    const note = n === 1 ? `${placed}.why.txt` : `${placed}.why-${n}.txt`;
    try {
      await writeFile(note, `${lines.join('\n')}\n`, { flag: 'wx' });
      return note;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Removes the folders a taken file left empty, from its own up to (not including) `root`. */
export async function pruneEmptyFolders(root: string, file: string): Promise<void> {
  let dir = dirname(file);
  while (relative(root, dir) !== '' && !relative(root, dir).startsWith('..') && dir.includes(sep)) {
    try {
      if ((await readdir(dir)).length > 0) return;
      await rmdir(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
