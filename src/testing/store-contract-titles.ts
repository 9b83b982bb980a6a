import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LibraryStore } from '../storage/store.js';
import { parsedDocument, preparedFile } from './prepared-files.js';

const LONG =
  '各级党组织认真学习贯彻党的二十大精神，坚持以学铸魂、以学增智、以学正风、以学促干，推动主题教育走深走实，取得明显成效。';

/** A document of its own text (long enough to be told from the others), under `title`. */
function article(title: string, n: number, year = 2023, publishedAt: string | null = '2023-05-06') {
  const paragraphs = [`第${n}篇开头。`, LONG.replace('明显', `第${n}种`), `第${n}篇结尾，继续努力。`];
  return { ...parsedDocument(title, paragraphs), year, publishedAt };
}

/** The contract's part on titles: compilations, articles' places, sources' titles and the aliases search reads. */
export function runTitleContract(open: () => Promise<LibraryStore>): void {
  it("keeps a compilation's title and each article's place in it, and gives search its title", async () => {
    const store = await open();
    const compilation = { title: '主题教育材料汇编（3篇）', rawTitle: '主题教育材料汇编（3篇）', declaredCount: 3 };
    const articles = [article('文章一', 1), article('文章二', 2), article('文章三', 3)];
    const [outcome] = await store.writeBatch([preparedFile('h.txt', articles, compilation)]);
    const id = outcome!.compilationId!;
    const place = (position: number) => ({ id, title: compilation.title, position, count: 3 });
    assert.deepEqual(
      (await store.listDocuments()).map((d) => d.compilation),
      [place(1), place(2), place(3)],
    );
    assert.deepEqual(
      (await store.documents()).map((d) => d.compilation),
      [place(1), place(2), place(3)],
    );
    const second = (await store.getDocument(2))!;
    assert.deepEqual(second.compilation, place(2));
    assert.deepEqual(
      second.sources.map((s) => [s.path, s.title, s.publishedAt, s.year, s.near, s.compilation]),
      [['h.txt', '文章二', '2023-05-06', 2023, false, place(2)]],
    );
    assert.deepEqual(
      (await store.titleAliases()).map((a) => [a.docId, a.kind, a.title]),
      [1, 2, 3].map((d) => [d, 'compilation', compilation.title]),
    );
    await store.close();
  });

  it('keeps the title and date of every source, and a retitled repost’s title for search', async () => {
    const store = await open();
    await store.writeBatch([preparedFile('a.txt', [article('原标题', 1)])]);
    const seen = (await store.titleAliases()).length;
    // The same text from another site, under another title and year.
    const [repost] = await store.writeBatch([preparedFile('b.html', [article('另一网站的标题', 1, 2021, null)])]);
    assert.equal(repost!.documents[0]!.kind, 'duplicate');
    // Under its own title again (another wrapper), and the repost once more in other bytes: nothing to add.
    await store.writeBatch([preparedFile('c.txt', [article('原标题', 1)])]);
    await store.writeBatch([preparedFile('d.txt', [article('另一网站的标题', 1, 2021, null)])]);
    const stored = (await store.getDocument(1))!;
    assert.equal(stored.title, '原标题');
    assert.deepEqual(
      stored.sources.map((s) => [s.path, s.title, s.publishedAt, s.year, s.compilation]),
      [
        ['a.txt', '原标题', '2023-05-06', 2023, null],
        ['b.html', '另一网站的标题', null, 2021, null],
        ['c.txt', '原标题', '2023-05-06', 2023, null],
        ['d.txt', '另一网站的标题', null, 2021, null],
      ],
    );
    const aliases = await store.titleAliases();
    assert.deepEqual(
      aliases.slice(seen).map((a) => [a.docId, a.kind, a.title]),
      [[1, 'repost', '另一网站的标题']],
    );
    // Read from an id on: only what came after it.
    assert.deepEqual(await store.titleAliases(aliases[aliases.length - 1]!.id), []);
    await store.close();
  });

  it('places a stored article found again in a compilation there, under the compilation’s title', async () => {
    const store = await open();
    await store.writeBatch([preparedFile('alone.txt', [article('单篇', 7)])]);
    const compilation = { title: '经验材料汇编（2篇）', rawTitle: '经验材料汇编（2篇）', declaredCount: 2 };
    const [outcome] = await store.writeBatch([
      preparedFile('set.txt', [article('新的一篇', 8), article('单篇', 7)], compilation),
    ]);
    assert.deepEqual(
      outcome!.documents.map((d) => d.kind),
      ['new', 'duplicate'],
    );
    const alone = (await store.getDocument(1))!;
    // Its own place is none (it came alone first); the compilation's source says where it stood there.
    assert.equal(alone.compilation, null);
    const place = { id: outcome!.compilationId!, title: compilation.title, position: 2, count: 2 };
    assert.deepEqual(
      alone.sources.map((s) => s.compilation),
      [null, place],
    );
    assert.deepEqual(
      (await store.titleAliases()).map((a) => [a.docId, a.kind, a.title]),
      [
        [2, 'compilation', compilation.title],
        [1, 'compilation', compilation.title],
      ],
    );
    await store.close();
  });
}
