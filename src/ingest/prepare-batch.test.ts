import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBigrams } from '../core/index/decode-bigrams.js';
import { bigramKey } from '../core/index/gram-keys.js';
import { listsOf } from '../testing/posting-lists.js';
import { prepareBatch, type RawFile } from './prepare-batch.js';

const body = (topic: string): string =>
  `一、总体情况\n今年以来，我们围绕${topic}扎实开展工作，取得了明显成效。\n` +
  `二、主要做法\n坚持问题导向，压实工作责任，推动${topic}各项任务落地见效。\n`;

function file(path: string, title: string, topic: string): RawFile {
  return { path, bytes: new TextEncoder().encode(`${title}\n${body(topic)}`), sha256: path };
}

describe('prepareBatch', () => {
  // Files of one genre (and those without one) keep the order given.
  it("orders a batch's files by genre, and builds its segment in that order", async () => {
    const files = [
      file('a.txt', '2023年党建工作总结', '党建'),
      file('b.txt', '在全县防汛工作会议上的讲话', '防汛'),
      file('c.txt', '关于信访工作的汇报', '信访'),
      file('d.txt', '乡村振兴工作总结', '乡村振兴'),
      file('e.txt', '营商环境随笔', '营商环境'),
      file('f.txt', '在党史学习教育动员会上的讲话', '党史学习教育'),
    ];
    const { prepared, segment } = await prepareBatch(files);
    assert.deepEqual(
      prepared.map((p) => [p.source.path, p.parsed.documents[0]!.genre]),
      [
        ['a.txt', '总结'],
        ['d.txt', '总结'],
        ['c.txt', '汇报'],
        ['b.txt', '讲话'],
        ['f.txt', '讲话'],
        ['e.txt', null],
      ],
    );
    // The segment's slots follow the same order: each file's own topic is in the slot of its place.
    const slotsOf = (word: string): number[] => {
      const gram = bigramKey(word.charCodeAt(0), word.charCodeAt(1));
      return [
        ...decodeBigrams(
          listsOf(segment!)
            .filter((l) => l.gram === gram)
            .map((l) => l.data),
          'presence',
        ).slots,
      ];
    };
    assert.deepEqual(['党建', '乡村', '信访', '防汛', '党史', '营商'].map(slotsOf), [[0], [1], [2], [3], [4], [5]]);
  });
});
