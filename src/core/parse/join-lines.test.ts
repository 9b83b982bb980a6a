import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
