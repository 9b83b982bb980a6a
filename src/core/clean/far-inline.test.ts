import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { PAID_MARK } from './chars.js';
import { markPaywall } from './paywall.js';
import { stripWatermarks } from './watermark.js';
import { SPLIT_SENTENCE } from '../../testing/sample-text.js';

const SENTENCE = SPLIT_SENTENCE;

describe('paywall notices of other wordings', () => {
  const wholeLines = [
    '剩余8602字，开通VIP继续阅读',
    '—— 以下为付费内容 ——',
    '本文共12页，当前第1页，下载完整版',
    '▼点击阅读全文',
    '******此处内容需要回复后才能查看******',
    '……余下全文9千字…（订阅专栏解锁）',
    '试读结束，请开通会员后阅读全文。',
    '余下全文',
    '登录后查看全文',
  ];
  for (const line of wholeLines) {
    it(`a line that is a notice goes whole: ${line}`, () => {
      const r = markPaywall(line, false);
      assert.equal(r.line, PAID_MARK);
      assert.ok(r.begins);
    });
  }

  const inline = ['剩余3456字，开通VIP继续阅读', '剩余内容需开通会员后查看', '余下全文请订阅专栏后阅读'];
  for (const notice of inline) {
    it(`a notice inside a sentence marks the boundary there: ${notice}`, () => {
      const r = markPaywall(SENTENCE[0] + notice + SENTENCE[1], false);
      assert.equal(r.line, SENTENCE[0] + PAID_MARK + SENTENCE[1]);
    });
  }

  it('drops an end notice and the dashes around it', () => {
    for (const end of ['—— 付费内容已结束 ——', '[VIP专享内容结束]', '——以上为会员专享内容——']) {
      const r = markPaywall(end, true);
      assert.equal(r.line.trim(), '', end);
      assert.ok(!r.begins);
    }
  });

  const content = [
    '剩余部分由县财政承担。',
    '以下内容请登录省政务服务平台查看。',
    '全文共分五个部分，约1.2万字。',
    '发展读书会员，开展全民阅读活动。',
    '本文件共3页，请各单位下载打印后签字盖章。',
    '点击阅读全文',
    '会议要求，剩余的3个项目要在年底前完成。',
    '坚持以上内容为主，统筹推进各项工作。',
  ];
  for (const line of content) {
    it(`keeps content: ${line}`, () => {
      const r = markPaywall(line, false);
      assert.equal(r.line, line);
      assert.ok(!r.begins);
    });
  }
});

describe('watermarks of other kinds and dodges', () => {
  const spans = [
    '［卷宗范文网ＷＷＷ．ＪＵＡＮＺＯＮＧＦＷ．ＣＯＭ］',
    '【w w w . d i a n c a n g w d . c o m】',
    '「笔\u200b杆\u200c公\u2060社\u200d原创」',
    '★稿★源★网★首★发★',
    '「政务快报整理］',
    '〔笔谈博客［原创］〕',
    '（bbs.wenmiba.net文秘吧原创）',
    '【问知社区ＡＰＰ专享】',
    '〖某某材料＊库＃独家〗',
  ];
  for (const span of spans) {
    it(`takes out ${span}`, () => {
      const r = stripWatermarks(SENTENCE[0] + span + SENTENCE[1]);
      assert.equal(r.line, SENTENCE.join(''));
      assert.deepEqual(r.removed, [span]);
    });
  }

  const kept = [
    '（网址：www.gov.cn）',
    '《古籍整理》',
    '「鼓励原创」',
    '〔2018〕15号',
    '【2024】',
    '★★★',
    '（以下简称协调委）',
    '［2019］',
  ];
  for (const span of kept) {
    it(`keeps ${span}`, () => assert.equal(stripWatermarks(`见${span}。`).line, `见${span}。`));
  }

  it('removes zero-width characters left in the text, and records them', () => {
    const [doc] = parseFile('关于做好安全生产工作的通知\n各单位要压\u200b实责任，确保\u2060安全。\n').documents;
    assert.ok(doc);
    assert.equal(documentText(doc), '各单位要压实责任，确保安全。');
    assert.ok(doc.removed.some((r) => r.rule === 'zero-width'));
  });
});
