import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../parse/parse-file.js';
import { matchChrome, type ChromeKind } from './site-chrome.js';
import { stripWatermarks } from './watermark.js';

describe('page chrome is told by its form, not by site names', () => {
  const chrome: Array<[string, ChromeKind]> = [
    ['首页 > 公文范文 > 政策文件 | 某某网', 'site-breadcrumb'],
    ['当前位置：某某 » 栏目 » 正文', 'site-breadcrumb'],
    ['您的位置：首页 > 工作总结', 'site-breadcrumb'],
    ['首页 › 讲话稿', 'site-breadcrumb'],
    ['下载 / 打印 / 全屏 / 收藏 / 【字号：加大 还原 减小】', 'site-toolbar'],
    ['下载', 'site-toolbar'],
    ['【字号：大 中 小】', 'site-toolbar'],
    ['分享到：', 'site-toolbar'],
    ['本报记者 王某某摄', 'site-caption'],
    ['【原文下载】', 'site-download'],
    ['附件下载：', 'site-download'],
    ['温馨提示：登录m.example.com开通会员，海量范文免费下载', 'site-banner'],
    ['某某材料库（www.example.com）—— 专注于公文写作，每日更新', 'site-banner'],
    ['www.example.cn', 'site-banner'],
  ];
  for (const [line, kind] of chrome) {
    it(`${kind}: ${line}`, () => assert.equal(matchChrome(line, null)?.kind, kind));
  }

  const content = [
    '一、总体要求',
    '（三）下载安装“学习强国”客户端，组织党员干部每日学习。',
    '可登录中国政府网（www.gov.cn）查询政策全文。',
    '2026/01/26',
    '各位代表：',
    '首页设计要简洁大方，方便群众办事。',
    '我们要把大中小学思政课一体化建设摆在重要位置。',
    '同志们，',
  ];
  for (const line of content) {
    it(`keeps content: ${line}`, () => assert.equal(matchChrome(line, null), null));
  }

  it('takes watermarks out of every bracket kind, dodge symbols and all', () => {
    for (const [open, close] of [
      ['〖', '〗'],
      ['「', '」'],
      ['[', ']'],
      ['【', '】'],
    ] as const) {
      const line = `一、加强理论学习${open}更多素*材尽在公^众号：某某${close}，提高政治站位。`;
      const { line: clean, removed } = stripWatermarks(line);
      assert.equal(clean, '一、加强理论学习，提高政治站位。', open);
      assert.equal(removed.length, 1);
    }
    assert.equal(stripWatermarks('学习《中国共产党章程》全文。').line, '学习《中国共产党章程》全文。');
  });

  it('finds the title behind a breadcrumb and a toolbar, and cuts them with their rules named', () => {
    const page = [
      '首页 > 工作总结 > 调研报告',
      '下载',
      '打印',
      '收藏',
      'XX县大兴调查研究工作阶段性总结',
      '时间：2026-03-18 10:20  来源：某某素材网',
      '今年以来，XX县深入贯彻落实中央关于在全党大兴调查研究的部署要求，扎实推进各项调研任务落地见效。',
      '一、主要做法',
      '坚持高位推动，县委常委会第一时间召开专题会议，研究制定调研工作实施方案，明确重点调研课题。',
      '本报记者 王某某摄',
    ].join('\n');
    const [doc] = parseFile(page).documents;
    assert.ok(doc);
    assert.equal(doc.title, 'XX县大兴调查研究工作阶段性总结');
    const rules = new Set(doc.removed.map((r) => r.rule));
    for (const rule of ['site-breadcrumb', 'site-toolbar', 'site-meta', 'site-caption'])
      assert.ok(rules.has(rule), rule);
    assert.ok(!doc.paragraphs.some((p) => /首页|打印|记者/.test(p.text)));
  });
});

describe('nothing common is cut for being common', () => {
  it('keeps standard formulae that stand in every document of a batch', async () => {
    const { collectLineStats } = await import('./line-stats.js');
    const formulae = ['各位代表：', '现将有关情况报告如下：', '以上报告，请审议。', '同志们：'];
    const texts = Array.from({ length: 6 }, (_, k) =>
      [
        `第${k + 1}个单位2025年工作情况的报告`,
        formulae[0]!,
        formulae[3]!,
        `今年以来，第${k + 1}个单位在上级的坚强领导下，扎实推进各项工作，较好完成了全年目标任务，${'取得了新的成效'.repeat(2)}。`,
        formulae[1]!,
        `一、第${k + 1}项主要工作`,
        `围绕中心、服务大局，第${k + 1}个单位持续深化改革创新，推动各项事业高质量发展，群众满意度不断提升。`,
        formulae[2]!,
      ].join('\n'),
    );
    const lineStats = collectLineStats(texts);
    let checked = 0;
    for (const text of texts) {
      const [doc] = parseFile(text, { lineStats }).documents;
      assert.ok(doc);
      const body = doc.paragraphs.map((p) => p.text);
      for (const f of formulae) assert.ok(body.includes(f), `${f} was cut from ${doc.title}`);
      checked++;
    }
    assert.equal(checked, texts.length);
  });
});
