import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { collectLineStats } from '../clean/line-stats.js';
import { pageFields } from '../clean/page-fields.js';
import { parseFile } from './parse-file.js';
import { cleanTitle } from './title.js';

const BODY = '近年来，我市认真贯彻落实上级部署，各项工作取得明显成效，现将有关情况报告如下。\n一、主要做法\n正文内容。';

function parsed(head: string) {
  return parseFile(`${head}\n${BODY}`).documents[0]!;
}

describe('the title is the document’s own, not page chrome', () => {
  it('takes the line a breadcrumb’s last step agrees with', () => {
    const doc = parsed('首页 > 公文范文 > 政策文件 > 关于加强基层治理的意见 | 某某范文网\n关于加强基层治理的意见');
    assert.equal(doc.title, '关于加强基层治理的意见');
    assert.ok(doc.removed.some((r) => r.rule === 'site-breadcrumb'));
  });

  it('passes over breadcrumbs, banners and site names standing alone', () => {
    const doc = parsed(
      [
        '笔墨素材网',
        '当前位置：首页 » 工作总结 » 正文',
        '某某材料库（www.example.com）—— 专注公文写作，每日更新',
        '2025年度安全生产工作总结',
      ].join('\n'),
    );
    assert.equal(doc.title, '2025年度安全生产工作总结');
    assert.equal(doc.genre, '总结');
    assert.ok(!documentText(doc).includes('笔墨素材网'));
  });

  it('reads a page title form when the page has no title line of its own', () => {
    const doc = parsed('【笔墨素材网】关于开展安全生产大检查的通知_免费阅读_Word下载');
    assert.equal(doc.title, '关于开展安全生产大检查的通知');
    assert.equal(doc.genre, '通知');
  });

  it('keeps one title when the page title and the heading both give it', () => {
    const doc = parsed('关于开展安全生产大检查的通知-某某文库\n关于开展安全生产大检查的通知');
    assert.equal(doc.title, '关于开展安全生产大检查的通知');
    assert.ok(doc.removed.some((r) => r.rule === 'title-repeat' && r.text.includes('某某文库')));
    assert.ok(!documentText(doc).includes('某某文库'));
  });

  it('reads markdown metadata: title, date and source', () => {
    const doc = parsed(
      ['- **文件名称**：某某市2024年政府工作报告', '- **发布日期**：2024-01-22', '- **来源**：某某市人民政府'].join(
        '\n',
      ),
    );
    assert.equal(doc.title, '某某市2024年政府工作报告');
    assert.equal(doc.publishedAt, '2024-01-22');
    assert.equal(doc.source, '某某市人民政府');
    assert.equal(doc.genre, '政府工作报告');
  });

  it('records lines before the title that no rule names, never drops them silently', () => {
    const doc = parsed('某个看不出是什么的短行\n关于开展安全生产大检查的通知_某某网');
    assert.equal(doc.title, '某个看不出是什么的短行');
    const withHint = parsed('【精品范文】关于开展安全生产大检查的通知\n关于开展安全生产大检查的通知');
    assert.equal(withHint.title, '关于开展安全生产大检查的通知');
  });
});

describe('cleanTitle', () => {
  const cases: Array<[string, string]> = [
    ['【笔墨素材网】标题文字_免费阅读_Word下载', '标题文字'],
    ['关于印发某某方案的通知_某某范文网', '关于印发某某方案的通知'],
    ['关于印发某某方案的通知 | 公文荟', '关于印发某某方案的通知'],
    ['某某市“十四五”规划（2021-2025年）', '某某市“十四五”规划（2021-2025年）'],
    ['2021-2025年发展规划', '2021-2025年发展规划'],
    ['创建宣讲品牌——聚焦培育孵化', '创建宣讲品牌——聚焦培育孵化'],
    ['年度工作总结（完整版）', '年度工作总结'],
    ['《国务院关于推进某某工作的意见》全文', '国务院关于推进某某工作的意见'],
    ['【转】某某县2024年工作总结', '某某县2024年工作总结'],
    ['转载：某某县2024年工作总结（2024-03-05）', '某某县2024年工作总结'],
    ['学习《中国共产党纪律处分条例》心得体会', '学习《中国共产党纪律处分条例》心得体会'],
    ['《某某条例》实施细则', '《某某条例》实施细则'],
  ];
  for (const [raw, clean] of cases) it(`${raw} → ${clean}`, () => assert.equal(cleanTitle(raw), clean));
});

describe('page fields', () => {
  it('reads date, source and author of a page’s meta line; names of nobody are no facts', () => {
    const doc = parsed(
      '关于开展安全生产大检查的通知\n发布时间：2024-03-05 10:00  来源：某某市应急管理局  作者：张明  浏览次数：1234',
    );
    assert.equal(doc.publishedAt, '2024-03-05 10:00:00');
    assert.equal(doc.source, '某某市应急管理局');
    assert.equal(doc.author, '张明');
    const nobody = parsed('关于开展安全生产大检查的通知\n时间:2024-02-09 09:40:02  来源:网友投稿  编辑：小编');
    assert.equal(nobody.source, null);
    assert.equal(nobody.author, null);
  });

  it('leaves a notice’s own 时间/地点 lines as content', () => {
    assert.equal(pageFields('时间：3月5日上午9时'), null);
    const doc = parseFile(
      '关于召开会议的通知\n各单位：\n定于近期召开工作会议，现将有关事项通知如下。\n时间：3月5日上午9时\n地点：市政府三楼会议室',
    ).documents[0]!;
    assert.ok(documentText(doc).includes('时间：3月5日上午9时'));
  });
});

describe('forms the eval’s tuned sites showed', () => {
  it('keeps a title several documents of a batch share (政府工作报告), and drops the site’s name suffix', () => {
    const pages = ['甲', '乙', '丙', '丁'].map(
      (s) =>
        `政府工作报告-砚池文稿\n砚池文稿 | 笔杆子的素材仓库\n政府工作报告\n${s}市过去一年经济运行总体平稳，各项事业取得新进展，人民生活持续改善。`,
    );
    const stats = collectLineStats(pages);
    for (const page of pages) assert.equal(parseFile(page, { lineStats: stats }).documents[0]!.title, '政府工作报告');
  });

  it('reads a markdown title and fields written without colons', () => {
    const doc = parsed('# 关于开展安全生产大检查的通知\n作者：王海 | 发布于 2023-08-22 | 阅读 8263');
    assert.equal(doc.title, '关于开展安全生产大检查的通知');
    assert.deepEqual([doc.author, doc.publishedAt], ['王海', '2023-08-22']);
  });

  it('finds a paywall notice of a site’s own wording, inside a sentence too', () => {
    for (const notice of [
      '——试读结束，开通VIP阅读全文——',
      '【剩余内容请开通会员后查看】',
      '……（本文共5000字，剩余内容需登录会员后阅读）',
    ]) {
      const doc = parseFile(
        `某某工作总结\n今年以来，我们扎实推进各项工作，${notice}取得了明显成效。\n明年我们将继续努力。`,
      ).documents[0]!;
      assert.equal(doc.freeChars, '今年以来，我们扎实推进各项工作，'.length, notice);
      assert.ok(documentText(doc).includes('各项工作，取得了明显成效。'), notice);
    }
    const plain = parseFile('某某工作总结\n（会员单位名单见附件）\n今年以来，我们扎实推进各项工作。').documents[0]!;
    assert.equal(plain.freeChars, null);
    const sentence = parseFile('某某工作总结\n今年以来，我们扎实推进各项工作。\n发展读书会员，开展阅读活动。')
      .documents[0]!;
    assert.equal(sentence.freeChars, null);
    assert.ok(documentText(sentence).includes('发展读书会员，开展阅读活动。'));
  });
});

it('takes a 印发 notice that only the breadcrumb names, its front matter kept above the plan it sends', () => {
  const notice = '国务院关于印发国家职业教育改革实施方案的通知';
  const page = [
    '政务快报',
    `您所在的位置：首页 > 政务公开 > 政策文件 > ${notice}`,
    '发布时间：2019-10-19 09:06:33　来源：省政府办公厅',
    '',
    '国发〔2019〕4号',
    '',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '',
    '现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。',
    '',
    '国务院',
    '',
    '2019年1月24日',
    '',
    '（此件公开发布）',
    '',
    '国家职业教育改革实施方案',
    '',
    '职业教育与普通教育是两种不同教育类型，具有同等重要地位。改革开放以来，职业教育为我国经济社会发展提供了有力的人才和智力支撑。',
    '',
    '一、完善国家职业教育制度体系',
    '',
    '健全国家职业教育制度框架，把握好正确的改革方向，按照管好两端、规范中间、书证融通、办学多元的原则，严把教学标准和毕业学生质量标准两个关口。',
  ].join('\n');
  const doc = parseFile(page).documents[0]!;
  assert.equal(doc.title, notice);
  const text = documentText(doc);
  for (const kept of ['国发〔2019〕4号', '现将《国家职业教育改革实施方案》印发给你们', '国家职业教育改革实施方案\n']) {
    assert.ok(text.includes(kept), `${kept}: ${text.slice(0, 300)}`);
  }
  assert.ok(!doc.removed.some((r) => r.rule === 'before-title' && r.text.includes('国发')));
});
