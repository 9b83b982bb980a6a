import { isSpace } from './chars.js';

/**
 * Cross-document repetition, the strongest general signal of boilerplate: a line that stands in several
 * documents with different titles of one batch is site furniture, whatever words it uses.
 */
export interface LineStats {
  /** Number of distinct document titles whose text holds the line. */
  documentsWith(line: string): number;
  /** Number of documents (distinct titles) in the batch. */
  readonly documents: number;
}

const MIN_LENGTH = 4;

/** A line without its white space (as `\s` matches it): most lines hold none and are their own key. */
function key(line: string): string {
  for (let i = 0; i < line.length; i++) if (isSpace(line.charCodeAt(i))) return line.replace(/\s+/g, '');
  return line;
}

/** Counts, for every line of every text, how many differently-titled texts hold it. */
export function collectLineStats(texts: Iterable<string>): LineStats {
  const titlesByLine = new Map<string, Set<string> | string>();
  const titles = new Set<string>();
  for (const text of texts) {
    const lines = text.split('\n');
    const title = key(lines.find((l) => key(l).length > 0) ?? '');
    titles.add(title);
    const seen = new Set<string>();
    for (const raw of lines) {
      const k = key(raw);
      if (k.length < MIN_LENGTH || k === title || seen.has(k)) continue;
      seen.add(k);
      const entry = titlesByLine.get(k);
      if (entry === undefined) titlesByLine.set(k, title);
      else if (typeof entry === 'string') {
        if (entry !== title) titlesByLine.set(k, new Set([entry, title]));
      } else entry.add(title);
    }
  }
  return {
    documents: titles.size,
    documentsWith(line: string): number {
      const entry = titlesByLine.get(key(line));
      if (entry === undefined) return 0;
      return typeof entry === 'string' ? 1 : entry.size;
    },
  };
}

/** Stats for a single document: nothing repeats across a batch of one. */
export const NO_LINE_STATS: LineStats = { documents: 1, documentsWith: () => 0 };

/** True when a line stands in enough differently-titled documents to be boilerplate (≥ 3 and ≥ 2% of the batch). */
export function isRepeatedAcrossBatch(stats: LineStats, line: string): boolean {
  const n = stats.documentsWith(line);
  return n >= 3 && n >= stats.documents * 0.02;
}

/**
 * True for a line in most documents of a batch (a site's banner, its slogan): never a title. A title may
 * stand in several documents (政府工作报告), so mere repetition does not disqualify it.
 */
export function isSiteWide(stats: LineStats, line: string): boolean {
  const n = stats.documentsWith(line);
  return n >= 3 && n >= stats.documents * 0.8;
}
