import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { PAID_MARK } from './chars.js';
import { markPaywall } from './paywall.js';
import { matchChrome } from './site-chrome.js';
import { mendSplitSpans } from './split-spans.js';
import { stripWatermarks } from './watermark.js';
import { SPLIT_SENTENCE } from '../../testing/sample-text.js';

const SENTENCE = SPLIT_SENTENCE;

describe('watermarks dodged with any symbol, in more bracket kinds', () => {
  // Symbols and brackets the templates do not use: the rule is the symbol class, not a list.
  const marks = [
    '〔文海❤文库独家〕',
    '（笔阵♫研习社原创）',
    '【云盘▪文档首发】',
    '〘精选范文✧网〙',
    '《政策§汇编网整理》',
    '〚某某☯素材网〛',
    '⟦公文♠荟原创⟧',
  ];
  for (const mark of marks) {
    it(`removes ${mark}`, () => {
      const r = stripWatermarks(`${SENTENCE[0]}${mark}${SENTENCE[1]}`);
      assert.equal(r.line, SENTENCE.join(''));
      assert.deepEqual(r.removed, [mark]);
    });
  }

  it('keeps brackets whose symbols stand by figures, not inside a word', () => {
    for (const line of [
      '（全市政务服务平台办件满意率≥95%）',
      '（网上办理率达到90%）',
      '【资料库建设投入约￥300万元】',
      '（气温≥35℃的高温天气）',
    ]) {
      assert.equal(stripWatermarks(line).line, line);
    }
  });
});

describe('paywall notices of still other wordings', () => {
  const wholeLines = [
    '本文共12页，当前为预览',
    '本文档共8页，当前为预览页',
    '全文共5页，此处为免费试读部分',
    '[全文需付费]',
    '……余下3456字',
    '剩余2千字……',
    '余下2800字，点击阅读全文',
    '--- 以下内容仅限VIP会员阅读 ---',
    '- - - 以下内容为会员专享 - - -',
    '······ 试读结束，开通会员阅读全文 ······',
    '。。。。。。。。（试读结束，开通VIP查看全文）',
    '…………（未完，登录后查看全文）',
  ];
  for (const line of wholeLines) {
    it(`a line that is a notice goes whole: ${line}`, () => {
      const r = markPaywall(line, false);
      assert.equal(r.line.trim(), PAID_MARK);
      assert.ok(r.begins);
    });
  }

  for (const notice of ['……余下3456字', '余下2800字，点击阅读全文', '……(未完待续，登录后阅读全文)']) {
    it(`marks the boundary inside a sentence: ${notice}`, () => {
      const r = markPaywall(SENTENCE[0] + notice + SENTENCE[1], false);
      assert.equal(r.line, SENTENCE[0] + PAID_MARK + SENTENCE[1]);
    });
  }

  it('keeps content of a notice’s words between single stops, and a remainder that is a figure', () => {
    for (const line of [
      '全市读书会员阅读活动开展。组织会员阅读分享12次。',
      '剩余3456万元资金由县财政安排。',
      '全年余下2800字以内的简报由办公室审核。',
    ]) {
      assert.equal(markPaywall(line, false).line, line);
    }
  });
});

describe('a notice a hard wrap cut between its rules', () => {
  const cases: Array<[string[], string]> = [
    [['集约发展外围组团******', '[全文需付费] ******稳步推进'], '集约发展外围组团稳步推进'],
    [['深度参与培养培训，促****', '** [全文需付费] ******进职业院校'], '深度参与培养培训，促进职业院校'],
    [['要多层次发布*** 以下为付费内容，开通会员后阅读 ', '***权威信息'], '要多层次发布权威信息'],
    [['促进消费====', '==以下内容需开通会员查看=====扩大内需'], '促进消费扩大内需'],
  ];
  for (const [lines, joined] of cases) {
    it(`mends ${lines.join(' / ')}`, () => {
      const doc = parseFile(`标题\n${lines.join('\n')}`).documents[0]!;
      assert.equal(documentText(doc).replace(/\n/g, ''), joined);
      assert.ok(doc.freeChars !== null);
    });
  }

  it('leaves a whole notice’s neighbours alone: the 。 above it, a ——heading under it', () => {
    const mended = mendSplitSpans(['推动有效市场和有为政府更好结合。', '。。。。（试读结束，开通VIP查看全文）']);
    assert.equal(mended[0]!.text, '推动有效市场和有为政府更好结合。');
    const dashed = mendSplitSpans(['——剩余3页未读，开通VIP继续阅读——', '——中国式现代化是人口规模巨大的现代化。']);
    assert.equal(dashed[1]!.text, '——中国式现代化是人口规模巨大的现代化。');
  });
});

describe('chrome of 文库 and reposting pages', () => {
  const chrome: Array<[string, string]> = [
    ['手机阅读', 'site-toolbar'],
    ['手机版阅读本文', 'site-toolbar'],
    ['手机阅读 | 扫一扫分享', 'site-call'],
    ['点赞 收藏 分享 举报', 'site-toolbar'],
    ['点击阅读全文', 'site-toolbar'],
    ['公文写作交流QQ群：123456789', 'site-contact'],
    ['（本站QQ群：请搜索“某某公文网”）', 'site-contact'],
    ['材料写作微信群：gw2024', 'site-contact'],
    ['关注公众号“文稿荟萃”，获取更多素材', 'site-call'],
    ['戳蓝字“某某研习社”关注我们哦！', 'site-call'],
    ['（图片来自网络）', 'site-caption'],
    ['图源：新华社', 'site-caption'],
  ];
  for (const [line, kind] of chrome) {
    it(`${kind}: ${line}`, () => assert.equal(matchChrome(line, null)?.kind, kind));
  }

  const content = [
    '群众可通过政务服务热线反映问题，有关部门要及时办理。',
    '各地要关注公众号运营质量，不得以转发量考核基层。',
    '图书馆、文化馆要延长开放时间，方便群众就近阅读。',
  ];
  for (const line of content) {
    it(`keeps content: ${line}`, () => assert.equal(matchChrome(line, null), null));
  }

  it('drops a 附件： box of files with sizes, keeps a document’s own 附件 line', () => {
    const body =
      '一、总体要求\n各地要压实属地责任，健全长效机制，确保各项任务落地见效，以上工作请于年底前完成并报送情况。';
    const page = `标题\n${body}\n附件：\n1. 标题.doc（56KB）\n2. 政策解读.pdf（320KB）`;
    const text = documentText(parseFile(page).documents[0]!);
    assert.ok(!text.includes('附件'));
    const own = `标题\n${body}\n附件：\n1.某某市重点项目清单\n2.某某市责任分工表`;
    assert.ok(documentText(parseFile(own).documents[0]!).includes('附件：'));
  });
});

describe('more page furniture, by form', () => {
  it('removes font-size bars, page numbers, ratings, tag lines and download prices', () => {
    const furniture = [
      '【大 中 小】',
      '字体：大 中 小',
      '·3·',
      '页码：12',
      '★★★★☆',
      '评分：★★★☆☆ 3.5分',
      'TAG标签：防汛 通知',
      '需要金币：10',
      '下载积分：5',
      'VIP免费下载',
      '收起全文',
    ];
    for (const line of furniture) assert.ok(matchChrome(line, null) !== null, line);
  });

  it('keeps content that shares their words', () => {
    for (const line of [
      '大中小学校要落实安全责任。',
      '评分标准：满分100分。',
      '积分落户政策继续实施。',
      '全市共有大、中、小型企业1200家。',
    ]) {
      assert.equal(matchChrome(line, null), null, line);
    }
  });
});

describe('a related list with teasers', () => {
  it('goes whole: titles and the excerpts cut off under them', () => {
    const related = [
      '相关推荐',
      '2025年防汛工作总结',
      '今年以来，在市委市政府的坚强领导下，我局认真贯彻落实上级决策部署，扎实做好各项防汛工作……',
      '2024年安全生产工作要点',
      '为深入贯彻落实党中央国务院关于安全生产的决策部署，切实防范化解重大安全风险...',
    ];
    const body = [
      '关于做好2025年防汛工作的通知',
      '',
      '各县（市、区）人民政府：',
      '各地要充分认识防汛工作的重要性，切实增强责任感和紧迫感，坚持人民至上、生命至上，统筹发展和安全，全面做好各项准备。',
      '要严格落实以行政首长负责制为核心的防汛责任制，层层压实各级各部门责任，确保责任落实到岗、到人。',
      '某某市人民政府办公室',
      '2025年4月1日',
    ];
    const doc = parseFile([...body, '', ...related].join('\n')).documents[0]!;
    const text = documentText(doc);
    for (const line of related) assert.ok(!text.includes(line), line);
    assert.ok(text.includes('确保责任落实到岗、到人。'));
  });
});

describe("a blog's byline with its follow button", () => {
  it("is the page's author, not the document's signature", () => {
    for (const [line, author] of [
      ['素材君 关注', '素材君'],
      ['李文静 +关注', '李文静'],
      ['笔杆子小王 关注作者', '笔杆子小王'],
    ] as const) {
      assert.deepEqual(matchChrome(line, null), { kind: 'site-meta', author }, line);
    }
    for (const content of ['社会各界广泛关注', '高度关注', '持续关注']) assert.equal(matchChrome(content, null), null);
  });
});
