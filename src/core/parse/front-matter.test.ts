import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { readerView } from '../access/reader-view.js';
import { dateLineOf } from './front-matter.js';
import { parseFile } from './parse-file.js';

const SPEECH = [
  '在全省经济工作会议上的讲话',
  '——2026年1月26日在全省经济工作会议上',
  '某某省人民政府省长 王某某',
  '同志们：',
  '这次会议的主要任务是，总结去年工作，部署今年任务。',
  '一、过去一年的工作',
  '过去一年，全省经济运行总体平稳、稳中有进。',
].join('\n');

describe('a document’s frame is metadata, not text and not outline', () => {
  it('takes the dash subtitle and the byline out of a speech', () => {
    const doc = parseFile(SPEECH).documents[0]!;
    assert.equal(doc.subtitle, '2026年1月26日在全省经济工作会议上');
    assert.equal(doc.signature, '某某省人民政府省长 王某某');
    assert.equal(doc.genre, '讲话');
    assert.equal(doc.paragraphs[0]!.text, '同志们：');
    assert.ok(!documentText(doc).includes('王某某'));
    assert.deepEqual(
      doc.outline.map((o) => o.text),
      ['一、过去一年的工作'],
    );
  });

  it('reads the organ and date signed at the end; the date dates the document', () => {
    const doc = parseFile(
      [
        '关于开展安全生产大检查的通知',
        '各县（市、区）人民政府，市政府各部门：',
        '为切实做好安全生产工作，经市政府同意，现将有关事项通知如下。',
        '一、检查范围',
        '全市各类生产经营单位。',
        '某某市人民政府办公室',
        '2025年3月5日',
      ].join('\n'),
    ).documents[0]!;
    assert.equal(doc.signature, '某某市人民政府办公室');
    assert.equal(doc.publishedAt, '2025-03-05');
    assert.equal(doc.year, 2025);
    assert.equal(doc.paragraphs.at(-1)!.text, '全市各类生产经营单位。');
  });

  it('takes a dated speech’s date line as its date, and a spaced-out name as its byline', () => {
    const doc = parseFile(
      '在全市干部大会上的讲话\n（2024年6月3日）\n同志们：\n今天召开全市干部大会。\n让我们共同努力！',
    ).documents[0]!;
    assert.equal(doc.subtitle, null);
    assert.equal(doc.publishedAt, '2024-06-03');
    const report = parseFile(
      '团结奋斗\n——在某某代表大会上的报告\n（2022年10月16日）\n习　近　平\n同志们：\n现在，我代表委员会作报告。',
    ).documents[0]!;
    assert.deepEqual(
      [report.subtitle, report.publishedAt, report.signature],
      ['在某某代表大会上的报告', '2022-10-16', '习　近　平'],
    );
    assert.equal(report.genre, '报告');
  });

  it('leaves lines that only look like a frame: chapter titles, sentences, long lines', () => {
    const rules = parseFile('某某管理办法\n第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。')
      .documents[0]!;
    assert.equal(rules.signature, null);
    assert.ok(documentText(rules).includes('第一章 总则'));
    const ending = parseFile('工作报告\n今年以来，我们做了很多工作。\n明年我们将继续推进改革。\n以上报告，请审议。')
      .documents[0]!;
    assert.equal(ending.signature, null);
    assert.equal(ending.paragraphs.at(-1)!.text, '以上报告，请审议。');
  });

  it('reads dates in figures and in Chinese numerals', () => {
    assert.equal(dateLineOf('2024年3月5日'), '2024-03-05');
    assert.equal(dateLineOf('二〇二四年十二月二十五日'), '2024-12-25');
    assert.equal(dateLineOf('（2024年6月3日）'), '2024-06-03');
    assert.equal(dateLineOf('2024年3月5日上午'), null);
  });

  it('keeps as text a signature line no field takes: an organ under a byline, a second date', () => {
    const doc = parseFile(`${SPEECH}\n某某省人民政府办公厅\n2026年1月26日`).documents[0]!;
    assert.equal(doc.signature, '某某省人民政府省长 王某某');
    assert.equal(doc.publishedAt, '2026-01-26');
    assert.equal(doc.paragraphs.at(-1)!.text, '某某省人民政府办公厅');
    const dated = parseFile(
      '在全市干部大会上的讲话\n（2024年6月3日）\n同志们：\n今天召开全市干部大会。\n某某市委\n2024年6月4日',
    ).documents[0]!;
    assert.deepEqual([dated.signature, dated.publishedAt], ['某某市委', '2024-06-03']);
    assert.equal(dated.paragraphs.at(-1)!.text, '2024年6月4日');
  });
});

describe('a signature in the paid part', () => {
  const REPLY = (closing: string) =>
    [
      '国务院关于同意某某规划的批复',
      '某某省人民政府：',
      '你省关于报请审批某某规划的请示收悉。现批复如下：',
      '一、原则同意《某某规划》，请认真组织实施。【剩余内容请开通会员后查看】',
      '二、要坚持生态优先、绿色发展，统筹生产、生活、生态三大空间。',
      closing,
    ].join('\n');

  it('is the document’s signature, marked paid: a free reader gets neither it nor its date', () => {
    const doc = parseFile(REPLY('国务院\n2018年12月25日\n（此件公开发布）')).documents[0]!;
    assert.equal(doc.signature, '国务院');
    assert.equal(doc.signedAt, '2018-12-25');
    assert.equal(doc.closingPaid, true);
    assert.equal(doc.publishedAt, null, 'a paid date dates nothing a guest is shown');
    const free = readerView(doc, 'free');
    assert.deepEqual([free.signature, free.signedAt], [null, null]);
    const full = readerView(doc, 'full');
    assert.deepEqual([full.signature, full.signedAt], ['国务院', '2018-12-25']);
  });

  it('stays text when it is all the paid part holds: the boundary stays where the site put it', () => {
    const page = [
      '国务院关于同意某某规划的批复',
      '某某省人民政府：',
      '你省关于报请审批某某规划的请示收悉。现批复如下：同意。',
      '【剩余内容请开通会员后查看】',
      '国务院',
      '2018年12月25日',
    ].join('\n');
    const doc = parseFile(page).documents[0]!;
    assert.equal(doc.closingPaid, false);
    assert.ok(doc.freeChars !== null);
    assert.ok(documentText(doc).slice(doc.freeChars).includes('国务院'));
  });
});
