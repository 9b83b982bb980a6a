import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { stripWatermarks } from './watermark.js';

// Watermarks as 素材 sites glue them into a sentence or a heading, written from their wording: in a bracket
// of any kind, between a pair of symbols, as a handle, as an address spelt to dodge a filter.
const MARKS = [
  '【来源：笔杆子网】',
  '[来源：公文素材库]',
  '（关注公众号：笔杆子，获取更多素材）',
  '（更多范文请访问公文网）',
  'ＷＷＷ．ＢＩＧＡＮＺＩ．ＣＯＭ',
  'w.w.w.b.i.g.a.n.z.i.c.o.m',
  '（微信搜索：公文素材）',
  '（原创不易，转载请注明）',
  '（笔杆子网整理）',
  '@笔杆子公众号',
  '#公文素材库#',
  '◆笔杆子网◆',
  '→笔杆子网←',
  '【笔丨杆丨子丨网】',
  '【笔㊣杆子网】',
  '「笔杆子网版权所有」',
  '〖本文由笔杆子网独家发布〗',
  '【笔🔥杆子素材】',
  '[笔-杆-子-网-原-创]',
  '<笔杆子网>',
  '（ｂｉｇａｎｚｉ.ｃｏｍ）',
  '【扫码关注：笔杆子】',
  '【素材来源：笔杆子】',
  '〔笔杆子写作网提供〕',
  '（转自：笔杆子公众号）',
  '〔本资料来源于网络〕',
  '【VX：bigan888】',
  '（加微信bigan888获取全文）',
  '【免费领取资料包】',
];
const BEFORE = '各级党组织要坚持以人民为中心的发展思想';
const AFTER = '切实增强人民群众的获得感和幸福感。';

describe('watermarks glued into a sentence, in their own words', () => {
  for (const mark of MARKS) {
    it(`removes ${mark}, the sentence and the heading it stood in kept`, () => {
      const page = [
        '关于加强基层治理工作的通知',
        '各乡镇人民政府，县直各单位：',
        BEFORE + mark + AFTER,
        `一、提高思想认识${mark}`,
      ];
      const doc = parseFile([...page, '各单位要充分认识加强基层治理工作的重要意义。'].join('\n')).documents[0]!;
      const text = documentText(doc);
      assert.ok(text.includes(BEFORE + AFTER));
      assert.ok(!text.includes(mark));
      assert.ok(doc.outline.some((o) => o.text.includes('提高思想认识')));
    });
  }

  it('keeps a notice’s own brackets, addresses and symbols', () => {
    for (const line of [
      '（以下简称《总体规划》）',
      '（此件公开发布）',
      '请登录www.gov.cn查询（网址：www.gov.cn）',
      '（微信公众号：某某发布）',
      '全年完成投资★★★级项目12个',
      '#1机组和#2机组于6月并网',
    ]) {
      assert.equal(stripWatermarks(line).line, line, line);
    }
  });
});
