import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GENRE_NAMES, GENRES, genreOf } from './genres.js';

describe('genres', () => {
  it('hold the fifteen statutory kinds and the working genres, each once', () => {
    const statutory = GENRES.filter((g) => g.kind === 'statutory').map((g) => g.name);
    assert.deepEqual(
      [...statutory].sort(),
      [
        '决议',
        '决定',
        '命令',
        '公报',
        '公告',
        '通告',
        '意见',
        '通知',
        '通报',
        '报告',
        '请示',
        '批复',
        '议案',
        '函',
        '纪要',
      ].sort(),
    );
    assert.equal(new Set(GENRE_NAMES).size, GENRE_NAMES.length);
    for (const name of ['政府工作报告', '总结', '汇报', '讲话', '方案', '规划', '计划', '要点', '调研报告']) {
      assert.ok(GENRE_NAMES.includes(name), name);
    }
  });

  it('are told by the title ending, the more specific ending first', () => {
    const titles: Array<[string, string]> = [
      ['2026年国务院政府工作报告', '政府工作报告'],
      ['关于进一步优化营商环境的实施意见', '意见'],
      ['国务院办公厅关于做好2026年春节假期安排的通知', '通知'],
      ['XX市国民经济和社会发展第十五个五年规划纲要', '规划'],
      ['XX省推动大规模设备更新行动方案', '方案'],
      ['关于XX县乡村振兴工作情况的调研报告', '调研报告'],
      ['2025年度个人述职报告', '述职报告'],
      ['XX局2025年工作总结和2026年工作计划', '计划'],
      ['XX局2025年工作总结', '总结'],
      ['在全市安全生产工作会议上的讲话', '讲话'],
      ['在主题教育读书班上的研讨发言', '研讨发言'],
      ['2026年全市宣传思想工作要点', '要点'],
      ['关于表彰2025年度先进集体的决定', '决定'],
      ['关于XX问题的请示', '请示'],
      ['XX局党组会议纪要', '纪要'],
      ['关于商请支持XX项目的函', '函'],
      ['学习贯彻党的二十届四中全会精神心得体会', '心得体会'],
      ['在2026年新春团拜会上的致辞', '致辞'],
      ['XX县推进基层治理的经验材料（修改稿）', '经验材料'],
      ['庆祝建党105周年专题党课', '党课'],
    ];
    for (const [title, genre] of titles) assert.equal(genreOf(title), genre, title);
  });

  it('are told by the opening text where the title is silent', () => {
    assert.equal(genreOf('在市委全会上', '同志们：\n今天召开全会…'), '讲话');
    assert.equal(genreOf('XX市人民政府', '各位代表：\n现在，我代表市人民政府…'), '政府工作报告');
    assert.equal(genreOf('关于XX工作的情况', '根据要求，现将有关情况报告如下：'), '报告');
    assert.equal(genreOf('某某材料'), null);
  });
});
