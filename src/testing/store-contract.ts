import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedDocument } from '../core/document.js';
import { decodeUnigrams } from '../core/index/decode-unigrams.js';
import type { LibraryStore } from '../storage/store.js';
import { storedMetaJson } from '../storage/stored-meta.js';
import { parsedDocument, preparedFile } from './prepared-files.js';
import { runAccountContract } from './store-contract-accounts.js';
import { runBatchContract } from './store-contract-batches.js';
import { runTitleContract } from './store-contract-titles.js';

// Kept importable from here, where the contract's tests have always found them.
export { parsedDocument, preparedFile };

const LONG =
  '各级党组织认真学习贯彻党的二十大精神，坚持以学铸魂、以学增智、以学正风、以学促干，推动主题教育走深走实，取得明显成效。';

/**
 * The behaviour every LibraryStore must have, written once to run against each implementation (SQLite
 * today; a second store, such as a planned PostgreSQL one, would run it too): `open` must give an empty store.
 */
export function runStoreContract(name: string, open: () => Promise<LibraryStore>): void {
  describe(`LibraryStore contract: ${name}`, () => {
    runTitleContract(open);
    runBatchContract(open);
    runAccountContract(open);
    it('round-trips a document with its structure, sources and metadata (meta made by store or ahead)', async () => {
      const store = await open();
      const doc: ParsedDocument = {
        ...parsedDocument(
          '甲单位工作总结',
          ['现将XX局情况报告如下：', '一、主要做法', LONG, '下一步，我们将继续努力。'],
          30,
        ),
        placeholders: [{ text: 'XX局', offset: 3 }],
        restorations: [{ offset: 40, original: 'D的', restored: '党的' }],
      };
      const ahead = {
        ...parsedDocument('乙单位工作总结', ['一、主要做法', `${LONG}乙`], null),
        placeholders: [{ text: 'x月x日', offset: 9 }],
      };
      const made = { ...preparedFile('b.txt', [ahead]), metaJson: [storedMetaJson(ahead)] };
      const outcomes = await store.writeBatch([preparedFile('a.txt', [doc]), made]);
      for (const [k, original] of [doc, ahead].entries()) {
        assert.equal(outcomes[k]!.documents[0]!.kind, 'new');
        const stored = (await store.getDocument(outcomes[k]!.documents[0]!.id))!;
        assert.deepEqual(stored.parsed, original, original.title);
        assert.deepEqual(stored.tags, ['党建']);
        assert.equal(stored.sources.length, 1);
      }
      assert.equal((await store.listDocuments()).length, 2);
      // Both have a paid part: the first by its marker, the second (two paragraphs) by the default free share.
      assert.deepEqual(
        (await store.documents()).map((d) => d.paid),
        [true, true],
      );
      assert.deepEqual(
        (await store.listDocuments()).map((d) => d.paid),
        [true, true],
      );
      await store.close();
    });

    it('records when each document was taken in, the same in its summary and in the document', async () => {
      const store = await open();
      const before = new Date().toISOString();
      await store.writeBatch([preparedFile('first.txt', [parsedDocument('第一篇', ['开头。', LONG])])]);
      await store.writeBatch([
        preparedFile('second.txt', [
          parsedDocument('第二篇', [
            '另一个开头。',
            '完全不同的一篇文章，讲的是防汛抗旱和安全生产工作的部署安排情况。',
          ]),
        ]),
      ]);
      const after = new Date().toISOString();
      const [first, second] = await store.listDocuments();
      for (const d of [first!, second!]) {
        assert.match(d.addedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
        assert.ok(before <= d.addedAt && d.addedAt <= after, d.addedAt);
        assert.equal((await store.getDocument(d.id))!.addedAt, d.addedAt);
      }
      assert.ok(first!.addedAt <= second!.addedAt);
      // Those added after a document, in id order: what a catalog already holding the first reads.
      assert.deepEqual(
        (await store.listDocuments(first!.id)).map((d) => d.id),
        [second!.id],
      );
      assert.deepEqual(await store.listDocuments(second!.id), []);
      await store.close();
    });

    it('skips a file it already holds and links duplicates as sources', async () => {
      const store = await open();
      const doc = parsedDocument('乙单位汇报', ['开头。', LONG, LONG.replace('党组织', '支部')]);
      await store.writeBatch([preparedFile('b.txt', [doc])]);
      // The writer's keys loaded ahead (as a process getting ready to ingest does): the checks below find the same.
      await store.prepareWrites();
      const again = await store.writeBatch([preparedFile('b.txt', [doc])]);
      assert.equal(again[0]!.alreadyStored, true);
      const copy = await store.writeBatch([preparedFile('b-copy.html', [doc])]);
      assert.deepEqual(copy[0]!.documents[0], { kind: 'duplicate', id: 1, near: false });
      const near = parsedDocument('乙单位汇报', [
        '开头。',
        LONG.replace('明显', '显著'),
        LONG.replace('党组织', '支部'),
      ]);
      const nearOutcome = await store.writeBatch([preparedFile('b-near.txt', [near])]);
      assert.deepEqual(nearOutcome[0]!.documents[0], { kind: 'duplicate', id: 1, near: true });
      // Document 1 again as a candidate (kept with its shingles since the last comparison): same verdict.
      const nearAgain = parsedDocument('丙单位汇报', [
        '开头。',
        LONG.replace('明显', '突出'),
        LONG.replace('党组织', '支部'),
      ]);
      const nearAgainOutcome = await store.writeBatch([preparedFile('b-near-again.txt', [nearAgain])]);
      assert.deepEqual(nearAgainOutcome[0]!.documents[0], { kind: 'duplicate', id: 1, near: true });
      const different = parsedDocument('丙', ['完全不同的一篇文章，讲的是防汛抗旱和安全生产工作的部署安排情况。']);
      const other = await store.writeBatch([preparedFile('c.txt', [different])]);
      assert.equal(other[0]!.documents[0]!.kind, 'new');
      assert.equal((await store.listDocuments()).length, 2);
      assert.equal((await store.getDocument(1))!.sources.length, 4);
      // Every file stored (a duplicate's too, not the one skipped), newest first, with its original bytes.
      const names = ['c.txt', 'b-near-again.txt', 'b-near.txt', 'b-copy.html', 'b.txt'];
      const recent = await store.recentFiles(10);
      assert.deepEqual(
        recent.map((f) => f.path),
        names,
      );
      assert.deepEqual(Buffer.from(recent[4]!.bytes), Buffer.from(preparedFile('b.txt', [doc]).source.bytes));
      assert.deepEqual(
        (await store.recentFiles(2)).map((f) => f.path),
        names.slice(0, 2),
      );
      // A byte budget stops at the file that would pass it; the newest is given however large.
      const sizes = recent.map((f) => f.bytes.length);
      assert.deepEqual(
        (await store.recentFiles(10, sizes[0]! + sizes[1]!)).map((f) => f.path),
        names.slice(0, 2),
      );
      assert.deepEqual(
        (await store.recentFiles(10, sizes[0]! + sizes[1]! - 1)).map((f) => f.path),
        names.slice(0, 1),
      );
      assert.deepEqual(
        (await store.recentFiles(10, 1)).map((f) => f.path),
        names.slice(0, 1),
      );
      await store.close();
    });

    it('links compilation articles and gives units consecutive ids across batches', async () => {
      const store = await open();
      const articles = [
        parsedDocument('文章一', ['第一篇的正文内容。']),
        parsedDocument('文章二', ['第二篇的正文内容。']),
      ];
      const compilation = { title: '材料汇编（2篇）', rawTitle: '材料汇编（2篇）', declaredCount: 2 };
      const [outcome] = await store.writeBatch([preparedFile('h.txt', articles, compilation)]);
      assert.notEqual(outcome!.compilationId, null);
      await store.writeBatch([preparedFile('i.txt', [parsedDocument('第三篇', ['正文。'])])]);
      const listed = await store.listDocuments();
      assert.deepEqual(
        listed.map((d) => d.compilationId),
        [outcome!.compilationId, outcome!.compilationId, null],
      );
      const segments = await store.segments();
      for (let i = 1; i < segments.length; i++) assert.equal(segments[i]!.unitLo, segments[i - 1]!.unitHi);
      const texts = await store.unitTexts([0, 1]);
      assert.equal(texts.get(0), '文章一');
      await store.close();
    });

    it('reads any set of unit texts, few or many, scattered or in runs, by id or joined', async () => {
      const store = await open();
      const docs = Array.from({ length: 40 }, (_, d) =>
        parsedDocument(`标题${d}`, [`第${d}篇第一段。`, `第${d}篇第二段。`, `第${d}篇第三段。`]),
      );
      await store.writeBatch([preparedFile('many.txt', docs)]);
      // Unit 4d is document d's title, then its three paragraphs.
      const expected = (u: number): string =>
        u % 4 === 0 ? `标题${u / 4}` : `第${Math.floor(u / 4)}篇第${'一二三'[(u % 4) - 1]}段。`;
      const ascending = (ids: Iterable<number>): number[] => [...ids].sort((a, b) => a - b);
      const scattered = Array.from({ length: 80 }, (_, k) => 2 * k + 1).concat([7, 7, 500]);
      for (const ids of [[1, 2, 3, 9], Array.from({ length: 160 }, (_, u) => u), scattered]) {
        const texts = await store.unitTexts(ids);
        assert.deepEqual(ascending(texts.keys()), ascending(new Set(ids.filter((u) => u < 160))));
        for (const [u, text] of texts) assert.equal(text, expected(u));
        // The same texts in id order as one string, the missing one left out.
        assert.equal(await store.joinedUnitTexts(ids), ascending(texts.keys()).map(expected).join('\n'));
      }
      await store.close();
    });

    it('stores nothing of a batch that fails midway', async () => {
      const store = await open();
      await store.writeBatch([preparedFile('ok.txt', [parsedDocument('好', ['好的正文。'])])]);
      const bad = preparedFile('bad.txt', [parsedDocument('坏', ['正文。'])]);
      (bad.parsed.documents[0] as { title: unknown }).title = null;
      await assert.rejects(
        store.writeBatch([preparedFile('fine.txt', [parsedDocument('也好', ['另一段正文。'])]), bad]),
      );
      assert.equal((await store.listDocuments()).length, 1);
      const fine = preparedFile('fine.txt', [parsedDocument('也好', ['另一段正文。'])]);
      assert.equal(await store.hasFile(fine.source.sha256), false);
      assert.equal((await store.segments()).length, 1);
      await store.close();
    });

    it('keeps every posting when segments are merged', async () => {
      const store = await open();
      for (let i = 0; i < 14; i++) {
        await store.writeBatch([
          preparedFile(`m${i}.txt`, [parsedDocument(`第${i}篇`, [`第${i}篇正文讲党建工作和主题教育。`])]),
        ]);
      }
      const gram = '党'.charCodeAt(0);
      const before = decodeUnigrams((await store.postings([gram])).get(gram)!);
      const segmentsBefore = (await store.segments()).length;
      assert.equal(segmentsBefore, 14);
      await store.compact();
      assert.ok((await store.segments()).length < segmentsBefore);
      const after = decodeUnigrams((await store.postings([gram])).get(gram)!);
      assert.equal(after.length, 14);
      assert.deepEqual([...after.slots.subarray(0, after.length)], [...before.slots.subarray(0, before.length)]);
      assert.deepEqual([...after.counts.subarray(0, after.length)], [...before.counts.subarray(0, before.length)]);
      await store.close();
    });
  });
}
