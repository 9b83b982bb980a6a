import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Library } from './library.js';
import { expected, seedsDir } from './testing/shared-seeds.js';
import { tempDir } from './testing/temp-dir.js';

const facts = expected();

describe('library over the seeds', () => {
  let library: Library;
  const sourceOf = new Map<number, string>();

  before(async () => {
    library = await Library.open(join(tempDir(), 'lib.db'));
    const summary = await library.ingest([seedsDir()]);
    // expected.json sits in the seed folder too: it is rejected (not a document type), the rest stored.
    assert.equal(summary.documents, 16);
    for (const d of await library.list()) sourceOf.set(d.id, d.sourceFile.split('/').pop()!.slice(0, 3));
  });
  after(() => library.close());

  it('lists each article once, compilation articles linked to their compilation', async () => {
    const docs = await library.list();
    assert.equal(docs.length, 16);
    const articles = docs.filter((d) => d.compilationId !== null);
    assert.equal(articles.length, 12);
    assert.equal(new Set(articles.map((d) => d.compilationId)).size, 1);
  });

  for (const q of facts.search) {
    it(`search "${q.query}"`, async () => {
      const result = await library.search(q.query, { limit: 50 });
      const files = result.hits.map((h) => sourceOf.get(h.id));
      if (q.total !== undefined) assert.equal(result.total, q.total);
      for (const f of q.mustHit ?? []) assert.ok(files.includes(f), `${q.query} should hit ${f}: ${files.join(',')}`);
      for (const f of q.mustMiss ?? []) assert.ok(!files.includes(f), `${q.query} should miss ${f}`);
      if (q.firstHit !== undefined) assert.equal(files[0], q.firstHit);
      assert.equal(result.total, result.hits.length < 50 ? result.hits.length : result.total);
    });
  }

  it('finds 以学铸魂 among headings in the two articles whose headings hold it', async () => {
    // Article 6 has it in 一、以学铸魂，…; article 1 in its lead heading 以学铸魂转作风。
    const result = await library.search('以学铸魂', { scope: 'outline' });
    const titles = facts.documents['003_f863d41575c9a514.txt']!.articleTitles!;
    assert.deepEqual(result.hits.map((h) => h.title).sort(), [titles[0], titles[5]].sort());
  });

  it('finds a single character in headings exactly as a scan of the stored headings does', async () => {
    const docs = await Promise.all((await library.list()).map((d) => library.show(d.id)));
    // 鑫 stands in no heading: the one character whose answer is empty.
    for (const [ch, inSome] of [
      ['学', true],
      ['党', true],
      ['一', true],
      ['鑫', false],
    ] as const) {
      const expected = docs
        .filter((d) => d!.parsed.paragraphs.some((p) => p.role === 'heading' && p.text.includes(ch)))
        .map((d) => d!.id);
      assert.equal(expected.length > 0, inSome, `${ch} in some heading`);
      const result = await library.search(ch, { scope: 'outline', limit: 50 });
      assert.deepEqual(
        result.hits.map((h) => h.id).sort((a, b) => a - b),
        expected.sort((a, b) => a - b),
        ch,
      );
    }
  });

  it('never lets a reader without access see paid text', async () => {
    const docs = await library.list();
    let checked = 0;
    for (const d of docs) {
      const doc = (await library.show(d.id))!;
      if (doc.parsed.freeChars === null) continue;
      const text = doc.parsed.paragraphs.map((p) => p.text).join('\n');
      const paidSentence = text.slice(doc.parsed.freeChars).match(/[^。\n]{6,}/)?.[0];
      if (!paidSentence || text.slice(0, doc.parsed.freeChars).includes(paidSentence)) continue;
      const asReader = await library.search(paidSentence, { access: 'free' });
      assert.ok(!asReader.hits.some((h) => h.id === d.id), `paid text of ${d.id} matched for a free reader`);
      const asMember = await library.search(paidSentence);
      assert.ok(asMember.hits.some((h) => h.id === d.id));
      checked++;
    }
    assert.ok(checked > 0, 'no paid sentence checked');
  });
});
