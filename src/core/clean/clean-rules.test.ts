import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAdLine } from './ad-signals.js';
import { collectLineStats, isRepeatedAcrossBatch } from './line-stats.js';
import { markPaywall } from './paywall.js';
import { fullWidthPunctuation } from './punctuation.js';
import { restoreWords } from './restore.js';
import { matchChrome } from './site-chrome.js';
import { stripWatermarks } from './watermark.js';

const alone = { repeatedInFile: false, repeatedAcrossBatch: false };

describe('ads from other sites', () => {
  const ads = [
    '【笔杆子文库】每日更新公文范文500篇，会员免费下载，联系微信：bgz2024',
    '需要更多材料请添加客服QQ：12345678，开通VIP会员即可一键下载全部资料',
    '【金笔代写】——各类材料代写代笔，高度保密，好评如潮，电话：139 1234 5678',
    '关注公众号：公文素材站，回复“会员”获取网盘链接',
  ];
  for (const ad of ads) it(`removes "${ad.slice(0, 16)}…"`, () => assert.ok(isAdLine(ad, alone)));

  const content = [
    '通过学习强国、微信公众号等平台载体，及时推送XX大报告学习内容，方便党员干部时时学习。',
    '组织开展会员单位座谈会，听取商会会员企业意见建议xx条。',
    '建立联系群众制度，公布监督电话，畅通群众反映问题渠道。',
    '持续更新完善台账，做到底数清、情况明。',
  ];
  for (const line of content) it(`keeps "${line.slice(0, 16)}…"`, () => assert.ok(!isAdLine(line, alone)));

  it('needs fewer signals for a line repeated across the batch', () => {
    const line = '更多精彩内容，尽在某某文库会员专区';
    assert.ok(isAdLine(line, { repeatedInFile: false, repeatedAcrossBatch: true }));
  });
});

describe('watermarks', () => {
  it('removes symbol-dodged promotional brackets glued to text', () => {
    for (const [line, kept] of [
      ['二、存在问题[最*新热点素材尽在【公^众号：%~长君】#]', '二、存在问题'],
      ['确保工作取得实效。[更多@资料%请关注微&信：笔^杆子]', '确保工作取得实效。'],
      ['一是强化责任落实【关*注公~众号：文稿君】', '一是强化责任落实'],
    ] as const) {
      const r = stripWatermarks(line);
      assert.equal(r.line, kept);
      assert.equal(r.removed.length, 1);
    }
  });
  it('keeps ordinary bracketed content', () => {
    for (const line of ['【典型案例】xx县推行“街乡吹哨”', '依据《条例》[2023]第5号文件', '引用[1]中的数据']) {
      assert.equal(stripWatermarks(line).line, line);
    }
  });
});

describe('paywall markers', () => {
  it('marks the boundary inside a sentence and drops the end marker', () => {
    const r = markPaywall('攻坚项目的##paidbegin##同时', false);
    assert.equal(r.line, '攻坚项目的\uE000同时');
    assert.ok(r.begins);
    assert.equal(markPaywall('##paidend##', true).line, '');
    assert.equal(markPaywall('## PaidBegin ##正文', false).line, '\uE000正文');
  });
  it('finds a notice of any site by its form: whole lines, symbol runs, brackets, inline', () => {
    for (const notice of [
      '[VIP专享]以下内容需开通会员查看',
      '试读已结束，剩余4页未读，继续阅读需消耗2下载券',
      '游客，本帖隐藏的内容需要积分高于 10 才可浏览，您当前积分为 0',
      '==========以下内容登录后可见==========',
      '……余下全文需登录后查看完整版……',
      '**本文为付费文章，支付 ¥5 后阅读剩余内容**',
      '『剩余内容开通会员后查看』',
    ]) {
      const r = markPaywall(notice, false);
      assert.ok(r.begins, notice);
      assert.equal(r.line.trim(), '\uE000', notice);
    }
    const inline = markPaywall('治理工作以下为付费内容，6.9元解锁全文联合办公室设在教育部。', false);
    assert.equal(inline.line, '治理工作\uE000联合办公室设在教育部。');
    // Content that names members or reading is no notice.
    for (const line of [
      '（三）开通线上查看渠道',
      '发展读书会员，开展阅读活动。',
      '今年以来，我们扎实推进各项工作，取得了明显成效。',
      '可登录中国政府网查看政策全文。',
    ]) {
      assert.equal(markPaywall(line, false).begins, false, line);
    }
  });
  it('takes the first begin marker as the boundary only', () => {
    assert.equal(markPaywall('甲##paidbegin##乙', true).line, '甲乙');
  });
});

describe('site chrome', () => {
  it('keeps the date and tags as metadata', () => {
    assert.deepEqual(matchChrome('时间：2024-02-09 09:40:02  来源：网友投稿', null), {
      kind: 'site-meta',
      publishedAt: '2024-02-09 09:40:02',
    });
    assert.deepEqual(matchChrome('发布日期：2023年5月6日  作者：佚名', null), {
      kind: 'site-meta',
      publishedAt: '2023-05-06',
    });
    assert.deepEqual(matchChrome('推荐访问：某某汇报 宣讲 全市', '某某汇报'), {
      kind: 'site-tags',
      tags: ['宣讲', '全市'],
    });
  });
  it('recognises other sites’ intros and footers', () => {
    assert.equal(matchChrome('以下是小编精心为大家整理的工作总结范文，欢迎阅读借鉴。', null)?.kind, 'site-intro');
    assert.equal(matchChrome('Copyright © 2012-2024 某某文库 All Rights Reserved', null)?.kind, 'site-footer');
    assert.equal(matchChrome('京ICP备09012345号-2', null)?.kind, 'site-footer');
  });
  it('leaves content alone', () => {
    assert.equal(matchChrome('以下是我局2023年工作总结和2024年工作计划。', null), null);
    const opening =
      '时间紧、任务重，各单位要高度重视，确保按时完成各项工作任务，不断提升工作质效。' +
      '这是一个很长的句子，用来说明正文中以时间开头的段落并非站点信息，因此不能删除。';
    assert.equal(matchChrome(opening, null), null);
  });
});

describe('restoration in context', () => {
  it('restores the filters’ spellings', () => {
    const r = restoreWords('D的XX大召开以来，D委、D支部和老D员学习dangshi，通过AAA公众号发布');
    assert.equal(r.text, '党的XX大召开以来，党委、党支部和老党员学习党史，通过微信公众号发布');
    assert.deepEqual(
      r.restorations.map((x) => x.original),
      ['D', 'D', 'D', 'D', 'dangshi', 'AAA'],
    );
    for (const x of r.restorations) assert.equal(r.text.slice(x.offset, x.offset + x.restored.length), x.restored);
  });
  it('leaves Latin words alone', () => {
    for (const s of ['宣传栏、LED屏', '3D打印', 'CAD制图', 'ED屏持续开展', 'D级危房'])
      assert.equal(restoreWords(s).text, s);
  });
});

describe('punctuation', () => {
  it('turns half-width punctuation in Chinese text full-width, not in numbers', () => {
    assert.equal(
      fullWidthPunctuation('培育孵化,打造品牌;对“人”上:优先(社区)'),
      '培育孵化，打造品牌；对“人”上：优先（社区）',
    );
    assert.equal(fullWidthPunctuation('09:40:02, f(x)'), '09:40:02, f(x)');
  });
});

describe('batch repetition', () => {
  it('counts a line only across differently titled documents', () => {
    const footer = '本站文章均来自网络整理发布';
    const texts = ['甲\n正文一\n' + footer, '乙\n正文二\n' + footer, '丙\n正文三\n' + footer, '甲\n正文一\n' + footer];
    const stats = collectLineStats(texts);
    assert.equal(stats.documentsWith(footer), 3);
    assert.ok(isRepeatedAcrossBatch(stats, footer));
    assert.ok(!isRepeatedAcrossBatch(stats, '正文一'));
  });
});
