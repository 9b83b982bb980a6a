import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentLines, defaultCorpusDir, readCorpus } from '../../eval/fixture.js';
import { PAID_MARK } from './chars.js';
import { parseFile } from '../parse/parse-file.js';
import { markPaywall } from './paywall.js';

// Wordings of 文库, 范文 and 公众号 paywalls as such sites print them, none of them a rule's own pattern:
// each must be found alone on its line and glued inside a sentence, the sentence around it kept.
const WORDINGS = [
  '试读已结束，如需阅读全文请下载文档',
  '本文档仅提供部分内容试读，如需完整内容请下载',
  '还剩5页未读，继续阅读',
  '剩余内容已隐藏，请支付后下载全文',
  'VIP专享文档，开通VIP免费下载',
  '该内容为付费内容，购买后可查看全部',
  '篇幅所限，仅展示部分内容，完整版请下载',
  '内容已隐藏，需要积分才能查看',
  '此处隐藏3000字，登录后可见',
  '内容预览结束，下载后可查看全文',
  '成为会员后可阅读全文',
  '支付9.9元，解锁全文',
  '扫码支付后即可阅读剩余内容',
  '剩下的内容需要登录才能查看哦',
  '后面还有2000字，请登录后阅读',
  '本文剩余部分需订阅后阅读',
  '————以下为VIP内容————',
  '想要阅读全文？立即开通会员',
  '登录查看完整内容',
  '会员专属内容，请登录后查看',
  '试读结束 ——— 开通会员继续阅读',
  '未完待续……开通会员查看全文',
];
const BEFORE = '坚持以人民为中心的发展思想';
const AFTER = '切实增强人民群众获得感';

describe('paywall notices of unknown wording', () => {
  for (const wording of WORDINGS) {
    it(`finds ${wording} alone and inside a sentence`, () => {
      assert.equal(markPaywall(wording, false).line, PAID_MARK);
      const inside = markPaywall(`${BEFORE}${wording}${AFTER}`, false);
      assert.equal(inside.line, `${BEFORE}${PAID_MARK}${AFTER}`);
    });
  }

  it('keeps a promotion of membership for the chrome rules: it is no paid boundary', () => {
    assert.equal(markPaywall('▍稿源VIP：每天3毛钱，畅读全站10万篇精品范文', false).begins, false);
  });

  it('finds no notice in any line of the 36 public documents', () => {
    for (const fixture of readCorpus(defaultCorpusDir())) {
      for (const line of contentLines(fixture)) {
        assert.equal(markPaywall(line, false).line, line, `${fixture.file}: ${line.slice(0, 40)}`);
      }
    }
  });
});

describe('a notice beside content words a notice also uses', () => {
  it('ends at the notice, not at a close in the content after it', () => {
    const content = ['各单位要加强管理', '，继续依法关闭不具备安全生产条件的小煤矿，全部完成整治任务并形成长效机制'];
    const r = markPaywall(`${content[0]}本篇为付费阅读内容，扫码解锁后查看${content[1]}`, false);
    assert.equal(r.line, `${content[0]}${PAID_MARK}${content[1]}`);
  });

  it('never joins a promotion line to the paragraph under it', () => {
    const page = [
      '关于深化煤矿安全生产专项整治的通报',
      '温馨提示：登录m.shibigw.com开通会员，下载Word原文',
      '三、深化煤矿安全生产专项整治。各地区要继续依法关闭非法和不具备安全生产条件的小煤矿，严防死灰复燃。',
    ];
    const text = parseFile(page.join('\n'))
      .documents[0]!.paragraphs.map((p) => p.text)
      .join('\n');
    assert.ok(text.includes('三、深化煤矿安全生产专项整治。'));
    assert.ok(text.includes('各地区要继续依法关闭'));
  });
});
