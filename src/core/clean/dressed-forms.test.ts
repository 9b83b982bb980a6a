import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { PAID_MARK } from './chars.js';
import { markPaywall } from './paywall.js';
import { matchChrome } from './site-chrome.js';
import { stripWatermarks } from './watermark.js';
import { SPLIT_SENTENCE } from '../../testing/sample-text.js';

// Forms of the two sites held out until 2026-12-08: links and headers dressed in marks and brackets,
// punctuation as a dodge, notices between arrows or said in a sentence, and a hard wrap cutting them.

/** One test a watermark: glued between a sentence's two halves, it goes and the sentence is whole. */
function itRemovesFromASentence(marks: readonly string[]): void {
  for (const mark of marks) {
    it(`removes ${mark}`, () => {
      const r = stripWatermarks(`${SPLIT_SENTENCE[0]}${mark}${SPLIT_SENTENCE[1]}`);
      assert.equal(r.line, SPLIT_SENTENCE.join(''));
    });
  }
}

describe('links and headers dressed in marks of any kind', () => {
  const lines = [
    '◆ 上一篇文章：在全县乡村振兴工作会议上的讲话',
    '<<上一篇：作风建设专题研讨发言材料',
    '下一篇：关于生态环境保护情况的调研报告>>',
    '« 下篇：县财政局2024年工作总结',
    '[相关链接]',
    '〔热门文章〕',
    '✦ 推荐阅读 ✦',
  ];
  for (const line of lines) {
    it(`removes ${line}`, () => assert.equal(matchChrome(line, null)?.kind, 'site-related'));
  }

  it('keeps a line that only opens with a bracketed word', () => {
    assert.equal(matchChrome('【相关链接】请各单位于3月底前报送材料。', null), null);
  });
});

describe('a breadcrumb of spaced dashes after a bare 位置', () => {
  it('removes it', () => {
    assert.equal(matchChrome('位置：网站首页 - 文章中心 - 汇报材料', null)?.kind, 'site-breadcrumb');
  });
  it('keeps a location of a project', () => {
    assert.equal(matchChrome('位置：县城东部新区 - 靠近高铁站', null), null);
  });
});

describe('a watermark dodged with any punctuation a sentence never uses', () => {
  itRemovesFromASentence(['〔知‖微文档网原创〕', '【笔墨⁂范文网】', '〔拾笔‡公文网〕']);
  it('keeps brackets of content with a sentence’s own punctuation', () => {
    const line = '（教育、卫生、文化等部门负责）';
    assert.equal(stripWatermarks(line).line, line);
  });
  it('removes a site claim under a reserved-domain address', () => {
    const r = stripWatermarks(`同意武警总（bbs.wenmiba.example文秘吧原创）部迁址`);
    assert.equal(r.line, '同意武警总部迁址');
  });
});

describe('paywall notices between arrows or declared in a sentence', () => {
  it('takes >>>…<<< whole as a line and inside a sentence', () => {
    assert.equal(markPaywall('>>>余下全文请下载附件阅读<<<', false).line, PAID_MARK);
    const inside = markPaywall('坚>>>余下全文请下载附件阅读<<<持公交优先', false);
    assert.equal(inside.line, `坚${PAID_MARK}持公交优先`);
  });
  it('takes a declaration of paid text from inside a sentence', () => {
    const r = markPaywall('要统筹做好其他疾病本文为付费内容，完整版请扫码购买患者的医疗救治工作', false);
    assert.equal(r.line, `要统筹做好其他疾病${PAID_MARK}患者的医疗救治工作`);
  });
  it('keeps the content of a short wrapped line around a notice', () => {
    const r = markPaywall('统筹做好其他疾病本文为付费内容，完整版请扫码购买患者的医疗救治工', false);
    assert.equal(r.line, `统筹做好其他疾病${PAID_MARK}患者的医疗救治工`);
  });
  it('still takes a short line of notice and buttons whole', () => {
    assert.equal(markPaywall('试读已结束，开通VIP会员阅读全文 开通会员免费下载', false).line, PAID_MARK);
  });
});

describe('a hard-wrapped page', () => {
  const wrap = (text: string, width: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
    return out;
  };
  const free =
    '  二、关于棉粮、糖粮挂钩奖售粮的供应价格和经营费用负担问题。奖售粮的供应价格一律按统购价执行。经营费用和亏损，列';
  const paid = '入粮食企业亏损，由地方财政统一拨补。';
  const tail = '  国务院决定的棉粮、糖粮挂钩是一项政策性很强的工作。各有关部门必须密切配合，真正收到成效。';

  it('finds a notice the wrap cut in two, and keeps both halves of its sentence', () => {
    const body = wrap(free + '本文为付费内容，完整版请扫码购买' + paid, 32).concat(wrap(tail, 32));
    const doc = parseFile(['关于棉粮糖粮挂钩奖售粮问题的通知', ...body].join('\n')).documents[0]!;
    const text = documentText(doc);
    assert.ok(!text.includes('付费') && !text.includes('扫码'));
    assert.ok(text.includes('经营费用和亏损，列入粮食企业亏损'));
    assert.ok(doc.freeChars !== null && text.slice(doc.freeChars).trimStart().startsWith('入粮食企业亏损'));
  });

  it('joins a subtitle the wrap cut, and a line that lost a watermark to the next', () => {
    const page = [
      '政府工作报告',
      '  ——2025年1月14日在吉林省第十四届人民代表大会第四次会',
      '议上',
      '  省长　胡玉亭',
      '  各位代表：',
      '  关于武警总部后勤部机关及部分〔知微‖文∷档∷网☆原☆创〕直属',
      '单位迁址新建的请示（〔1996〕武司字第82号）收悉，现批复如下',
      '：',
    ];
    const doc = parseFile(page.join('\n')).documents[0]!;
    assert.equal(doc.subtitle, '2025年1月14日在吉林省第十四届人民代表大会第四次会议上');
    assert.equal(doc.signature, '省长　胡玉亭');
    assert.ok(documentText(doc).includes('部分直属单位迁址新建的请示'));
  });
});

describe('a long title', () => {
  it('is the title past 50 characters, a site’s name after its page-title copy', () => {
    const title = '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见';
    const page = [
      '欢迎来到三人行！今天是2018年07月26日 星期三',
      `${title} - 三人行`,
      title,
      '作者：admin　时间：2018-07-26',
      '  国办发〔2018〕118号',
      '  各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '  行政执法是行政机关履行政府职能、管理经济社会事务的重要方式。近年来，各地区、各部门不断加强行政执法规范化建设。',
    ];
    const doc = parseFile(page.join('\n')).documents[0]!;
    assert.equal(doc.title, title);
    assert.ok(!documentText(doc).includes('三人行'));
  });
});

// Forms of the pair the tuner wrote as held-out on 2026-12-08 and tuned on after one run.

describe('a document site’s counters, page marks and calls', () => {
  const chromeLines = [
    '39574阅读 197下载 22页 43KB',
    '第3页',
    '更多精品文档请访问：shugewd点example',
    '本文由祥云范文网会员“王海”上传分享',
    '>>>点击下载：2019年信访维稳心得体会（10篇）.doc<<<',
  ];
  for (const line of chromeLines) {
    it(`removes ${line}`, () => assert.notEqual(matchChrome(line, null), null));
  }
  it('keeps a sentence counting pages', () => {
    assert.equal(matchChrome('报告共分三个部分，第一部分回顾了过去五年的工作。', null), null);
  });
});

describe('watermarks spelt in spaced or full-width letters, and claims in brackets', () => {
  itRemovesFromASentence(['『s h u g e w d』', '⟦ＸＩＡＮＧＹＵＮＦＷ⟧', '〔转载请注明：祥云范文网〕']);
  it('keeps an abbreviation in round brackets', () => {
    const line = '地区生产总值（ＧＤＰ）增长5%';
    assert.equal(stripWatermarks(line).line, line);
  });
});

describe('notices counting what is left, or with a tip’s label', () => {
  it('takes a page count with the way to the rest, between dots', () => {
    assert.equal(markPaywall('··· 本文档共34页，剩余7页可在下载后查看 ···', false).line, PAID_MARK);
  });
  it('takes a labelled notice from inside a sentence', () => {
    const r = markPaywall('要统筹做好▍温馨提示：余下内容为会员专享，登录后继续阅读其他工作', false);
    assert.equal(r.line, `要统筹做好${PAID_MARK}其他工作`);
  });
});

describe('a short title right under a one-word-a-line menu', () => {
  it('is the title, its fields under it', () => {
    const page = [
      '书阁文档',
      '首页',
      '分类',
      '上传',
      '会员',
      '登录',
      '政府工作报告',
      '44761阅读 201下载 20页 523KB',
      '——2025年1月14日在吉林省第十四届人民代表大会第四次会议上',
      '省长　胡玉亭',
      '各位代表：',
      '现在，我代表省政府，向大会报告工作，请予审议，并请省政协委员提出意见。',
    ];
    const doc = parseFile(page.join('\n')).documents[0]!;
    assert.equal(doc.title, '政府工作报告');
    assert.equal(doc.subtitle, '2025年1月14日在吉林省第十四届人民代表大会第四次会议上');
  });
});
