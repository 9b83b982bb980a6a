import type { DocMeta, IndexSource, IndexUnit, UnitKind } from '../core/index/contracts.js';
import { MemoryIndexSource } from '../core/index/memory-source.js';
import { buildSegment } from '../core/index/segment-builder.js';
import { normalizeText } from '../core/normalize.js';
import { LibraryTables } from '../core/search/library-tables.js';
import { prng } from './random-documents.js';

const ALPHABET = '党建学习教育工作总结推进落实，。！ＡａB臺台';

/** A test document: its metadata and its units (title first). */
export interface TestDoc {
  meta: DocMeta;
  units: IndexUnit[];
}

/**
 * `docs` random documents of a title and seven units (two headings, levels 1 and 2) drawn from `alphabet`;
 * `paidShare` of them with a paid part. Genres and years alternate with the document's index.
 */
export function makeCorpus(seed: number, docs: number, paidShare = 0.3, alphabet = ALPHABET): TestDoc[] {
  const random = prng(seed);
  const text = (n: number): string =>
    Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return Array.from({ length: docs }, (_, i) => {
    const id = i + 1;
    const kinds: UnitKind[] = ['opening', 'heading', 'intro', 'body', 'heading', 'body', 'closing'];
    const title = text(6 + Math.floor(random() * 6));
    const units: IndexUnit[] = [{ docId: id, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 }];
    const paidAt = random() < paidShare ? 2 + Math.floor(random() * 5) : -1;
    kinds.forEach((kind, k) => {
      const t = text(kind === 'heading' ? 8 : 20 + Math.floor(random() * 40));
      const ord = k + 1;
      const paidFrom = paidAt < 0 || ord < paidAt ? -1 : ord === paidAt ? Math.floor(t.length / 2) : 0;
      units.push({ docId: id, ord, kind, level: kind === 'heading' ? 1 + (k % 2) : 0, text: t, paidFrom });
    });
    const genre = i % 2 ? '总结' : '汇报';
    return { meta: { id, title, genre, year: 2020 + (i % 4), publishedAt: null, tags: [], paid: paidAt >= 0 }, units };
  });
}

/**
 * The corpus in `segments` segments; with `deadEvery`, every such document is followed by a dead copy (a
 * duplicate found at write time keeps its slot, its units owned by no document), which no search may count.
 */
export function sourceOf(corpus: readonly TestDoc[], segments: number, deadEvery = 0): MemoryIndexSource {
  const source = new MemoryIndexSource();
  source.addDocuments(corpus.map((d) => d.meta));
  let unitLo = 0;
  let slotLo = 0;
  const per = Math.ceil(corpus.length / segments);
  const withDead = (d: TestDoc, i: number): IndexUnit[] =>
    deadEvery > 0 && i % deadEvery === 0 ? [...d.units, ...d.units.map((u) => ({ ...u, docId: -1 }))] : d.units;
  for (let s = 0; s < corpus.length; s += per) {
    const units = corpus.slice(s, s + per).flatMap((d, i) => withDead(d, s + i));
    const segment = buildSegment(units, unitLo, slotLo);
    source.addSegment(
      segment,
      units.map((u) => u.text),
    );
    unitLo += units.length;
    slotLo = segment.slotHi;
  }
  return source;
}

/** LibraryTables loaded with everything `source` holds. */
export async function tablesOf(source: IndexSource): Promise<LibraryTables> {
  const tables = new LibraryTables();
  const segments = await source.segments();
  tables.load(await source.documents(), segments);
  return tables;
}

/** The oracle: a brute-force scan over normalized unit texts. */
export function scan(
  corpus: readonly TestDoc[],
  include: string[],
  exclude: string[],
  accept: (u: IndexUnit, visible: string) => boolean,
  freeOnly = false,
): number[] {
  const visibleText = (u: IndexUnit): string =>
    normalizeText(freeOnly && u.paidFrom >= 0 ? u.text.slice(0, u.paidFrom) : u.text);
  const holds = (u: IndexUnit, t: string): boolean => visibleText(u).includes(normalizeText(t));
  return corpus
    .filter((d) => include.every((t) => d.units.some((u) => accept(u, visibleText(u)) && holds(u, t))))
    .filter((d) => !exclude.some((t) => d.units.some((u) => holds(u, t))))
    .map((d) => d.meta.id)
    .sort((a, b) => a - b);
}
