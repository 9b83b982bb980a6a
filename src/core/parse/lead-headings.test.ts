import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from './parse-file.js';

const outline = (text: string) => parseFile(text).documents[0]!.outline.map((o) => [o.level, o.kind, o.text]);

describe('headings without numbers (kind lead)', () => {
  it('reads a run of short parallel first sentences as top-level leads where nothing is numbered', () => {
    const doc = parseFile(
      [
        '以实干实效推动主题教育走深走实',
        '主题教育开展以来，我县深入学习贯彻党的创新理论，推动各项工作取得实效。',
        '以学铸魂转作风。把重要讲话精神作为重点学习内容，列入读书班和理论学习中心组学习专题。',
        '科学求实真调研。结合推动经济社会发展，组织领导干部认真选题，深入基层开展调研。',
        '亲民爱民解难题。把解决群众急难愁盼问题作为重要内容，组织党员干部沉到一线。',
        '下一步，我们将持续巩固主题教育成果，推动各项工作再上新台阶。',
      ].join('\n'),
    ).documents[0]!;
    assert.deepEqual(
      doc.outline.map((o) => [o.level, o.kind, o.text]),
      [
        [1, 'lead', '以学铸魂转作风'],
        [1, 'lead', '科学求实真调研'],
        [1, 'lead', '亲民爱民解难题'],
      ],
    );
    assert.deepEqual(
      doc.paragraphs.map((p) => p.role),
      ['opening', 'heading', 'intro', 'heading', 'intro', 'heading', 'intro', 'closing'],
    );
  });

  it('puts leads one level below their numbered parent, dashed or not', () => {
    assert.deepEqual(
      outline(
        [
          '某某意见',
          '一、总体要求',
          '坚持全面覆盖。将抽查作为监管的基本手段和方式，除特殊领域外原则上都要纳入。',
          '坚持规范透明。制定统一的抽查工作规范，明确抽查依据、主体、内容、方式等。',
          '（一）主要目标',
          '——经济发展再上新台阶。国内生产总值增加到新的水平，经济实力明显跃升，发展质量稳步提高。',
          '——生态环境明显改善。主要污染物排放持续下降，城市空气质量优良天数比例稳步上升。',
        ].join('\n'),
      ),
      [
        [1, 'numbered', '一、总体要求'],
        [2, 'lead', '坚持全面覆盖'],
        [2, 'lead', '坚持规范透明'],
        [2, 'numbered', '（一）主要目标'],
        [3, 'lead', '——经济发展再上新台阶'],
        [3, 'lead', '——生态环境明显改善'],
      ],
    );
  });

  it('reads standalone heading lines over the numbered levels', () => {
    assert.deepEqual(
      outline(
        [
          '政府工作报告',
          '2024年工作回顾',
          '过去一年，我们坚持稳中求进工作总基调，经济社会发展取得新成效。',
          '一是稳定态势持续向好。社会大局保持和谐稳定，群众安全感持续提升。',
          '2025年工作安排',
          '今年是“十四五”规划收官之年，做好政府工作意义重大。',
          '（一）坚决维护社会和谐稳定。全面落实总体国家安全观，筑牢安全屏障。',
        ].join('\n'),
      ),
      [
        [1, 'lead', '2024年工作回顾'],
        [2, 'item', '一是稳定态势持续向好'],
        [1, 'lead', '2025年工作安排'],
        [2, 'numbered', '（一）坚决维护社会和谐稳定'],
      ],
    );
  });

  it('reads 第一，/第二， at a paragraph start as items', () => {
    assert.deepEqual(
      outline(
        '某某讲话\n一、当前工作\n第一，加强组织领导。各级都要高度重视。\n第二，强化责任落实。层层压实责任。',
      ).slice(1),
      [
        [2, 'item', '第一，加强组织领导'],
        [2, 'item', '第二，强化责任落实'],
      ],
    );
  });

  it('leaves a lone short sentence, a salutation and a 首先 without 其次 as wording', () => {
    assert.deepEqual(
      outline(
        [
          '某某报告',
          '各位代表！过去一年极不平凡，我们经受住了多重考验，各项事业取得新进展。',
          '本届政府任期即将结束。现在，我代表本届政府向大会报告工作，请予审议。',
          '首先，我代表市政府向大家表示衷心感谢，感谢大家一年来的辛勤付出。',
          '这次会议十分重要，各地各部门要认真贯彻落实，确保各项任务落地见效。',
        ].join('\n'),
      ),
      [],
    );
  });
});
