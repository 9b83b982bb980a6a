import type { BenchDoc, BenchEngine, BenchQuery } from '../engine.js';
import { normalizeText } from '../../core/normalize.js';
import { ANY_MARK, indexOfTerm, wildcardTerm } from '../../core/search/any-punctuation.js';

/** The query's term as the scan looks for it: its marks as wildcards in the any-punctuation mode. */
const needleOf = (q: BenchQuery): string =>
  q.punctuation === 'any' ? wildcardTerm(normalizeText(q.text), ANY_MARK) : normalizeText(q.text);

/**
 * The floor any index must beat: `String.prototype.includes` over every unit's normalized text (for terms with
 * wildcards, the search's own matcher, indexOfTerm).
 */
export class ScanEngine implements BenchEngine {
  readonly name = 'scan';
  readonly anyPunctuation = true;
  private docs: readonly BenchDoc[] = [];

  async load(docs: readonly BenchDoc[]): Promise<{ ms: number }> {
    const t = performance.now();
    this.docs = docs;
    return { ms: performance.now() - t };
  }

  private matches(doc: BenchDoc, q: BenchQuery, needle: string): boolean {
    if (q.genre !== undefined && doc.genre !== q.genre) return false;
    const wild = q.punctuation === 'any';
    for (const u of doc.units) {
      if (q.scope !== 'all' && !u.heading) continue;
      if (wild ? indexOfTerm(u.text, needle) >= 0 : u.text.includes(needle)) return true;
    }
    return false;
  }

  async count(q: BenchQuery): Promise<number> {
    const needle = needleOf(q);
    let n = 0;
    for (const d of this.docs) if (this.matches(d, q, needle)) n++;
    return n;
  }

  async top(q: BenchQuery, n: number): Promise<number> {
    const needle = needleOf(q);
    const hits: Array<[number, number]> = [];
    for (const d of this.docs) {
      if (!this.matches(d, q, needle)) continue;
      let occurrences = 0;
      for (const u of d.units) {
        for (let at = indexOfTerm(u.text, needle); at >= 0; at = indexOfTerm(u.text, needle, at + needle.length)) {
          occurrences++;
        }
      }
      hits.push([d.id, occurrences]);
    }
    return hits.sort((a, b) => b[1] - a[1]).slice(0, n).length;
  }

  async sizeBytes(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {}
}
