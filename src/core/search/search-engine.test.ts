import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { DocMeta, IndexUnit, UnitKind } from '../index/contracts.js';
import { MemoryIndexSource } from '../index/memory-source.js';
import { buildSegment } from '../index/segment-builder.js';
import { normalizeText } from '../normalize.js';
import { prng } from '../../testing/random-documents.js';
import { SearchEngine } from './search-engine.js';
import { QuerySyntaxError } from './query-syntax-error.js';

const ALPHABET = '党建学习教育工作总结推进落实，。！ＡａB臺台';

interface TestDoc {
  meta: DocMeta;
  units: IndexUnit[];
}

function makeCorpus(seed: number, docs: number, paidShare = 0.3, alphabet = ALPHABET): TestDoc[] {
  const random = prng(seed);
  const text = (n: number): string =>
    Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return Array.from({ length: docs }, (_, i) => {
    const id = i + 1;
    const kinds: UnitKind[] = ['opening', 'heading', 'intro', 'body', 'heading', 'body', 'closing'];
    const units: IndexUnit[] = [
      { docId: id, ord: 0, kind: 'title', level: 0, text: text(6 + Math.floor(random() * 6)), paidFrom: -1 },
    ];
    const paidAt = random() < paidShare ? 2 + Math.floor(random() * 5) : -1;
    kinds.forEach((kind, k) => {
      const t = text(kind === 'heading' ? 8 : 20 + Math.floor(random() * 40));
      const ord = k + 1;
      const paidFrom = paidAt < 0 || ord < paidAt ? -1 : ord === paidAt ? Math.floor(t.length / 2) : 0;
      units.push({ docId: id, ord, kind, level: kind === 'heading' ? 1 + (k % 2) : 0, text: t, paidFrom });
    });
    return {
      meta: {
        id,
        title: units[0]!.text,
        genre: i % 2 ? '总结' : '汇报',
        year: 2020 + (i % 4),
        publishedAt: null,
        tags: [],
        paid: paidAt >= 0,
      },
      units,
    };
  });
}

/**
 * The corpus in `segments` segments; with `deadEvery`, every such document is followed by a dead copy (a
 * duplicate found at write time keeps its slot, its units owned by no document), which no search may count.
 */
function sourceOf(corpus: readonly TestDoc[], segments: number, deadEvery = 0): MemoryIndexSource {
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

/** The oracle: a brute-force scan over normalized unit texts. */
function scan(
  corpus: readonly TestDoc[],
  include: string[],
  exclude: string[],
  accept: (u: IndexUnit, visible: string) => boolean,
  freeOnly = false,
): number[] {
  const visibleText = (u: IndexUnit): string =>
    normalizeText(freeOnly && u.paidFrom >= 0 ? u.text.slice(0, u.paidFrom) : u.text);
  return corpus
    .filter((d) =>
      include.every((t) => d.units.some((u) => accept(u, visibleText(u)) && visibleText(u).includes(normalizeText(t)))),
    )
    .filter((d) => !exclude.some((t) => d.units.some((u) => visibleText(u).includes(normalizeText(t)))))
    .map((d) => d.meta.id)
    .sort((a, b) => a - b);
}

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
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, fc.constantFrom(1, 2), async (q, level) => {
        const title = await engine.search(q, { scope: 'title', limit: 1000, snippets: false });
        assert.deepEqual(
          title.hits.map((h) => h.id).sort((a, b) => a - b),
          scan(corpus, [q], [], (u) => u.kind === 'title'),
        );
        const outline = await engine.search(q, { scope: 'outline', level, limit: 1000, snippets: false });
        assert.deepEqual(
          outline.hits.map((h) => h.id).sort((a, b) => a - b),
          scan(corpus, [q], [], (u) => u.kind === 'heading' && u.level === level),
        );
        // Every level: a 2-character term is answered by its counts by zone.
        const headings = scan(corpus, [q], [], (u) => u.kind === 'heading');
        engine.dropTermCache();
        assert.equal(await engine.count(q, { scope: 'outline' }), headings.length, q);
        // Counted from the documents holding it in a heading: an excluded term still rules a document out
        // wherever it stands, and those hits serve no search of the whole text.
        assert.equal(
          await engine.count(`${q} -党建`, { scope: 'outline' }),
          scan(corpus, [q], ['党建'], (u) => u.kind === 'heading').length,
          q,
        );
        assert.equal(await engine.count(q), scan(corpus, [q], [], () => true).length, q);
        const anyLevel = await engine.search(q, { scope: 'outline', limit: 1000 });
        assert.deepEqual(
          anyLevel.hits.map((h) => h.id).sort((a, b) => a - b),
          headings,
          q,
        );
        for (const hit of anyLevel.hits)
          assert.ok(
            hit.snippets.some((s) => s.kind === 'heading'),
            `${q}: document ${hit.id} shows no heading`,
          );
        const sentence = await engine.count(q, { scope: 'sentence' });
        assert.equal(sentence, /[。！]/.test(q) ? 0 : scan(corpus, [q], [], () => true).length);
      }),
      { numRuns: 150 },
    );
  });

  it('never matches or shows paid text to a reader without access', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const result = await engine.search(q, { access: 'free', limit: 1000 });
        assert.deepEqual(
          result.hits.map((h) => h.id).sort((a, b) => a - b),
          scan(corpus, [q], [], () => true, true),
          q,
        );
        for (const hit of result.hits) {
          const doc = corpus.find((d) => d.meta.id === hit.id)!;
          for (const s of hit.snippets) {
            const unit = doc.units[s.ord]!;
            const visible = unit.paidFrom >= 0 ? unit.text.slice(0, unit.paidFrom) : unit.text;
            assert.ok(visible.includes(s.text.replace(/^…|…$/g, '')), `snippet "${s.text}" is not in the free text`);
          }
        }
      }),
      { numRuns: 150 },
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

  it('ranks and shows from counts by zone (exact for 2 characters, bounds for more) exactly as from placed positions', async () => {
    // Without paid parts, a reader without access sees everything; the engine then places every position.
    // Four characters: every phrase is in most documents, and its leading bigram far more often (loose bounds).
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
        },
      ),
      { numRuns: 300 },
    );
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
          const expected = scan(corpus, [q], [], () => true).filter(
            (id) => (genre === undefined || meta(id).genre === genre) && (year === undefined || meta(id).year === year),
          );
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
        assert.equal(
          await growing.count(q, { scope: 'outline' }),
          scan(seen, [q], [], (u) => u.kind === 'heading').length,
          `${q} in the outline, ${to} documents`,
        );
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
      ...paragraphs.map(([kind, text], i) => ({
        docId: id,
        ord: i + 1,
        kind,
        level: kind === 'heading' ? 1 : 0,
        text,
        paidFrom: -1,
      })),
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
    source.addDocuments([{ id: 1, title: '长文', genre: null, year: null, publishedAt: null, tags: [], paid: false }]);
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
