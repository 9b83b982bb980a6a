import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { SEARCH_SCOPES, type SearchScope } from './core/search/search-options.js';
import { Library } from './library.js';
import { seedFiles, seedsDir } from './testing/shared-seeds.js';
import { tempDir } from './testing/temp-dir.js';

const ROLE_OF_SCOPE: Partial<Record<SearchScope, string>> = {
  outline: 'heading',
  opening: 'opening',
  intro: 'intro',
  closing: 'closing',
  sentence: 'body',
};

it('stops finding a deleted document at once, in every scope, beside a reopened library; the rest stays', async () => {
  const path = join(tempDir(), 'delete.db');
  const library = await Library.open(path);
  await library.ingest(seedFiles().map((f) => join(seedsDir(), f)));
  const all = await library.list();
  const article = all.find((d) => d.title === '推动审计工作高质量发展')!;
  const report = all.find((d) => d.title === '关于全市理论宣讲工作汇报')!;
  assert.ok(article.compilation !== null && report);
  const doc = (await library.show(article.id))!;
  // A query per scope that finds the article there: its title, or a piece of a paragraph of that scope's kind.
  const queries = new Map<SearchScope, string[]>();
  for (const scope of SEARCH_SCOPES) {
    const role = ROLE_OF_SCOPE[scope];
    const text = role === undefined ? doc.title : doc.parsed.paragraphs.find((p) => p.role === role)?.text;
    if (text === undefined) continue;
    // Two characters, a longer piece, and one character (a narrow scope's one-character scan).
    queries.set(scope, [text.slice(2, 4), text.slice(1, 9).replace(/[，。、；：“”]/g, ''), text.slice(3, 4)]);
  }
  assert.ok(queries.size >= 4, `scopes to test: ${[...queries.keys()].join(' ')}`);
  const ask = async (lib: Library) => {
    const out: Array<{ scope: SearchScope; query: string; total: number; ids: number[] }> = [];
    for (const [scope, qs] of queries) {
      for (const query of [...qs, '主题教育', '材料汇编']) {
        const r = await lib.search(query, { scope, limit: 100 });
        // The order may shift a little (the library's average length is the ranking's): the set may not.
        out.push({ scope, query, total: r.total, ids: r.hits.map((h) => h.id).sort((x, y) => x - y) });
      }
    }
    return out;
  };
  const before = await ask(library);
  for (const b of before.filter((b) => queries.get(b.scope)!.includes(b.query))) {
    assert.ok(b.ids.includes(article.id), `${b.scope} ${b.query} finds the article before`);
  }
  const sibling = (await library.show(article.id + 1))!;

  assert.equal((await library.deleteDocument(article.id))!.files, 0, "the compilation's file stays for the others");
  assert.equal(await library.deleteDocument(report.id).then((d) => d!.files), 1);
  const after = await ask(library);
  after.forEach((a, i) => {
    const b = before[i]!;
    const lost = b.ids.filter((id) => id === article.id || id === report.id).length;
    assert.ok(!a.ids.includes(article.id) && !a.ids.includes(report.id), `${a.scope} ${a.query}: deleted gone`);
    assert.equal(a.total, b.total - lost, `${a.scope} ${a.query}: ${b.total} less ${lost}`);
    assert.deepEqual(
      a.ids,
      b.ids.filter((id) => id !== article.id && id !== report.id),
      `${a.scope} ${a.query}`,
    );
    assert.equal(a.total, a.ids.length);
  });
  const filtered = { genre: article.genre!, year: article.year! };
  assert.equal(
    (await library.search('审计', filtered)).hits.some((h) => h.id === article.id),
    false,
    'nor with filters',
  );
  assert.equal(await library.show(article.id), null);
  assert.deepEqual(
    (await library.list()).map((d) => d.id),
    all.map((d) => d.id).filter((id) => id !== article.id && id !== report.id),
  );
  assert.deepEqual(await library.show(article.id + 1), sibling, 'a sibling article keeps its place');
  await library.close();

  // A library opened afresh answers as the warm engine did.
  const reopened = await Library.open(path);
  assert.deepEqual(await ask(reopened), after);
  // Taken in again, the same file is a new document (its bytes went with it), with a new id.
  const again = await reopened.ingest([join(seedsDir(), '004_61eaccc42b378d20.txt')]);
  assert.equal(again.documents, 1);
  const back = (await reopened.list()).find((d) => d.title === report.title)!;
  assert.ok(back.id > Math.max(...all.map((d) => d.id)));
  assert.equal((await reopened.search('理论宣讲', { scope: 'title' })).hits[0]!.id, back.id);
  await reopened.close();
});
