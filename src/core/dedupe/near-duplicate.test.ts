import assert from 'node:assert/strict';
import { it } from 'node:test';
import { prng } from '../../testing/random-documents.js';
import { documentText, type ParsedDocument } from '../document.js';
import { comparableText, fingerprintDocument, minhashSketch, type ComparableText } from './fingerprint.js';
import {
  addToNearIndex,
  duplicateDecision,
  emptyNearIndex,
  type DuplicateDecision,
  type NearIndex,
} from './near-duplicate.js';

const random = prng(7);
/** A paragraph of distinct random characters (no shingle shared with another by chance). */
const paragraph = (length: number): string =>
  Array.from({ length }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 20000))).join('');

const docOf = (paragraphs: string[]): ParsedDocument => ({
  title: '标题',
  rawTitle: '标题',
  genre: null,
  year: null,
  publishedAt: null,
  tags: [],
  subtitle: null,
  signature: null,
  signedAt: null,
  closingPaid: false,
  source: null,
  author: null,
  yearInferred: false,
  paragraphs: paragraphs.map((text) => ({ text, role: 'body', level: null })),
  outline: [],
  freeChars: null,
  placeholders: [],
  restorations: [],
  removed: [],
});

/** A library in memory: its documents, the reads the decision makes of them, and what it read. */
function library(stored: ParsedDocument[], options: { unkeyed?: number[]; withoutNearKeys?: number[] } = {}) {
  const index: NearIndex = emptyNearIndex();
  const exact = new Map<string, number>();
  const byKey = new Map<number, number[]>();
  const read: number[] = [];
  const kept = new Map<number, Uint32Array>();
  stored.forEach((doc, k) => {
    const id = k + 1;
    const fp = fingerprintDocument(doc);
    exact.set(fp.exact, id);
    for (const key of fp.paragraphKeys) byKey.set(key, [...(byKey.get(key) ?? []), id]);
    if (options.withoutNearKeys?.includes(id)) return;
    // A document stored before lengths and sketches were kept has neither.
    if (options.unkeyed?.includes(id)) index.bands.add(id, fp.bands, index.keys.add(null, null));
    else addToNearIndex(index, id, fp);
  });
  const texts = new Map<number, ComparableText>();
  const reads = {
    byExact: (hash: string) => exact.get(hash),
    byParagraph: (key: number) => byKey.get(key) ?? [],
    bodyText: (id: number) => (read.push(id), documentText(stored[id - 1]!)),
    keepSketch: (id: number, sketch: Uint32Array) => kept.set(id, sketch),
  };
  const decide = (doc: ParsedDocument): DuplicateDecision =>
    duplicateDecision(doc, fingerprintDocument(doc), index, texts, reads);
  return { index, read, kept, decide };
}

const [a, b, c, d] = [paragraph(120), paragraph(120), paragraph(120), paragraph(600)];
const original = docOf([a, b, c]);
/** Two characters of one paragraph changed: under 15% of the shingles. */
const edited = (text: string): string => `${text.slice(0, 60)}党建${text.slice(62)}`;

it('finds an exact duplicate by its hash, reading no text', () => {
  const lib = library([original]);
  assert.deepEqual(lib.decide(docOf([a, b, c])), { kind: 'duplicate', id: 1, near: false });
  assert.deepEqual(lib.read, []);
});

it('finds a near duplicate, reading a candidate’s text once for any number of comparisons', () => {
  const lib = library([docOf([paragraph(200)]), original]);
  assert.deepEqual(lib.decide(docOf([a, edited(b), c])), { kind: 'duplicate', id: 2, near: true });
  assert.deepEqual(lib.decide(docOf([edited(a), b, c])), { kind: 'duplicate', id: 2, near: true });
  assert.deepEqual(lib.read, [2]);
});

it('rules candidates out by length and sketch without reading their text', () => {
  // Each shares a keyed paragraph with the new document. Far longer; its text and a quarter more (its sketch
  // alike); as long but otherwise different.
  const e = paragraph(250);
  const lib = library([docOf([a, d]), docOf([a, e, paragraph(90)]), docOf([a, paragraph(250)]), original]);
  assert.deepEqual(lib.decide(docOf([a, e])), { kind: 'new' });
  assert.deepEqual(lib.read, []);
});

it('skips a candidate without near keys, and keeps a sketch for one stored before sketches were kept', () => {
  const lib = library([original, docOf([a, b, c, d])], { unkeyed: [1], withoutNearKeys: [2] });
  // Document 2 is a paragraph-key candidate of it, but not in the index: never read.
  assert.deepEqual(lib.decide(docOf([a, edited(b), c])), { kind: 'duplicate', id: 1, near: true });
  assert.deepEqual(lib.read, [1]);
  const sketch = minhashSketch(comparableText(documentText(original)));
  assert.deepEqual([...lib.kept.get(1)!], [...sketch]);
  assert.deepEqual([...lib.index.keys.sketch(lib.index.bands.valueOf(1)!)!], [...sketch]);
  // A different document of its length sharing a keyed paragraph: new, with no text read again.
  assert.deepEqual(lib.decide(docOf([a, paragraph(240)])), { kind: 'new' });
  assert.deepEqual(lib.read, [1]);
});
