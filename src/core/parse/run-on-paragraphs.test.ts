import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from './parse-file.js';
import { splitRunOnParagraphs } from './run-on-paragraphs.js';

const PARAGRAPHS = [
  '各县（市、区）人民政府：',
  '为切实做好今年防汛工作，现就有关事项通知如下。',
  '一、提高思想认识',
  '各地要充分认识防汛工作的重要性，切实增强责任感和紧迫感，坚持人民至上、生命至上。',
  '（一）压实防汛责任',
  '要严格落实以行政首长负责制为核心的防汛责任制，层层压实各级各部门责任。',
];

describe('paragraphs run together on one line, each still indented', () => {
  for (const [name, indent] of [
    ['ideographic spaces', '\u3000\u3000'],
    ['plain spaces', '    '],
  ] as const) {
    it(`are paragraphs again, headings in the outline (${name})`, () => {
      const doc = parseFile(`关于做好2025年防汛工作的通知\n${PARAGRAPHS.map((p) => indent + p).join('')}`)
        .documents[0]!;
      assert.deepEqual(
        doc.paragraphs.map((p) => p.text),
        PARAGRAPHS,
      );
      assert.deepEqual(
        doc.outline.map((o) => [o.level, o.text]),
        [
          [1, '一、提高思想认识'],
          [2, '（一）压实防汛责任'],
        ],
      );
    });
  }

  it('leaves the gaps of a roster and of aligned columns', () => {
    const lines = [
      '组\u3000长：韩\u3000正\u3000\u3000国务院副总理',
      '序号    单位名称    联系人',
      '2025年    1200    同比增长5%',
    ];
    assert.deepEqual(splitRunOnParagraphs(lines), lines);
    const doc = parseFile(`某某领导小组名单\n\n${lines[0]}\n\n副组长：某某\u3000\u3000某某部部长`).documents[0]!;
    assert.ok(documentText(doc).includes(lines[0]!));
  });
});
