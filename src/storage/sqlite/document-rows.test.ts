import assert from 'node:assert/strict';
import { it } from 'node:test';
import { docMetaOf, parsedOf, summaryOf, type DocumentRow } from './document-rows.js';

const row: DocumentRow = {
  id: 5,
  file_id: 2,
  compilation_id: 9,
  title: '党建工作总结',
  raw_title: '【转】党建工作总结',
  genre: '总结',
  year: 2023,
  published_at: '2023-05-06',
  tags: '["党建"]',
  free_chars: 12,
  unit_lo: 40,
  unit_count: 3,
  meta: JSON.stringify({
    outline: [{ level: 1, text: '一、做法', paragraph: 1 }],
    placeholders: [{ text: 'XX局', offset: 0 }],
    restorations: [],
    removed: [{ rule: 'ad-block', text: '会员免费下载' }],
    roles: ['opening', 'heading'],
    levels: [null],
  }),
  created_at: '2026-12-07T01:02:03.000Z',
  path: 'a/b.txt',
};

it('rebuilds the parsed document from its row, meta and paragraph texts', () => {
  const parsed = parsedOf(row, ['XX局：', '一、做法']);
  assert.deepEqual(parsed.paragraphs, [
    { text: 'XX局：', role: 'opening', level: null },
    // A level missing from meta is null.
    { text: '一、做法', role: 'heading', level: null },
  ]);
  assert.deepEqual([parsed.title, parsed.rawTitle, parsed.year], ['党建工作总结', '【转】党建工作总结', 2023]);
  assert.deepEqual([parsed.freeChars, parsed.tags], [12, ['党建']]);
  // An outline stored before heading kinds were read gets the kind its form tells.
  assert.deepEqual(parsed.outline, [{ level: 1, kind: 'numbered', text: '一、做法', paragraph: 1 }]);
  assert.deepEqual(parsed.removed, [{ rule: 'ad-block', text: '会员免费下载' }]);
});

it('maps a row to its summary and to the ranker’s facts (paid with a marker, or past the free share)', () => {
  assert.deepEqual(summaryOf(row), {
    id: 5,
    title: '党建工作总结',
    genre: '总结',
    year: 2023,
    publishedAt: '2023-05-06',
    tags: ['党建'],
    paid: true,
    compilationId: 9,
    compilation: null,
    sourceFile: 'a/b.txt',
    addedAt: '2026-12-07T01:02:03.000Z',
  });
  assert.equal(docMetaOf(row).paid, true);
  // Without a marker, a document of two paragraphs or more has its default paid share; one of one is free.
  assert.equal(docMetaOf({ ...row, free_chars: null }).paid, true);
  assert.equal(docMetaOf({ ...row, free_chars: null, unit_count: 2 }).paid, false);
  assert.equal('compilation' in docMetaOf(row), false);
});

it('gives a compilation article its place, in its summary and in the ranker’s facts', () => {
  const article = { ...row, compilation_title: '材料汇编（12篇）', compilation_count: 12, compilation_position: 3 };
  const place = { id: 9, title: '材料汇编（12篇）', position: 3, count: 12 };
  assert.deepEqual(summaryOf(article).compilation, place);
  assert.deepEqual(docMetaOf(article).compilation, place);
  // Migrated from before places were kept, a place may be unknown: 0.
  assert.deepEqual(summaryOf({ ...article, compilation_position: null }).compilation, { ...place, position: 0 });
});
