import type { BenchDoc, BenchEngine, BenchQuery } from '../engine.js';
import { normalizeText } from '../../core/normalize.js';

/** The floor any index must beat: `String.prototype.includes` over every unit's normalized text. */
export class ScanEngine implements BenchEngine {
  readonly name = 'scan';
  private docs: readonly BenchDoc[] = [];

  async load(docs: readonly BenchDoc[]): Promise<{ ms: number }> {
    const t = performance.now();
    this.docs = docs;
    return { ms: performance.now() - t };
  }

  private matches(doc: BenchDoc, q: BenchQuery, needle: string): boolean {
    if (q.genre !== undefined && doc.genre !== q.genre) return false;
    for (const u of doc.units) if ((q.scope === 'all' || u.heading) && u.text.includes(needle)) return true;
    return false;
  }

  async count(q: BenchQuery): Promise<number> {
    const needle = normalizeText(q.text);
    let n = 0;
    for (const d of this.docs) if (this.matches(d, q, needle)) n++;
    return n;
  }

  async top(q: BenchQuery, n: number): Promise<number> {
    const needle = normalizeText(q.text);
    const hits: Array<[number, number]> = [];
    for (const d of this.docs) {
      if (!this.matches(d, q, needle)) continue;
      let occurrences = 0;
      for (const u of d.units)
        for (let at = u.text.indexOf(needle); at >= 0; at = u.text.indexOf(needle, at + needle.length)) occurrences++;
      hits.push([d.id, occurrences]);
    }
    return hits.sort((a, b) => b[1] - a[1]).slice(0, n).length;
  }

  async sizeBytes(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {}
}
