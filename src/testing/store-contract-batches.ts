import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LibraryStore } from '../storage/store.js';
import { parsedDocument, preparedFile } from './prepared-files.js';

const LONG =
  '各级党组织认真学习贯彻党的二十大精神，坚持以学铸魂、以学增智、以学正风、以学促干，推动主题教育走深走实，取得明显成效。';

/** The contract's part on batch reports and on deleting documents. */
export function runBatchContract(open: () => Promise<LibraryStore>): void {
  it('keeps a report of each run: files, documents, duplicates, removed spans, rejections and the end', async () => {
    const store = await open();
    const id = await store.startBatch('inbox');
    const doc = parsedDocument('防汛工作总结', ['开头。', LONG]);
    const [first] = await store.writeBatch([preparedFile('a.txt', [doc])], undefined, {
      batchId: id,
      skipped: [{ path: 'bad.pdf', outcome: 'rejected', reason: 'bad.pdf: is a PDF document', code: 'binary' }],
      damage: { 'a.txt': 'bytes 10–12 are not text' },
    });
    const running = (await store.listBatches())[0]!;
    assert.equal(running.finishedAt, null, 'a run not finished says so');
    assert.equal(running.counts.files, 2);
    const articles = [parsedDocument('文章一', ['第一篇的正文内容。']), { ...doc, title: '防汛工作总结（转载）' }];
    const compilation = { title: '材料汇编（2篇）', rawTitle: '材料汇编（2篇）', declaredCount: 2 };
    const [second] = await store.writeBatch([preparedFile('set.txt', articles, compilation)], undefined, {
      batchId: id,
      skipped: [],
    });
    await store.finishBatch(id, [{ path: 'a-again.txt', outcome: 'already-stored' }]);
    const other = await store.startBatch('upload');
    await store.finishBatch(other, [], 'disk full');

    const report = (await store.getBatch(id))!;
    assert.equal(report.origin, 'inbox');
    assert.ok(report.finishedAt !== null && report.finishedAt >= report.startedAt);
    assert.equal(report.error, null);
    assert.deepEqual(report.counts, {
      files: 4,
      stored: 2,
      alreadyStored: 1,
      rejected: 1,
      documents: 2,
      duplicates: 1,
    });
    assert.deepEqual(
      report.files.map((f) => [f.path, f.outcome, f.code]),
      [
        ['bad.pdf', 'rejected', 'binary'],
        ['a.txt', 'stored', null],
        ['set.txt', 'stored', null],
        ['a-again.txt', 'already-stored', null],
      ],
    );
    assert.equal(report.files[0]!.reason, 'bad.pdf: is a PDF document');
    assert.equal(report.files[1]!.damage, 'bytes 10–12 are not text');
    const newId = first!.documents[0]!.id;
    assert.deepEqual(report.files[1]!.documents, [
      { kind: 'new', id: newId, near: false, title: '防汛工作总结', removedByRule: { 'ad-block': 1 } },
    ]);
    assert.equal(report.files[2]!.compilationId, second!.compilationId);
    assert.deepEqual(
      report.files[2]!.documents.map((d) => [d.kind, d.title, d.kind === 'duplicate' ? d.id : 'new']),
      [
        ['new', '文章一', 'new'],
        ['duplicate', '防汛工作总结（转载）', newId],
      ],
    );
    assert.deepEqual(
      (await store.listBatches()).map((b) => [b.id, b.origin, b.error]),
      [
        [other, 'upload', 'disk full'],
        [id, 'inbox', null],
      ],
    );
    assert.equal((await store.listBatches(1)).length, 1);
    assert.equal(await store.getBatch(other + 100), null);
    await store.close();
  });

  it('writes nothing of a report for a write that fails', async () => {
    const store = await open();
    const id = await store.startBatch('cli');
    const bad = preparedFile('bad.txt', [parsedDocument('坏', ['正文。'])]);
    (bad.parsed.documents[0] as { title: unknown }).title = null;
    const skipped = [{ path: 'x.png', outcome: 'rejected' as const, reason: 'x.png: is a PNG image' }];
    await assert.rejects(store.writeBatch([bad], undefined, { batchId: id, skipped }));
    assert.deepEqual((await store.getBatch(id))!.files, []);
    await store.close();
  });

  it('deletes a document with its sources and the files only it needed; the others stay whole', async () => {
    const store = await open();
    const kept = parsedDocument('保留的文章', ['开头。', LONG.replace('明显', '显著')]);
    const gone = parsedDocument('删除的文章', ['开头。', LONG]);
    const articles = [parsedDocument('文章一', ['第一篇的正文内容。']), parsedDocument('文章二', ['第二篇的正文。'])];
    const compilation = { title: '材料汇编（2篇）', rawTitle: '材料汇编（2篇）', declaredCount: 2 };
    const outcomes = await store.writeBatch([
      preparedFile('kept.txt', [kept]),
      preparedFile('gone.txt', [gone]),
      preparedFile('set.txt', articles, compilation),
    ]);
    const goneId = outcomes[1]!.documents[0]!.id;
    const repost = preparedFile('gone-repost.html', [{ ...gone, title: '删除的文章（转）' }]);
    assert.equal((await store.writeBatch([repost]))[0]!.documents[0]!.kind, 'duplicate');
    const keptDoc = (await store.getDocument(outcomes[0]!.documents[0]!.id))!;

    assert.deepEqual(await store.deleteDocument(goneId), { id: goneId, title: '删除的文章', sources: 2, files: 2 });
    assert.equal(await store.getDocument(goneId), null);
    assert.equal(await store.deleteDocument(goneId), null, 'a second delete finds nothing');
    assert.equal(await store.hasFile(repost.source.sha256), false, 'its files went with it');
    assert.deepEqual(await store.deletions(), [{ seq: 1, docId: goneId }]);
    assert.deepEqual(
      (await store.listDocuments()).map((d) => d.title),
      ['保留的文章', '文章一', '文章二'],
    );
    assert.ok((await store.documents()).every((d) => d.id !== goneId));
    assert.ok((await store.titleAliases()).every((a) => a.docId !== goneId));
    assert.deepEqual(await store.getDocument(keptDoc.id), keptDoc);

    // A compilation's article deleted: the others keep their file, compilation and place.
    const [one, two] = outcomes[2]!.documents;
    const before = (await store.getDocument(two!.id))!;
    assert.deepEqual(await store.deleteDocument(one!.id), { id: one!.id, title: '文章一', sources: 1, files: 0 });
    assert.deepEqual(await store.getDocument(two!.id), before);
    assert.equal(await store.hasFile(preparedFile('set.txt', articles, compilation).source.sha256), true);

    // Ids are never given again (the dead slot still names the deleted one); a new near copy is new.
    const last = (await store.listDocuments()).at(-1)!.id;
    await store.deleteDocument(last);
    const [again] = await store.writeBatch([preparedFile('gone-again.txt', [{ ...gone, title: '又来了' }])]);
    assert.equal(again!.documents[0]!.kind, 'new');
    assert.ok(again!.documents[0]!.id > last);
    assert.deepEqual(
      (await store.deletions(1)).map((d) => d.docId),
      [one!.id, last],
    );
    await store.close();
  });
}
