import { documentText, type ParsedDocument } from '../document.js';
import { BandIndex } from './band-index.js';
import {
  ComparableText,
  comparableText,
  lengthsCanBeNear,
  minhashSketch,
  nearDuplicateTest,
  sketchesMayBeNear,
  type DocFingerprint,
} from './fingerprint.js';
import { NearKeyTable } from './near-key-table.js';

/** Band neighbours (within NEAR_DISTANCE bits) a new document is compared with, at most. */
export const BAND_CANDIDATES = 200;

/** Stored documents' near-duplicate keys in memory: documents by SimHash band, each with its row in the key table. */
export interface NearIndex {
  bands: BandIndex<number>;
  keys: NearKeyTable;
}

/** An empty near index. */
export function emptyNearIndex(): NearIndex {
  return { bands: new BandIndex<number>(), keys: new NearKeyTable() };
}

/** Adds a newly stored document's keys to the index. */
export function addToNearIndex(index: NearIndex, id: number, fp: DocFingerprint): void {
  index.bands.add(id, fp.bands, index.keys.add(fp.length, fp.minhash));
}

/** What the decision reads of the stored documents, and the one thing it writes back. */
export interface StoredDocumentReads {
  /** The stored document whose text has this exact hash, if any. */
  byExact(exact: string): number | undefined;
  /** Stored documents holding a paragraph with this key (a few at most). */
  byParagraph(key: number): readonly number[];
  /** A stored document's body text: its paragraphs joined by newlines. */
  bodyText(id: number): string;
  /** Keeps the sketch made for a stored document that had none (stored before sketches were kept). */
  keepSketch(id: number, sketch: Uint32Array): void;
}

/**
 * Stored documents' comparable texts (with their shingles once taken) by id: the same few documents are
 * candidates for many new ones (shared template paragraphs), and stored texts never change.
 */
export interface CandidateTexts {
  get(id: number): ComparableText | undefined;
  set(id: number, text: ComparableText): unknown;
}

/** Whether a document is new or a duplicate (exact, or near) of a stored one. */
export type DuplicateDecision = { kind: 'new' } | { kind: 'duplicate'; id: number; near: boolean };

/**
 * Decides whether `doc` (fingerprinted as `fp`) is an exact duplicate of a stored document, a near
 * duplicate of one, or new. Candidates are its band neighbours and the documents sharing a paragraph key;
 * each is ruled out by length, then sketch, before its text is read (and kept in `texts`).
 */
export function duplicateDecision(
  doc: ParsedDocument,
  fp: DocFingerprint,
  index: NearIndex,
  texts: CandidateTexts,
  reads: StoredDocumentReads,
): DuplicateDecision {
  const exact = reads.byExact(fp.exact);
  if (exact !== undefined) return { kind: 'duplicate', id: exact, near: false };
  const { bands, keys } = index;
  let isNear: ReturnType<typeof nearDuplicateTest> | null = null;
  // Band neighbours count only when the whole SimHash is close: similar vocabulary alone shares bands.
  const candidates = new Set(bands.near(fp.bands, BAND_CANDIDATES));
  for (const key of fp.paragraphKeys) for (const id of reads.byParagraph(key)) candidates.add(id);
  for (const id of candidates) {
    // Every stored document has its keys (read into the index); as the join did, skip one without.
    const row = bands.valueOf(id);
    if (row === undefined) continue;
    // Lengths, then sketches rule most candidates out (isNearDuplicate's first test, then an estimate of
    // its second) without reading their text.
    const length = keys.length(row);
    if (length !== null && !lengthsCanBeNear(fp.length, length)) continue;
    const sketch = keys.sketch(row);
    if (sketch !== null && !sketchesMayBeNear(fp.minhash, sketch)) continue;
    let other = texts.get(id);
    if (other === undefined) {
      texts.set(id, (other = new ComparableText(comparableText(reads.bodyText(id)))));
      // A document stored before sketches were kept gets one now, the first time it is a candidate.
      if (sketch === null) {
        const minhash = minhashSketch(other.text);
        reads.keepSketch(id, minhash);
        keys.setSketch(row, minhash);
      }
    }
    isNear ??= nearDuplicateTest(comparableText(documentText(doc)));
    if (isNear(other)) return { kind: 'duplicate', id, near: true };
  }
  return { kind: 'new' };
}
