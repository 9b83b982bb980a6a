import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inferYear } from './infer-year.js';
import { parseFile } from './parse-file.js';

describe('the year a text reports on', () => {
  it('is the year it names most, the opening counting double', () => {
    assert.equal(inferYear(['2023年以来，我局认真落实各项部署。', '2022年同期相比增长5%。', '2023年底前完成。']), 2023);
  });

  it('is not a target year or the start of a span', () => {
    assert.equal(inferYear(['到2035年基本实现现代化，2024年是关键一年。']), 2024);
    assert.equal(inferYear(['实施2021—2025年行动计划，2021年起步。']), 2021);
    assert.equal(inferYear(['力争到2030年建成。']), null);
  });

  it('comes from the campaign a text reports on when it names no year', () => {
    assert.equal(inferYear(['今年以来，我们扎实开展党史学习教育。']), 2021);
    assert.equal(inferYear(['第二批主题教育开展以来，我们坚持学思用贯通。']), 2023);
    assert.equal(inferYear(['今年以来，我们狠抓落实。']), null);
  });

  it('is marked inferred, and never overrides a year the title or the page gives', () => {
    const inferred = parseFile('党史学习教育总结\n今年以来，我们扎实开展党史学习教育，取得明显成效。').documents[0]!;
    assert.deepEqual([inferred.year, inferred.yearInferred], [2021, true]);
    const titled = parseFile('2022年党史学习教育总结\n今年以来，我们扎实开展党史学习教育。').documents[0]!;
    assert.deepEqual([titled.year, titled.yearInferred], [2022, false]);
    const dated = parseFile('党史学习教育总结\n发布时间：2025-01-02  来源：某某网\n2021年以来，我们扎实开展工作。')
      .documents[0]!;
    assert.deepEqual([dated.year, dated.yearInferred], [2025, false]);
  });
});
