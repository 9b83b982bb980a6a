import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { prng, randomDocument } from '../../testing/random-documents.js';
import { comparableText, fingerprintDocument, isNearDuplicate, paragraphKeys, simhashBands } from './fingerprint.js';

const asDoc = (text: string) => ({ paragraphs: text.split('\n').map((t) => ({ text: t, role: 'body' as const, level: null })) });

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
        const editedDoc = asDoc(texts[i]!.split('\n').map((line, n) => (n === 2 ? line.slice(0, 5) + '改动' + line.slice(7) : line)).join('\n'));
        const keysB = paragraphKeys(editedDoc);
        assert.ok(a.some((band, k) => band === b[k]) || keysA.some((key) => keysB.includes(key)), 'no candidate key shared');
      }),
      { numRuns: 40 },
    );
  });

  it('keeps different documents built from the same vocabulary apart', () => {
    for (let i = 0; i + 1 < texts.length; i++) assert.ok(!isNearDuplicate(comparableText(texts[i]!), comparableText(texts[i + 1]!)));
  });
});
