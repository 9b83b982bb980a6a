import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blobsLength } from '../index/decode-scratch.js';
import { bigramKey, isBigram } from '../index/gram-keys.js';
import { UNIT_SEPARATOR, type IndexUnit } from '../index/contracts.js';
import { buildSegment } from '../index/segment-builder.js';
import { listsOf } from '../../testing/posting-lists.js';
import { matchPhrase, type PhraseList } from './match-phrase.js';
import { walkInWebAssembly } from './walked-phrase.js';

type Doc = { title: string; parts: ReadonlyArray<{ heading: boolean; text: string }> };

/** Bigram lists of documents cut into segments of `perSegment` documents: each gram's blobs in slot order. */
function libraryOf(docs: readonly Doc[], perSegment: number): Map<number, Uint8Array[]> {
  const blobs = new Map<number, Uint8Array[]>();
  let unitLo = 0;
  for (let from = 0; from < docs.length; from += perSegment) {
    const units = docs.slice(from, from + perSegment).flatMap((d, i): IndexUnit[] => [
      { docId: from + i, ord: 0, kind: 'title', level: 0, text: d.title, paidFrom: -1 },
      ...d.parts.map((p, k): IndexUnit => {
        const kind = p.heading ? 'heading' : 'body';
        return { docId: from + i, ord: k + 1, kind, level: 0, text: p.text, paidFrom: -1 };
      }),
    ]);
    for (const list of listsOf(buildSegment(units, unitLo, from).lists)) {
      if (isBigram(list.gram)) blobs.set(list.gram, [...(blobs.get(list.gram) ?? []), list.data]);
    }
    unitLo += units.length;
  }
  return blobs;
}

/** A document's index text, and whether each offset of it lies in a heading. */
function indexText(doc: Doc): { text: string; inHeading: boolean[] } {
  const units = [{ heading: false, text: doc.title }, ...doc.parts];
  const text = units.map((u) => u.text).join(String.fromCharCode(UNIT_SEPARATOR));
  const inHeading = units.flatMap((u) => [...Array<boolean>(u.text.length).fill(u.heading), false]);
  return { text, inHeading };
}

/** Every start of `term` in `text`, overlapping ones too. */
function startsOf(text: string, term: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) out.push(at);
  return out;
}

const text = fc.stringMatching(/^[甲乙丙]{0,16}$/);
const doc = fc.record({ title: text, parts: fc.array(fc.record({ heading: fc.boolean(), text }), { maxLength: 3 }) });

/** Offsets of a covering chain of an n-bigram term (steps of one or two from 0 to n - 1), and maybe one more. */
function chainOf(n: number, steps: boolean[], extra: number | null): number[] {
  const chain = [0];
  for (let i = 0; chain.at(-1)! < n - 1; i++) {
    const at = chain.at(-1)!;
    chain.push(steps[i] && at + 2 <= n - 1 ? at + 2 : at + 1);
  }
  if (extra !== null && !chain.includes(extra % n)) chain.push(extra % n);
  return chain;
}

describe('matchPhrase', () => {
  it('finds what a scan finds from any covering set of lists, in either walk, filtered or not', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.stringMatching(/^[甲乙丙]{3,7}$/),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.option(fc.nat()),
        fc.option(fc.uint8Array({ min: 0, max: 1, minLength: 12, maxLength: 12 })),
        fc.boolean(),
        (docs, perSegment, term, steps, extra, keep, wasm) => {
          const library = libraryOf(docs, perSegment);
          const cover = chainOf(term.length - 1, steps, extra).map((offset): PhraseList => {
            const blobs = library.get(bigramKey(term.charCodeAt(offset), term.charCodeAt(offset + 1))) ?? [];
            return { blobs, offset, bytes: blobsLength(blobs) };
          });
          const texts = docs.map(indexText);
          const occurrences = texts.map((t) => startsOf(t.text, term));
          const kept = (slot: number): boolean => keep === null || keep[slot] === 1;
          const holding = occurrences.flatMap((at, slot) => (at.length > 0 && kept(slot) ? [slot] : []));
          const inHeading = (slot: number, at: number): boolean => texts[slot]!.inHeading[at]!;
          walkInWebAssembly(wasm);
          try {
            const positions = matchPhrase(cover, 'positions', keep, null);
            assert.deepEqual([...positions.slots], holding);
            assert.deepEqual(
              [...positions.positions!],
              holding.flatMap((s) => occurrences[s]!),
            );
            assert.deepEqual([...matchPhrase(cover, 'presence', keep, null).slots], holding);
            const zones = matchPhrase(cover, 'zones', keep, null);
            const into = new Int32Array(64);
            const read = holding.map((_, i) => [...into.subarray(0, zones.reader!.read(i, into))]);
            assert.deepEqual(
              read,
              holding.map((s) => occurrences[s]),
            );
            holding.forEach((s, i) => assert.ok(zones.counts[i]! >= occurrences[s]!.length, 'counts bound'));
            const headings = holding.filter((s) => occurrences[s]!.some((at) => inHeading(s, at)));
            assert.deepEqual([...matchPhrase(cover, 'headings', keep, inHeading).slots], headings);
          } finally {
            walkInWebAssembly(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
