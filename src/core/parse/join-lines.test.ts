import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from './parse-file.js';

describe('a hard-wrapped page', () => {
  it('rejoins lines cut at the wrap width, whatever they end with', () => {
    const paragraph =
      '过去一年，新能源汽车销量增长93.4%，社会消费品零售总额保持增长，全国居民人均可支配收入实际增长（扣除价格因素）明显，市场主体活力持续增强。' +
      '全年城镇新增就业超过一千万人，城镇调查失业率总体稳定，重点群体就业基本稳定，脱贫劳动力务工规模继续扩大。';
    const width = 24;
    const wrapped = paragraph.match(new RegExp(`.{1,${width}}`, 'g'))!;
    const doc = parseFile(
      `某某工作报告\n\n\u3000\u3000${wrapped.join('\n')}\n\n\u3000\u3000一、主要工作\n\n\u3000\u3000下一步，我们将继续努力。`,
    ).documents[0]!;
    assert.ok(wrapped.length >= 4);
    assert.equal(doc.paragraphs[0]!.text, paragraph);
  });
});

/** The text hard-wrapped at `width`, its first line indented as a copied page does. */
function hardWrap(text: string, width: number): string {
  return `\u3000\u3000${text.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n')}`;
}

const FILLER =
  '要坚持生态优先、绿色发展，统筹生产、生活、生态三大空间，构建蓝绿交织、清新明亮、水城共融的生态城市。' +
  '要加强区域交通网络建设，完善综合交通枢纽，构建快速便捷的交通体系。';

describe('a hard-wrapped page with a paid notice', () => {
  it('mends a notice the wrap cut in two and places the boundary inside the paragraph', () => {
    const body = `要坚持城乡统筹、均衡发展、宜居【剩余内容请开通会员后查看】宜业，形成城乡空间布局。${FILLER}`;
    const page = `某某批复\n\n${hardWrap(FILLER, 30)}\n\n${hardWrap(`六、推进城乡融合发展。${body}`, 30)}\n\n${hardWrap(FILLER, 30)}`;
    // The wrap falls inside the notice: neither half reads as one alone.
    assert.ok(page.includes('宜居【剩余内\n容请开通会员后查看】'));
    const doc = parseFile(page).documents[0]!;
    const text = documentText(doc);
    assert.ok(!text.includes('剩余内容'), 'the notice is out');
    assert.ok(text.includes('要坚持城乡统筹、均衡发展、宜居宜业，形成城乡空间布局。'), 'the sentence is whole');
    assert.ok(text.slice(0, doc.freeChars!).endsWith('均衡发展、宜居'));
  });

  it('starts the paid part after a line that ends with the notice, not at that line', () => {
    const page = `某某通知\n\n\u3000\u3000第一段落写明了工作的背景和意义。\n\n\u3000\u3000第二段落仍是免费的内容。【剩余内容请开通会员后查看】\n\n\u3000\u3000第三段落是付费内容。`;
    const doc = parseFile(page).documents[0]!;
    assert.ok(documentText(doc).slice(0, doc.freeChars!).endsWith('第二段落仍是免费的内容。'));
  });

  it('joins a long numbered heading the wrap cut, and keeps a short heading on its own', () => {
    const heading = '一、原则同意《河北雄安新区总体规划（2018—2035年）》（以下简称《总体规划》），请认真组织实施。';
    const page = `某某批复\n\n${hardWrap(FILLER, 24)}\n\n${hardWrap(heading, 24)}\n\n\u3000\u3000二、加强组织领导\n\n${hardWrap(FILLER, 24)}`;
    const doc = parseFile(page).documents[0]!;
    const texts = doc.paragraphs.map((p) => p.text);
    assert.ok(
      texts.some((t) => t.startsWith('一、原则同意') && t.endsWith('请认真组织实施。')),
      texts.join('\n'),
    );
    assert.ok(texts.includes('二、加强组织领导'));
  });
});
