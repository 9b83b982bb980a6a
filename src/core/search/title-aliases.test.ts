import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { IndexUnit, TitleAlias, UnitKind } from '../index/contracts.js';
import { makeCorpus, scan, sourceOf, type TestDoc } from '../../testing/search-corpus.js';
import { prng } from '../../testing/random-documents.js';
import { SearchEngine } from './search-engine.js';
import type { SearchOptions, SearchResult } from './search-options.js';

const idsOf = (result: SearchResult): number[] => result.hits.map((h) => h.id).sort((a, b) => a - b);

/** The corpus with each alias as one more title unit of its document: what the oracle scans. */
function withAliasUnits(corpus: readonly TestDoc[], aliases: ReadonlyArray<Omit<TitleAlias, 'id'>>): TestDoc[] {
  return corpus.map((d) => {
    const extra: IndexUnit[] = aliases
      .filter((a) => a.docId === d.meta.id)
      .map((a) => ({ docId: d.meta.id, ord: -1, kind: 'title', level: 0, text: a.title, paidFrom: -1 }));
    return { ...d, units: [...d.units, ...extra] };
  });
}

describe('SearchEngine with title aliases against a brute-force scan', () => {
  const alphabet = '党建学习教育工作总结推进落实';
  const corpus = makeCorpus(23, 90, 0.4, alphabet);
  const random = prng(5);
  const pickText = (n: number): string =>
    Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  // Compilations of 3 documents sharing a title, and reposts under titles of their own.
  const aliases: Array<Omit<TitleAlias, 'id'>> = [];
  for (let id = 1; id <= 90; id += 7) {
    const title = `${pickText(8)}汇编`;
    for (let k = 0; k < 3 && id + k <= 90; k++) aliases.push({ docId: id + k, kind: 'compilation', title });
    aliases.push({ docId: id + 3, kind: 'repost', title: pickText(10) });
  }
  const source = sourceOf(corpus, 3, 4);
  for (const a of aliases) source.addTitleAlias(a.docId, a.kind, a.title);
  const engine = new SearchEngine(source);
  const aliased = withAliasUnits(corpus, aliases);
  const texts = [...corpus.flatMap((d) => d.units.map((u) => u.text)), ...aliases.map((a) => a.title)];
  const term = fc
    .tuple(fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 6 }))
    .map(([i, at, len]) => texts[i]!.slice(at % texts[i]!.length, (at % texts[i]!.length) + len));

  it('matches alias titles as titles: everywhere and in the title scope, with several terms and exclusions', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, term, term, async (a, b, c) => {
        const all = (q: string, options: SearchOptions = {}) =>
          engine.search(q, { limit: 1000, snippets: false, ...options });
        assert.deepEqual(
          idsOf(await all(a)),
          scan(aliased, [a], [], () => true),
          a,
        );
        assert.equal(await engine.count(a), scan(aliased, [a], [], () => true).length, a);
        const titles = scan(aliased, [a], [], (u) => u.kind === 'title');
        assert.deepEqual(idsOf(await all(a, { scope: 'title' })), titles, a);
        assert.equal(await engine.count(a, { scope: 'title' }), titles.length, a);
        if (c !== a && c !== b) {
          const expected = scan(aliased, [a, b], [c], () => true);
          assert.deepEqual(idsOf(await all(`${a} ${b} -${c}`)), expected, `${a} ${b} -${c}`);
          assert.equal(await engine.count(`${a} ${b} -${c}`), expected.length);
        }
        // Filters hold for alias hits as for the rest (the document's own year).
        const year = scan(aliased, [a], [], () => true).filter((id) => 2020 + ((id - 1) % 4) === 2022);
        assert.deepEqual(idsOf(await all(a, { year: 2022 })), year, a);
        assert.equal(await engine.count(a, { year: 2022 }), year.length, a);
      }),
      { numRuns: 120 },
    );
  });

  it('keeps alias titles out of the scopes of the text (outline, opening, sentence)', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const headings = await engine.search(q, { scope: 'outline', limit: 1000, snippets: false });
        assert.deepEqual(
          idsOf(headings),
          scan(corpus, [q], [], (u) => u.kind === 'heading'),
        );
        const openings = await engine.count(q, { scope: 'opening' });
        assert.equal(openings, scan(corpus, [q], [], (u) => u.kind === 'opening').length);
      }),
      { numRuns: 60 },
    );
  });

  it('shows a reader without access the alias titles, and never paid text', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const result = await engine.search(q, { access: 'free', limit: 1000 });
        assert.deepEqual(
          idsOf(result),
          scan(aliased, [q], [], () => true, true),
          q,
        );
        for (const hit of result.hits) {
          const doc = corpus.find((d) => d.meta.id === hit.id)!;
          for (const s of hit.snippets) {
            const shown = s.text.replace(/^…|…$/g, '');
            if (s.ord < 0) {
              assert.ok(aliases.some((a) => a.docId === hit.id && a.kind === s.kind && a.title.includes(shown)));
              continue;
            }
            const unit = doc.units[s.ord]!;
            const visible = unit.paidFrom >= 0 ? unit.text.slice(0, unit.paidFrom) : unit.text;
            assert.ok(visible.includes(shown), `snippet "${s.text}" is not in the free text`);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('SearchEngine ranking of alias-title hits', () => {
  const body = '各单位认真组织学习，扎实推进各项工作。';
  const doc = (id: number, title: string, paragraphs: Array<[UnitKind, string]> = [['body', body]]): TestDoc => ({
    meta: { id, title, genre: null, year: null, publishedAt: null, tags: [], paid: false },
    units: [
      { docId: id, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
      ...paragraphs.map(([kind, text], i) => ({ docId: id, ord: i + 1, kind, level: 0, text, paidFrom: -1 })),
    ],
  });
  // Titles of one length: the field of the hit alone decides the order.
  const corpus = [
    doc(1, '县委办经验材料'),
    doc(2, '主题教育总结'),
    doc(3, '乡镇经验做法'),
    doc(4, '街道工作总结', [['heading', '一、主题教育开展情况和主要做法及其成效']]),
    doc(5, '机关建设报告'),
  ];
  const source = sourceOf(corpus, 1);
  source.addTitleAlias(1, 'compilation', '主题教育材料汇编（3篇）');
  source.addTitleAlias(3, 'repost', '主题教育经验');
  const engine = new SearchEngine(source);

  it('ranks the own title over a repost title over a compilation title over a heading', async () => {
    await engine.refresh();
    for (const q of ['主题', '主题教育', '题教']) {
      const result = await engine.search(q);
      assert.deepEqual(
        result.hits.map((h) => h.id),
        [2, 3, 1, 4],
        q,
      );
    }
  });

  it('shows the alias title the hit came from, highlighted, before the text', async () => {
    await engine.refresh();
    const result = await engine.search('主题教育 学习');
    const compiled = result.hits.find((h) => h.id === 1)!;
    assert.deepEqual(
      compiled.snippets.map((s) => [s.ord, s.kind]),
      [
        [-1, 'compilation'],
        [1, 'body'],
      ],
    );
    const [s, e] = compiled.snippets[0]!.highlights[0]!;
    assert.equal(compiled.snippets[0]!.text.slice(s, e), '主题教育');
    assert.equal(result.hits.find((h) => h.id === 3)!.snippets[0]!.kind, 'repost');
  });

  it('finds aliases written after the engine loaded, on refresh', async () => {
    await engine.refresh();
    assert.equal(await engine.count('建设汇编'), 0);
    source.addTitleAlias(5, 'compilation', '机关建设汇编');
    await engine.refresh();
    assert.deepEqual(idsOf(await engine.search('建设汇编')), [5]);
    assert.equal(await engine.count('建设汇编', { scope: 'title' }), 1);
  });
});
