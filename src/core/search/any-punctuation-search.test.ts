import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { IndexUnit, UnitKind } from '../index/contracts.js';
import { normalizeText } from '../normalize.js';
import { makeCorpus, sourceOf, type TestDoc } from '../../testing/search-corpus.js';
import { ANY_MARK, ANY_MARK_IN_SENTENCE, isMark, marksOf } from './any-punctuation.js';
import { SearchEngine } from './search-engine.js';
import type { SearchOptions, SearchResult } from './search-options.js';
import { walkInWebAssembly } from './walked-phrase.js';

const ids = (r: SearchResult): number[] => r.hits.map((h) => h.id).sort((a, b) => a - b);
const any = (o: SearchOptions = {}): SearchOptions => ({ ...o, punctuation: 'any', limit: 1000 });
const escaped = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** The oracle's reading of a term: a regular expression, each mark of a term with a character a class. */
function pattern(term: string, sentence: boolean): RegExp {
  const n = [...normalizeText(term)];
  const literal = n.some((c) => !isMark(c.charCodeAt(0)));
  const marks = marksOf(sentence ? ANY_MARK_IN_SENTENCE : ANY_MARK).map((c) => escaped(String.fromCharCode(c)));
  const cls = `[${marks.join('')}]`;
  return new RegExp(n.map((c) => (literal && isMark(c.charCodeAt(0)) ? cls : escaped(c))).join(''));
}

/** The oracle: a regular expression over every unit's normalized (visible) text. */
function scanAny(
  corpus: readonly TestDoc[],
  include: string[],
  exclude: string[],
  accept: (u: IndexUnit) => boolean = () => true,
  o: { freeOnly?: boolean; sentence?: boolean } = {},
): number[] {
  const visible = (u: IndexUnit): string =>
    normalizeText(o.freeOnly && u.paidFrom >= 0 ? u.text.slice(0, u.paidFrom) : u.text);
  const holds = (u: IndexUnit, re: RegExp): boolean => re.test(visible(u));
  const inc = include.map((t) => pattern(t, o.sentence ?? false));
  const exc = exclude.map((t) => pattern(t, false));
  return corpus
    .filter((d) => inc.every((re) => d.units.some((u) => accept(u) && holds(u, re))))
    .filter((d) => !exc.some((re) => d.units.some((u) => re.test(normalizeText(u.text)))))
    .map((d) => d.meta.id)
    .sort((a, b) => a - b);
}

describe('any-punctuation search against a regular-expression scan', () => {
  const corpus = makeCorpus(23, 150, 0.3, '党建学习教育工作总结，、；：。！？,;:.“”《》—…的');
  const engine = new SearchEngine(sourceOf(corpus, 4, 3));
  const all = corpus.flatMap((d) => d.units.map((u) => u.text));
  const swaps = '，、；。！“》—…:?';
  // A piece of some unit's text, its marks swapped for others at random: the mode must still find it.
  const term = fc
    .tuple(fc.nat(), fc.nat(), fc.integer({ min: 2, max: 8 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }))
    .map(([i, at, len, picks]) => {
      const t = all[i % all.length]!;
      const piece = [...t.slice(at % t.length, (at % t.length) + len)];
      return piece
        .map((c, k) => (isMark(normalizeText(c).charCodeAt(0)) ? swaps[picks[k]! % swaps.length] : c))
        .join('');
    })
    .filter((t) => t.trim().length > 0 && !/[\s"-]/.test(t));

  it('finds exactly the documents the scan finds, counted or ranked, and highlights real characters', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const expected = scanAny(corpus, [q], []);
        engine.dropTermCache();
        assert.equal(await engine.count(q, { punctuation: 'any' }), expected.length, q);
        const result = await engine.search(q, any());
        assert.deepEqual(ids(result), expected, q);
        // Adjacent occurrences are highlighted as one span.
        const whole = new RegExp(`^(?:${pattern(q, false).source})+$`);
        for (const hit of result.hits) {
          for (const s of hit.snippets) {
            for (const [a, b] of s.highlights) assert.match(normalizeText(s.text.slice(a, b)), whole, q);
          }
        }
      }),
      { numRuns: 250 },
    );
  });

  it('finds the same in the JavaScript walk as in the WebAssembly one', async () => {
    await engine.refresh();
    try {
      await fc.assert(
        fc.asyncProperty(term, async (q) => {
          walkInWebAssembly(false);
          engine.dropTermCache();
          const js = ids(await engine.search(q, any()));
          walkInWebAssembly(true);
          engine.dropTermCache();
          assert.deepEqual(js, ids(await engine.search(q, any())), q);
        }),
        { numRuns: 80 },
      );
    } finally {
      walkInWebAssembly(true);
    }
  });

  it('honours several terms and exclusions', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, term, term, async (a, b, c) => {
        const result = await engine.search(`${a} ${b} -${c}`, any({ snippets: false }));
        assert.deepEqual(ids(result), scanAny(corpus, [a, b], [c]), `${a} ${b} -${c}`);
      }),
      { numRuns: 120 },
    );
  });

  it('limits matches to the scope: title, outline (and level), sentence', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, fc.constantFrom(1, 2), async (q, level) => {
        const is = (kind: UnitKind) => (u: IndexUnit) => u.kind === kind;
        assert.deepEqual(ids(await engine.search(q, any({ scope: 'title' }))), scanAny(corpus, [q], [], is('title')));
        const atLevel = (u: IndexUnit): boolean => u.kind === 'heading' && u.level === level;
        assert.deepEqual(
          ids(await engine.search(q, any({ scope: 'outline', level }))),
          scanAny(corpus, [q], [], atLevel),
        );
        const headings = scanAny(corpus, [q], [], is('heading'));
        engine.dropTermCache();
        assert.equal(await engine.count(q, { scope: 'outline', punctuation: 'any' }), headings.length, q);
        assert.deepEqual(ids(await engine.search(q, any({ scope: 'outline' }))), headings, q);
        const terminated =
          /[。！？!?；;]/.test(normalizeText(q)) && [...q].every((c) => isMark(normalizeText(c).charCodeAt(0)));
        const sentence = terminated ? [] : scanAny(corpus, [q], [], () => true, { sentence: true });
        assert.deepEqual(ids(await engine.search(q, any({ scope: 'sentence' }))), sentence, q);
      }),
      { numRuns: 120 },
    );
  });

  it('never matches or shows paid text to a reader without access, and filters by genre', async () => {
    await engine.refresh();
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const result = await engine.search(q, any({ access: 'free' }));
        assert.deepEqual(
          ids(result),
          scanAny(corpus, [q], [], () => true, { freeOnly: true }),
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
        const genre = corpus.filter((d) => d.meta.genre === '总结').map((d) => d.meta.id);
        const filtered = ids(await engine.search(q, any({ genre: '总结' })));
        assert.deepEqual(
          filtered,
          scanAny(corpus, [q], []).filter((id) => genre.includes(id)),
          q,
        );
      }),
      { numRuns: 120 },
    );
  });
});

describe('any-punctuation search on written examples', () => {
  const doc = (id: number, title: string, paragraphs: Array<[UnitKind, string]>, paidFrom = -1): TestDoc => ({
    meta: { id, title, genre: null, year: null, publishedAt: null, tags: [], paid: paidFrom >= 0 },
    units: [
      { docId: id, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
      ...paragraphs.map(([kind, text], i) => ({
        docId: id,
        ord: i + 1,
        kind,
        level: kind === 'heading' ? 1 : 0,
        text,
        paidFrom: i === paragraphs.length - 1 ? paidFrom : -1,
      })),
    ],
  });
  const corpus = [
    doc(1, '学习心得', [['body', '我们要学思想、强党性，重实践。']]),
    doc(2, '学思想；强党性', [['body', '其他内容。']]),
    doc(3, '工作总结', [
      ['heading', '一、学思想，强党性'],
      ['body', '学思想强党性的工作。'],
    ]),
    doc(4, '讲话', [['body', '学思想的强党性。']]),
    doc(5, '汇报', [
      ['body', '要学思想'],
      ['body', '强党性。'],
    ]),
    doc(6, '发言', [['body', '他说：“学思想”。强党性！']]),
    doc(7, '体会', [['body', '学思想，“强党性”是要求。']]),
    doc(
      8,
      '会员稿',
      [
        ['body', '免费部分。'],
        ['body', '付费部分写道：学思想·强党性。'],
      ],
      0,
    ),
    doc(9, '通知', [['body', '学思想。强党性。']]),
  ];
  const engine = new SearchEngine(sourceOf(corpus, 2));
  const found = async (q: string, o: SearchOptions = {}): Promise<number[]> => {
    engine.dropTermCache();
    return ids(await engine.search(q, any(o)));
  };

  it('matches any one mark where the query has one: 、；，· and a full stop, in every unit kind', async () => {
    await engine.refresh();
    assert.deepEqual(await found('学思想，强党性'), [1, 2, 3, 8, 9]);
    assert.deepEqual(await found('学思想、强党性'), [1, 2, 3, 8, 9]);
    assert.deepEqual(await found('学思想;强党性'), [1, 2, 3, 8, 9]);
    assert.equal(await engine.count('学思想，强党性', { punctuation: 'any' }), 5);
  });

  it('stays exact by default', async () => {
    await engine.refresh();
    assert.deepEqual(ids(await engine.search('学思想，强党性', { limit: 100 })), [3]);
  });

  it('needs a mark: no match without one, with another character, or across a paragraph break', async () => {
    await engine.refresh();
    // 3 holds 学思想强党性 too, 4 学思想的强党性, 5 学思想 and 强党性 in two paragraphs: only 3 by its heading.
    assert.deepEqual(await found('学思想，强党性'), [1, 2, 3, 8, 9]);
    assert.deepEqual(await found('学思想强党性'), [3]);
  });

  it('takes one mark for each mark of the query: a run of two needs two', async () => {
    await engine.refresh();
    assert.deepEqual(await found('学思想”。强党性'), [6, 7]);
    assert.deepEqual(await found('学思想，，强党性'), [6, 7]);
    // 7's 学思想，“强党性” has two marks before 强党性: not one.
    assert.deepEqual(await found('学思想，强党性”'), [1, 8, 9]);
  });

  it('reads a mark at either end as one mark there', async () => {
    await engine.refresh();
    assert.deepEqual(await found('，强党性'), [1, 2, 3, 6, 7, 8, 9]);
    // Not 2's title nor 3's heading, which end with 强党性.
    assert.deepEqual(await found('强党性；'), [1, 4, 5, 6, 7, 8, 9]);
  });

  it('matches a term of marks alone exactly', async () => {
    await engine.refresh();
    assert.deepEqual(await found('：“'), [6]);
    assert.deepEqual(await found('·'), [8]);
  });

  it('keeps a hit in the sentence scope within one sentence', async () => {
    await engine.refresh();
    // Not 2's title 学思想；强党性 nor 9's 学思想。强党性: a semicolon and a full stop end a sentence.
    assert.deepEqual(await found('学思想，强党性', { scope: 'sentence' }), [1, 3, 8]);
    const hit = (await engine.search('学思想，强党性', any({ scope: 'sentence' }))).hits.find((h) => h.id === 1)!;
    assert.equal(hit.snippets[0]!.text, '我们要学思想、强党性，重实践。');
  });

  it('honours exclusions, which match any mark too', async () => {
    await engine.refresh();
    assert.deepEqual(await found('强党性 -学思想、强党性'), [4, 5, 6, 7]);
    assert.deepEqual(await found('学思想，强党性 -重实践'), [2, 3, 8, 9]);
  });

  it('highlights the text’s own characters and names the section', async () => {
    await engine.refresh();
    const result = await engine.search('学思想，强党性', any());
    const first = result.hits.find((h) => h.id === 1)!.snippets[0]!;
    assert.deepEqual(
      first.highlights.map(([a, b]) => first.text.slice(a, b)),
      ['学思想、强党性'],
    );
    const title = result.hits.find((h) => h.id === 2)!.snippets[0]!;
    assert.equal(title.kind, 'title');
    assert.equal(title.text.slice(...title.highlights[0]!), '学思想；强党性');
    const heading = result.hits.find((h) => h.id === 3)!.snippets[0]!;
    assert.equal(heading.kind, 'heading');
    assert.equal(heading.text.slice(...heading.highlights[0]!), '学思想，强党性');
    // The heading (weight 3) and the title (6) rank above the body hits.
    assert.deepEqual(
      result.hits.slice(0, 2).map((h) => h.id),
      [2, 3],
    );
  });

  it('treats a hit only in the paid part as exact search does: found with access, not without', async () => {
    await engine.refresh();
    assert.ok((await found('学思想，强党性')).includes(8));
    assert.ok(!(await found('学思想，强党性', { access: 'free' })).includes(8));
    assert.deepEqual(await found('学思想，强党性', { paid: 'paid' }), [8]);
    assert.equal(await engine.count('学思想，强党性', { access: 'free', punctuation: 'any' }), 4);
  });

  it('finds a term with a mark in the outline', async () => {
    await engine.refresh();
    assert.deepEqual(await found('学思想。强党性', { scope: 'outline' }), [3]);
    assert.equal(await engine.count('学思想。强党性', { scope: 'outline', punctuation: 'any' }), 1);
  });
});
