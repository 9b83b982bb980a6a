import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { DocMeta, IndexUnit, UnitKind } from '../index/contracts.js';
import { MemoryIndexSource } from '../index/memory-source.js';
import { buildSegment } from '../index/segment-builder.js';
import { normalizeText } from '../normalize.js';
import { makeCorpus, scan, sourceOf, type TestDoc } from '../../testing/search-corpus.js';
import { SearchEngine } from './search-engine.js';
import { QuerySyntaxError } from './query-syntax-error.js';
import { SEARCH_SCOPES, type SearchResult } from './search-options.js';

/** The ids of a result's hits, ascending. */
const idsOf = (result: SearchResult): number[] => result.hits.map((h) => h.id).sort((a, b) => a - b);

describe('SearchEngine against a brute-force scan', () => {
  const corpus = makeCorpus(11, 120);
  const engine = new SearchEngine(sourceOf(corpus, 4, 3));
  const all = corpus.flatMap((d) => d.units.map((u) => u.text));
  const substring = fc
    .tuple(fc.integer({ min: 0, max: all.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 8 }))
    .map(([i, at, len]) => {
      const t = all[i]!;
      const start = at % t.length;
      return t.slice(start, start + len);
    });
  const absent = fc.constantFrom('不存在', '蓝', '宣讲工作', 'zz');
  const term = fc
    .oneof({ weight: 4, arbitrary: substring }, { weight: 1, arbitrary: absent })
    .filter((t) => t.trim().length > 0 && !/[\s"-]/.test(t));

  it('returns exactly the documents holding every term (scope all)', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const expected = scan(corpus, [q], [], () => true);
        // A count on its own matches without positions (a longer term's first occurrence per document is enough).
        engine.dropTermCache();
        assert.equal(await engine.count(q), expected.length, q);
        const result = await engine.search(q, { limit: 1000, snippets: false });
        assert.deepEqual(
          result.hits.map((h) => h.id).sort((a, b) => a - b),
          expected,
          q,
        );
        assert.equal(result.total, result.hits.length);
      }),
      { numRuns: 300 },
    );
  });

  it('honours several terms and exclusions', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, term, term, async (a, b, c) => {
        const result = await engine.search(`${a} ${b} -${c}`, { limit: 1000, snippets: false });
        if (normalizeText(c) === normalizeText(a) || normalizeText(c) === normalizeText(b)) return;
        assert.deepEqual(
          result.hits.map((h) => h.id).sort((x, y) => x - y),
          scan(corpus, [a, b], [c], () => true),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('limits matches to the scope: title, outline (and level), sentence', async () => {
    let headingHitsChecked = 0;
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, fc.constantFrom(1, 2), async (q, level) => {
        const title = await engine.search(q, { scope: 'title', limit: 1000, snippets: false });
        assert.deepEqual(
          idsOf(title),
          scan(corpus, [q], [], (u) => u.kind === 'title'),
        );
        const outline = await engine.search(q, { scope: 'outline', level, limit: 1000, snippets: false });
        assert.deepEqual(
          idsOf(outline),
          scan(corpus, [q], [], (u) => u.kind === 'heading' && u.level === level),
        );
        // Every level: a 2-character term is answered by its counts by zone.
        const headings = scan(corpus, [q], [], (u) => u.kind === 'heading');
        engine.dropTermCache();
        assert.equal(await engine.count(q, { scope: 'outline' }), headings.length, q);
        // Counted from the documents holding it in a heading: an excluded term still rules a document out
        // wherever it stands, and those hits serve no search of the whole text.
        const headingsWithout = scan(corpus, [q], ['党建'], (u) => u.kind === 'heading');
        assert.equal(await engine.count(`${q} -党建`, { scope: 'outline' }), headingsWithout.length, q);
        assert.equal(await engine.count(q), scan(corpus, [q], [], () => true).length, q);
        const anyLevel = await engine.search(q, { scope: 'outline', limit: 1000 });
        assert.deepEqual(
          anyLevel.hits.map((h) => h.id).sort((a, b) => a - b),
          headings,
          q,
        );
        for (const hit of anyLevel.hits) {
          assert.ok(
            hit.snippets.some((s) => s.kind === 'heading'),
            `${q}: document ${hit.id} shows no heading`,
          );
          headingHitsChecked++;
        }
        const sentence = await engine.count(q, { scope: 'sentence' });
        assert.equal(sentence, /[。！]/.test(q) ? 0 : scan(corpus, [q], [], () => true).length);
      }),
      { numRuns: 150 },
    );
    assert.ok(headingHitsChecked > 0, 'no outline hit was checked for its heading');
  });

  it('never matches or shows paid text to a reader without access', async () => {
    let snippetsChecked = 0;
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const result = await engine.search(q, { access: 'free', limit: 1000 });
        assert.deepEqual(
          idsOf(result),
          scan(corpus, [q], [], () => true, true),
          q,
        );
        for (const hit of result.hits) {
          const doc = corpus.find((d) => d.meta.id === hit.id)!;
          for (const s of hit.snippets) {
            const unit = doc.units[s.ord]!;
            const visible = unit.paidFrom >= 0 ? unit.text.slice(0, unit.paidFrom) : unit.text;
            const shown = s.text.replace(/^…|…$/g, '');
            assert.ok(visible.includes(shown), `snippet "${s.text}" is not in the free text`);
            snippetsChecked++;
          }
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(snippetsChecked > 0, 'no snippet was checked against the free text');
  });

  it('sorts newest first on request: the same documents, by date then score', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, fc.integer({ min: 1, max: 30 }), async (q, limit) => {
        const byScore = await engine.search(q, { limit: 1000, snippets: false });
        const newest = await engine.search(q, { limit: 1000, sort: 'newest', snippets: false });
        assert.equal(newest.total, byScore.total, q);
        assert.deepEqual(idsOf(newest), idsOf(byScore), q);
        const year = new Map(corpus.map((d) => [d.meta.id, d.meta.year!]));
        for (let i = 1; i < newest.hits.length; i++) {
          const [a, b] = [newest.hits[i - 1]!, newest.hits[i]!];
          assert.ok(year.get(a.id)! > year.get(b.id)! || (year.get(a.id) === year.get(b.id) && a.score >= b.score), q);
        }
        const page = await engine.search(q, { limit, offset: 2, sort: 'newest', snippets: false });
        assert.deepEqual(
          page.hits.map((h) => h.id),
          newest.hits.slice(2, 2 + limit).map((h) => h.id),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('answers a search whose hits were placed before as it answered the first time', async () => {
    await engine.refresh();
    const scopes = fc.constantFrom(...SEARCH_SCOPES);
    await fc.assert(
      fc.asyncProperty(
        term,
        scopes,
        scopes,
        fc.constantFrom('free' as const, 'full' as const),
        async (q, scope, other, access) => {
          engine.dropTermCache();
          const first = await engine.search(q, { access, scope, limit: 20 });
          // The same hits placed for another scope (and level) in between: each reading keeps its own.
          await engine.search(q, { access, scope: other, limit: 5 });
          await engine.search(q, { access, scope: 'outline', level: 2, limit: 5 });
          assert.deepEqual(await engine.search(q, { access, scope, limit: 20 }), first, `${q} (${scope}, ${other})`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same answers to searches running at the same time', async () => {
    await engine.refresh();
    const queries = ['党', '建学', '教育工', '学习', '臺', '工作总结', '落实，', '推进落实'];
    const sequential = [];
    for (const q of queries) sequential.push(await engine.search(q, { access: 'free', limit: 1000, snippets: false }));
    const concurrent = await Promise.all(
      queries.map((q) => engine.search(q, { access: 'free', limit: 1000, snippets: false })),
    );
    assert.deepEqual(concurrent, sequential);
  });

  it('ranks and shows from counts by zone (exact for 2 characters, bounds for more) as from positions', async () => {
    // Without paid parts, a reader without access sees everything; the engine then places every position.
    // Four characters: every phrase is in most documents, and its leading bigram far more often (loose bounds).
    let rankedCompared = 0;
    const few = makeCorpus(12, 300, 0, '党建学习');
    const free = new SearchEngine(sourceOf(few, 3));
    await free.refresh();
    const phrase = fc
      .tuple(fc.integer({ min: 0, max: few.length - 1 }), fc.nat(), fc.integer({ min: 2, max: 7 }))
      .map(([d, at, len]) => {
        const t = few[d]!.units.map((u) => u.text).join('');
        return t.slice(at % (t.length - len), (at % (t.length - len)) + len);
      });
    const query = fc.oneof(
      phrase,
      fc.tuple(phrase, phrase).map(([a, b]) => `${a} ${b}`),
    );
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.constantFrom(1, 5, 40, 1000),
        fc.constantFrom(0, 3),
        fc.constantFrom('all', 'outline' as const),
        async (q, limit, offset, scope) => {
          free.dropTermCache();
          const byZones = await free.search(q, { limit, offset, scope });
          free.dropTermCache();
          const byPositions = await free.search(q, { limit, offset, scope, access: 'free' });
          assert.deepEqual(byZones, byPositions, `${q} (${scope})`);
          if (byZones.hits.length > 0) rankedCompared++;
        },
      ),
      { numRuns: 300 },
    );
    assert.ok(rankedCompared > 0, 'no search with hits was compared');
  });

  it('filters by genre and year, whether the term was read for the filter or is cached', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(
        term,
        fc.constantFrom('总结', '汇报', undefined),
        fc.constantFrom(2021, 2022, undefined),
        fc.boolean(),
        async (q, genre, year, cached) => {
          const meta = (id: number): DocMeta => corpus[id - 1]!.meta;
          const passes = (id: number): boolean =>
            (genre === undefined || meta(id).genre === genre) && (year === undefined || meta(id).year === year);
          const expected = scan(corpus, [q], [], () => true).filter(passes);
          engine.dropTermCache();
          // Cached: the term's hits for every document serve the filtered search.
          if (cached) await engine.search(q, { limit: 1 });
          assert.equal(await engine.count(q, { genre, year }), expected.length, q);
          const result = await engine.search(q, { genre, year, limit: 1000, snippets: false });
          assert.deepEqual(
            result.hits.map((h) => h.id).sort((a, b) => a - b),
            expected,
            q,
          );
          // Hits read for a filter are not kept for searches without it.
          assert.equal(await engine.count(q), scan(corpus, [q], [], () => true).length, q);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('filters documents added after a filter was first used (its masks are made afresh on refresh)', async () => {
    const grown = makeCorpus(11, 60);
    const source = new MemoryIndexSource();
    const growing = new SearchEngine(source);
    let unitLo = 0;
    for (const [from, to] of [
      [0, 30],
      [30, 60],
    ] as const) {
      const part = grown.slice(from, to);
      source.addDocuments(part.map((d) => d.meta));
      const units = part.flatMap((d) => d.units);
      source.addSegment(
        buildSegment(units, unitLo, from),
        units.map((u) => u.text),
      );
      unitLo += units.length;
      await growing.refresh();
      const seen = grown.slice(0, to);
      for (const [q, genre] of [
        ['党建', '总结'],
        ['工作', '汇报'],
        ['学习教育', '总结'],
      ] as const) {
        const expected = scan(seen, [q], [], () => true).filter((id) => seen[id - 1]!.meta.genre === genre);
        growing.dropTermCache();
        assert.equal(await growing.count(q, { genre }), expected.length, `${q} in ${genre}, ${to} documents`);
      }
      // Headings of the documents added are known too (each slot's heading bits are given on refresh).
      for (const q of ['党', '党建', '学习教育']) {
        growing.dropTermCache();
        const inHeadings = scan(seen, [q], [], (u) => u.kind === 'heading').length;
        assert.equal(await growing.count(q, { scope: 'outline' }), inHeadings, `${q} in the outline, ${to} documents`);
      }
    }
  });
});

describe('SearchEngine ranking and snippets', () => {
  const doc = (
    id: number,
    title: string,
    paragraphs: Array<[UnitKind, string]>,
    publishedAt: string | null = null,
  ): TestDoc => ({
    meta: { id, title, genre: null, year: null, publishedAt, tags: [], paid: false },
    units: [
      { docId: id, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
      ...paragraphs.map(([kind, text], i) => {
        return { docId: id, ord: i + 1, kind, level: kind === 'heading' ? 1 : 0, text, paidFrom: -1 };
      }),
    ],
  });
  const corpus = [
    doc(1, '关于全市工作的汇报', [
      ['body', '我们开展了理论宣讲活动，效果良好。'],
      ['body', '其他工作也在推进。'],
    ]),
    doc(2, '理论宣讲工作汇报', [
      ['heading', '一、创建宣讲品牌'],
      ['intro', '宣讲队伍不断壮大，宣讲形式不断丰富。'],
    ]),
    doc(3, '工作总结', [
      ['heading', '一、加强理论宣讲'],
      ['body', '组织开展工作。'],
    ]),
    doc(
      4,
      '工作总结',
      [
        ['heading', '一、加强理论宣讲'],
        ['body', '组织开展工作。'],
      ],
      '2024-01-01',
    ),
  ];
  const engine = new SearchEngine(sourceOf(corpus, 1));

  it('ranks title over headings over body, and newer on ties', async () => {
    await engine.refresh();
    const result = await engine.search('宣讲');
    assert.deepEqual(
      result.hits.map((h) => h.id),
      [2, 4, 3, 1],
    );
  });

  it('highlights the hits and names the section they are in', async () => {
    await engine.refresh();
    const result = await engine.search('形式');
    const snippet = result.hits[0]!.snippets[0]!;
    assert.equal(snippet.section, '一、创建宣讲品牌');
    const [s, e] = snippet.highlights[0]!;
    assert.equal(snippet.text.slice(s, e), '形式');
  });

  it('rejects malformed queries with a clear error', async () => {
    await engine.refresh();
    for (const bad of ['', '   ', '-宣讲', '"宣讲', '宣讲 -', '""']) {
      await assert.rejects(engine.search(bad), QuerySyntaxError);
    }
    assert.equal((await engine.search('"理论 宣讲"')).total, 0);
    assert.equal((await engine.search('理论宣讲 -品牌')).total, 3);
  });
});

describe('SearchEngine on a very long paragraph', () => {
  it('finds terms past the first 2,097,152 characters of a document (the unpacked build path)', async () => {
    const long = '党建'.repeat(1_100_000) + '宣讲工作' + '学习'.repeat(10);
    const units: IndexUnit[] = [
      { docId: 1, ord: 0, kind: 'title', level: 0, text: '长文', paidFrom: -1 },
      { docId: 1, ord: 1, kind: 'body', level: 0, text: long, paidFrom: -1 },
    ];
    const source = new MemoryIndexSource();
    const meta = { id: 1, title: '长文', genre: null, year: null, publishedAt: null, tags: [], paid: false };
    source.addDocuments([meta]);
    source.addSegment(
      buildSegment(units, 0),
      units.map((u) => u.text),
    );
    const engine = new SearchEngine(source);
    await engine.refresh();
    assert.equal(await engine.count('宣讲工作'), 1);
    assert.equal(await engine.count('建宣讲工作学'), 1);
    assert.equal(await engine.count('学习学习学习学习学习学习学习学习学习学习学'), 0);
  });
});
