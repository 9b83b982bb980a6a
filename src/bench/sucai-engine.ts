import type { Library } from '../library.js';
import type { BenchDoc, BenchQuery } from './engine.js';
import { normalizeText } from '../core/normalize.js';

/**
 * sucai's side of the benchmark: counts and top-20 with snippets through the library's engine. Every timed
 * call starts without the engine's decoded terms (as Groonga runs with its result cache off), so repeats
 * of a query time a search from the index, not a cache.
 */
export function sucaiQueries(library: Library) {
  const options = (q: BenchQuery) => ({
    scope: q.scope,
    ...(q.genre !== undefined ? { genre: q.genre } : {}),
    ...(q.punctuation !== undefined ? { punctuation: q.punctuation } : {}),
  });
  return {
    count: (q: BenchQuery) => {
      library.engine.dropTermCache();
      return library.count(`"${q.text}"`, options(q));
    },
    top: async (q: BenchQuery, n: number) => {
      library.engine.dropTermCache();
      return (await library.search(`"${q.text}"`, { ...options(q), limit: n })).hits.length;
    },
  };
}

/** The cleaned library as the peers load it: normalized title and paragraphs of every document. */
export async function cleanDocuments(library: Library): Promise<BenchDoc[]> {
  const out: BenchDoc[] = [];
  for (const summary of await library.list()) {
    const doc = await library.show(summary.id);
    if (!doc) continue;
    out.push({
      id: doc.id,
      genre: doc.genre,
      units: [
        { text: normalizeText(doc.title), heading: false },
        ...doc.parsed.paragraphs.map((p) => ({ text: normalizeText(p.text), heading: p.role === 'heading' })),
      ],
    });
  }
  return out;
}
