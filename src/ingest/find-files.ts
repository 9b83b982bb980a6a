import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Expands files and folders (recursively, hidden entries skipped, symlink loops broken) into a sorted
 * list of files, with their total size. Paths that do not exist are returned apart so they can be reported.
 */
export async function findFiles(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  const missing: string[] = [];
  const visited = new Set<string>();
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path);
    if (info.isFile()) {
      files.push(path);
      bytes += info.size;
      return;
    }
    if (!info.isDirectory()) return;
    const real = await realpath(path);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
    for (const entry of entries) await walk(join(path, entry));
  };
  for (const path of paths) {
    try {
      await walk(path);
    } catch {
      missing.push(path);
    }
  }
  return { files: [...new Set(files)], missing, bytes };
}
