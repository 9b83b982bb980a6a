import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { Library } from '../library.js';
import { tempDir } from '../testing/temp-dir.js';
import { Catalog } from './catalog.js';
import { DEMO_DIR } from './server.js';

/** What a catalog answers, for comparing one kept across writes with one read afresh. */
async function answers(catalog: Catalog) {
  const documents = await catalog.documents();
  const compilations = [...new Set(documents.flatMap((d) => (d.compilationId === null ? [] : [d.compilationId])))];
  return {
    ids: documents.map((d) => d.id),
    newest: (await catalog.newest()).map((d) => d.id),
    facets: await catalog.facets(),
    compilations: await Promise.all(compilations.map(async (c) => (await catalog.compilation(c)).map((d) => d.id))),
    titled: (await catalog.titlesContaining('工作', 100)).map((d) => d.id),
    days: (await catalog.days()).map((d) => [d.day, d.documents.map((x) => x.id)]),
  };
}

it('kept across ingests and deletions, answers as a catalog read afresh', async () => {
  const library = await Library.open(join(tempDir(), 'catalog.db'));
  try {
    const files = readdirSync(DEMO_DIR)
      .sort()
      .map((name) => join(DEMO_DIR, name));
    const kept = new Catalog(library);
    // What the kept catalog asks the library for: after the first read, only documents it has not seen.
    const asked: Array<number | undefined> = [];
    const list = library.list.bind(library);
    library.list = (afterId) => {
      asked.push(afterId);
      return list(afterId);
    };
    await library.ingest(files.slice(0, 10), { thread: false });
    const first = await answers(kept);
    assert.deepEqual(first, await answers(new Catalog(library)));

    // Documents added and one of them deleted before the kept catalog reads again: it is in no answer.
    await library.ingest(files.slice(10, 14), { thread: false });
    const shortLived = (await library.list(Math.max(...first.ids)))[0]!;
    assert.notEqual(await library.deleteDocument(shortLived.id), null);
    const between = await answers(kept);
    assert.deepEqual(between, await answers(new Catalog(library)));
    assert.ok(!between.ids.includes(shortLived.id) && !between.newest.includes(shortLived.id));

    // A second day's files: the new documents come first in `newest`, every answer as a fresh read's.
    await library.ingest(files.slice(14), { thread: false });
    const second = await answers(kept);
    assert.deepEqual(second, await answers(new Catalog(library)));
    assert.ok(second.ids.length > first.ids.length);
    assert.deepEqual(second.newest.slice(second.newest.length - first.newest.length), first.newest);
    assert.equal(asked[0], 0);
    assert.equal(asked[3], Math.max(...first.ids));

    // A deletion (of a compilation's article too): gone from every answer.
    const compiled = (await kept.documents()).find((d) => d.compilationId !== null)!;
    const plain = (await kept.documents()).find((d) => d.compilationId === null)!;
    for (const doc of [compiled, plain]) assert.notEqual(await library.deleteDocument(doc.id), null);
    const third = await answers(kept);
    assert.deepEqual(third, await answers(new Catalog(library)));
    assert.equal(await kept.summary(plain.id), null);
    assert.ok(!third.newest.includes(compiled.id) && !third.compilations.flat().includes(compiled.id));
  } finally {
    await library.close();
  }
});
