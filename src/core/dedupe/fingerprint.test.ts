import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeText } from '../normalize.js';
import { prng, randomDocument } from '../../testing/random-documents.js';
import {
  NEAR_DISTANCE,
  comparableText,
  fingerprintDocument,
  isNearDuplicate,
  minhashSketch,
  paragraphKeys,
  simhashBands,
  simhashDistance,
  sketchesMayBeNear,
  type DocFingerprint,
} from './fingerprint.js';

const asDoc = (text: string, title = '标题') => ({
  title,
  paragraphs: text.split('\n').map((t) => ({ text: t, role: 'body' as const, level: null })),
});

/** What the store does to find candidates: a shared band with the whole SimHash close, or a shared paragraph key. */
function isCandidate(a: DocFingerprint, b: DocFingerprint): boolean {
  const band = a.bands.some((x, k) => x === b.bands[k]) && simhashDistance(a.bands, b.bands) <= NEAR_DISTANCE;
  return band || a.paragraphKeys.some((key) => b.paragraphKeys.includes(key));
}

describe('comparableText', () => {
  const reference = (text: string): string => normalizeText(text).replace(/\s+/g, '');

  it('is the normalized text with every \\s removed, for every code unit', () => {
    const all = String.fromCharCode(
      ...Array.from({ length: 65536 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff),
    );
    assert.equal(comparableText(all), reference(all));
    assert.ok(comparableText(all).length < all.length - 20, 'white space is removed');
  });

  it('agrees with normalize-then-strip on any mix of text, white space and lone or paired surrogates', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        ' ',
        '\u3000',
        '\t',
        '\n',
        '\u00a0',
        '\ufeff',
        '\u2028',
        '\ud800',
        '\udc00',
        '\udbff',
        '\udfff',
        'Ａ',
        '國',
        '党',
      ),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        assert.equal(comparableText(text), reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Footers other sites append to a copied article. */
const FOOTERS = [
  '本文来源于网络，版权归原作者所有，如有侵权请联系删除。更多精彩范文请关注我们的公众号，每日更新。',
  '以上就是小编为大家整理的全部内容，希望对您有所帮助。推荐访问：工作总结范文大全 心得体会 讲话稿。',
  '免责声明：本站文章均来自网友投稿，仅供学习参考。版权所有：某某文秘网 备案号：京ICP备12345678号 联系QQ：123456789',
];

/** Sentences every 公文 writer reuses: documents assembled from them share much wording but are different documents. */
const TEMPLATE_SENTENCES = [
  '现将有关情况报告如下：',
  '在上级党委的坚强领导下，我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。',
  '一、主要工作开展情况',
  '（一）坚持政治引领，压实主体责任。',
  '（二）加强理论学习，筑牢思想根基。',
  '（三）强化作风建设，提升服务质效。',
  '二、存在的问题和不足',
  '一是理论学习的深度和广度还不够，学用结合还不够紧密。',
  '二是工作创新意识不强，办法不多，存在按部就班的现象。',
  '三是制度执行还不够严格，监督检查的力度有待加强。',
  '三、下一步工作打算',
  '我们将继续坚持问题导向，进一步完善工作机制，推动各项工作再上新台阶。',
  '坚持把学习贯彻党的创新理论作为首要政治任务，持续推动学习往深里走、往心里走、往实里走。',
  '切实加强干部队伍建设，着力打造一支政治过硬、本领高强的干部队伍。',
  '以钉钉子精神抓好各项任务落实，确保取得实实在在的成效。',
  '全面落实从严治党主体责任，持之以恒正风肃纪，营造风清气正的良好政治生态。',
  '深入开展调查研究，聚焦群众急难愁盼问题，切实解决一批实际困难。',
  '进一步健全完善考核评价体系，充分发挥考核的指挥棒作用。',
  '加强宣传引导，及时总结推广好经验好做法，营造比学赶超的浓厚氛围。',
  '强化安全生产责任落实，扎实开展隐患排查整治，守牢安全底线。',
];

describe('duplicate fingerprints', () => {
  const random = prng(3);
  const texts = Array.from({ length: 30 }, (_, i) => randomDocument(random, i));

  it('gives the same exact hash across width, case and white space', () => {
    const a = '第一段ＡＢＣ，内容。\n　　第二段abc,内容。';
    const b = '第一段abc,内容。\n第二段ＡＢＣ，内容。';
    assert.equal(fingerprintDocument(asDoc(a)).exact, fingerprintDocument(asDoc(b)).exact);
  });

  it('finds a near-duplicate with a few words changed, sharing a SimHash band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.integer({ min: 1, max: 4 }), (i, edits) => {
        const original = comparableText(texts[i]!);
        let changed = original;
        for (let e = 0; e < edits; e++) {
          const at = Math.floor((original.length * (e + 1)) / (edits + 2));
          changed = changed.slice(0, at) + '改动' + changed.slice(at + 2);
        }
        assert.ok(isNearDuplicate(original, changed));
        // Candidate lookup: a shared SimHash band or a shared paragraph key.
        const a = simhashBands(original);
        const b = simhashBands(changed);
        const keysA = paragraphKeys(asDoc(texts[i]!));
        const editedDoc = asDoc(
          texts[i]!.split('\n')
            .map((line, n) => (n === 2 ? line.slice(0, 5) + '改动' + line.slice(7) : line))
            .join('\n'),
        );
        const keysB = paragraphKeys(editedDoc);
        assert.ok(
          a.some((band, k) => band === b[k]) || keysA.some((key) => keysB.includes(key)),
          'no candidate key shared',
        );
      }),
      { numRuns: 40 },
    );
  });

  it('keeps different documents built from the same vocabulary apart', () => {
    for (let i = 0; i + 1 < texts.length; i++)
      assert.ok(!isNearDuplicate(comparableText(texts[i]!), comparableText(texts[i + 1]!)));
  });

  it('finds a copy that another site re-published with its own footer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.constantFrom(...FOOTERS),
        fc.boolean(),
        (i, footer, edited) => {
          const body = edited ? texts[i]!.replace(/。/, '。改动了几个字。') : texts[i]!;
          const copy = `${body}\n${footer}`;
          assert.ok(isNearDuplicate(comparableText(texts[i]!), comparableText(copy)));
          assert.ok(
            isCandidate(fingerprintDocument(asDoc(texts[i]!)), fingerprintDocument(asDoc(copy))),
            'no candidate key shared',
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps apart different documents assembled from the same template sentences', () => {
    const compose = (picks: number[], own: string): string =>
      [
        TEMPLATE_SENTENCES[0]!,
        TEMPLATE_SENTENCES[1]!,
        ...picks.map((k) => TEMPLATE_SENTENCES[k % TEMPLATE_SENTENCES.length]!),
        own,
      ].join('\n');
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 6, maxLength: 14 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 14 }),
        fc.integer({ min: 0, max: texts.length - 2 }),
        (picksA, picksB, i) => {
          // Each document carries a paragraph of its own besides the shared sentences.
          const ownA = texts[i]!.split('\n')[3]!;
          const ownB = texts[i + 1]!.split('\n')[3]!;
          const a = compose(picksA, ownA);
          const b = compose(picksB, ownB);
          assert.ok(!isNearDuplicate(comparableText(a), comparableText(b)));
        },
      ),
      { numRuns: 200 },
    );
    // The same skeleton (headings, openings, closings) with different bodies: the common 公文 case.
    const skeleton = (body: string[]): string =>
      [0, 1, 2, 3, 4, 6, 7, 8, 10, 11]
        .map((k) => TEMPLATE_SENTENCES[k]!)
        .flatMap((t, n) => (n % 2 === 1 ? [t, body[n] ?? ''] : [t]))
        .join('\n');
    for (let i = 0; i + 1 < texts.length; i++) {
      const a = skeleton(texts[i]!.split('\n'));
      const b = skeleton(texts[i + 1]!.split('\n'));
      assert.ok(
        !isNearDuplicate(comparableText(a), comparableText(b)),
        `documents ${i} and ${i + 1} linked by their template`,
      );
    }
  });

  it('never lets MinHash sketches rule out a near-duplicate, and rules out most different documents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.integer({ min: 0, max: 4 }),
        fc.option(fc.constantFrom(...FOOTERS)),
        (i, edits, footer) => {
          const original = comparableText(texts[i]!);
          let changed = original;
          for (let e = 0; e < edits; e++) {
            const at = Math.floor((original.length * (e + 1)) / (edits + 2));
            changed = changed.slice(0, at) + '改动' + changed.slice(at + 2);
          }
          if (footer !== null) changed += comparableText(footer);
          if (!isNearDuplicate(original, changed)) return;
          assert.ok(
            sketchesMayBeNear(minhashSketch(original), minhashSketch(changed)),
            `near-duplicate of text ${i} ruled out by its sketch`,
          );
        },
      ),
      { numRuns: 200 },
    );
    // Documents written from one vocabulary share many shingles; the sketch still tells most of them apart.
    let pairs = 0;
    let ruledOut = 0;
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = comparableText(texts[i]!);
        const b = comparableText(texts[j]!);
        if (isNearDuplicate(a, b)) continue;
        pairs++;
        if (!sketchesMayBeNear(minhashSketch(a), minhashSketch(b))) ruledOut++;
      }
    }
    assert.ok(pairs > 100 && ruledOut / pairs > 0.95, `${ruledOut} of ${pairs} different pairs ruled out`);
  });

  it('does not call two bodiless documents duplicates unless their titles match', () => {
    const a = fingerprintDocument({ title: '关于召开会议的通知', paragraphs: [] });
    const b = fingerprintDocument({ title: '关于放假安排的通知', paragraphs: [] });
    const c = fingerprintDocument({ title: '关于召开会议的通知', paragraphs: [] });
    assert.notEqual(a.exact, b.exact);
    assert.equal(a.exact, c.exact);
    assert.notEqual(a.exact, fingerprintDocument(asDoc('关于召开会议的通知')).exact);
  });
});
