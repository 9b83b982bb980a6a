import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_CALLS_IN_FLIGHT, mapBounded } from './map-bounded.js';

/** A file seen in the inbox: where, its name relative to the inbox (forward slashes), and its state then. */
export interface SeenFile {
  path: string;
  name: string;
  /** -1 when it cannot be looked at (a dangling link, no permission): taken at once, and rejected. */
  size: number;
  mtimeMs: number;
}

/** Folders of the inbox that are not waiting files: where taken files go. */
export const PLACED_FOLDERS = ['done', 'rejected'];

/** Every file waiting in the inbox (sub-folders too), but hidden ones and the done/ and rejected/ folders. */
export async function scanInbox(dir: string): Promise<SeenFile[]> {
  const out: SeenFile[] = [];
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const files: Array<{ path: string; name: string }> = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (depth === 0 && PLACED_FOLDERS.includes(entry.name)) continue;
      const path = join(folder, entry.name);
      const name = prefix + entry.name;
      if (entry.isDirectory()) {
        if (depth < 8) await walk(path, `${name}/`, depth + 1);
      } else files.push({ path, name });
    }
    const looked = await mapBounded(files, FILE_CALLS_IN_FLIGHT, async ({ path, name }): Promise<SeenFile | null> => {
      try {
        const info = await stat(path);
        return info.isFile() ? { path, name, size: info.size, mtimeMs: info.mtimeMs } : null;
      } catch {
        return { path, name, size: -1, mtimeMs: 0 };
      }
    });
    for (const f of looked) if (f !== null) out.push(f);
  };
  await walk(dir, '', 0);
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A file last written longer ago than this when first seen is complete (moved in whole, or left from before). */
const SETTLED_MS = 2000;

/**
 * Which files are done being written: a file is taken once its size and time are the same at two looks in
 * a row (a copy in progress grows between them), or when it was last written well before it was first seen.
 */
export class StableFiles {
  private last = new Map<string, { size: number; mtimeMs: number }>();

  /** The files of this look that are ready; remembers this look for the next. */
  ready(seen: readonly SeenFile[], now: number = Date.now()): SeenFile[] {
    const out: SeenFile[] = [];
    const next = new Map<string, { size: number; mtimeMs: number }>();
    for (const f of seen) {
      const before = this.last.get(f.path);
      next.set(f.path, { size: f.size, mtimeMs: f.mtimeMs });
      const unchanged = before !== undefined && before.size === f.size && before.mtimeMs === f.mtimeMs;
      if (f.size < 0 || unchanged || (before === undefined && now - f.mtimeMs > SETTLED_MS)) out.push(f);
    }
    this.last = next;
    return out;
  }

  /** Forgets files taken (a file of the same name dropped later is looked at afresh). */
  forget(paths: Iterable<string>): void {
    for (const p of paths) this.last.delete(p);
  }
}
