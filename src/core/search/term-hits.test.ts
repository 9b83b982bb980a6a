import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexUnit } from '../index/contracts.js';
import { buildSegment } from '../index/segment-builder.js';
import { listsOf } from '../../testing/posting-lists.js';
import { matchTerm } from './match-term.js';
import { termHits, type TermHits } from './term-hits.js';
import { walkInWebAssembly } from './walked-phrase.js';

const FIELDS = ['detail', 'length', 'slots', 'counts', 'flags', 'freeCounts', 'inTitle', 'inHeadings', 'first'];
FIELDS.push('exact', 'reader', 'posStart', 'positions');

describe('termHits', () => {
  it('lays out the fields in one order, whatever order they came in', () => {
    const given = Object.fromEntries([...FIELDS].reverse().map((f, i) => [f, i])) as unknown as TermHits;
    const made = termHits(given);
    assert.deepEqual(Object.keys(made), FIELDS);
    for (const f of FIELDS) assert.equal(made[f as keyof TermHits], given[f as keyof TermHits]);
  });

  it('is the one shape of every term match, by every path', () => {
    const units = ['甲乙丙甲乙', '乙丙甲'].map((text, docId): IndexUnit => {
      return { docId, ord: 0, kind: docId ? 'heading' : 'title', level: 1, text, paidFrom: -1 };
    });
    const blobs = new Map<number, Uint8Array[]>();
    for (const p of listsOf(buildSegment(units, 0, 0).lists)) blobs.set(p.gram, [p.data]);
    const codes = (s: string): Uint16Array => Uint16Array.from(s, (c) => c.charCodeAt(0));
    const keep = Uint8Array.of(1, 1);
    const inHeading = (slot: number): boolean => slot === 1;
    for (const wasm of [true, false]) {
      walkInWebAssembly(wasm);
      try {
        for (const term of ['甲', '甲乙', '甲乙丙', '丙甲乙丙']) {
          for (const detail of ['presence', 'zones', 'positions', 'headings'] as const) {
            for (const mask of [null, keep]) {
              const hits = matchTerm(codes(term), blobs, detail, mask, inHeading);
              assert.deepEqual(Object.keys(hits), FIELDS, `${term} (${detail})`);
            }
          }
        }
      } finally {
        walkInWebAssembly(true);
      }
    }
  });
});
