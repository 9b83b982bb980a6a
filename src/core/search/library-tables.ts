import type { DocMeta, SegmentHeader } from '../index/contracts.js';
import { grown } from '../grown.js';
import { hasBit, setBits } from '../bit-set.js';
import type { InHeading } from './match-term.js';
import { KIND } from './scope-kinds.js';

/** A document's paid offset when it has no paid part. */
export const NEVER = 0x7fffffff;

/**
 * The library as the search reads it, in typed arrays: the unit table (unit → document, kind, level, paid
 * offset, offset in the document's index text), the slot → document map and per-document facts. Grown by
 * `load` with what is new; the search functions read the fields (never write them).
 */
export class LibraryTables {
  unitDoc = new Int32Array(0);
  unitKind = new Uint8Array(0);
  unitLevel = new Uint8Array(0);
  unitPaidFrom = new Int32Array(0);
  unitStart = new Int32Array(0);
  slotDoc = new Int32Array(0);
  readonly docs: DocMeta[] = [];
  readonly docIndex = new Map<number, number>();
  docUnitLo = new Int32Array(0);
  docUnitHi = new Int32Array(0);
  /** Each document's slot (a count of alias-title hits asks whether a term's list holds it). */
  docSlot = new Int32Array(0);
  /** Offset of the paid part in the document's index text; NEVER when wholly free. */
  docPaidAt = new Int32Array(0);
  docLength = new Float64Array(0);
  /**
   * Where the title ends in the document's index text (read per document by the ranking loop, where unit
   * tables would be read at random).
   */
  docTitleEnd = new Int32Array(0);
  docTime = new Float64Array(0);
  /** Each document's id, for ranking ties (see topK). */
  docIds = new Float64Array(0);
  totalLength = 0;
  unitsLoaded = 0;
  /** Per document, 1 once deleted (see forget): its slot and units are dead, filters leave it out. */
  docGone = new Uint8Array(0);
  /** The last deletion applied (what the source's `deletions` takes). */
  deletionsSeen = 0;
  /**
   * One bit per character of every slot's index text, set where it lies in a heading: slot s's text starts
   * at bit slotBase[s] (see inHeading).
   */
  private headingBits = new Int32Array(0);
  private slotBase = new Float64Array(0);
  /** Bits given to slots so far, and the slots given theirs (slots come in ascending order). */
  private bitsUsed = 0;
  private slotsBased = 0;

  /** Id of the last document loaded, 0 before any (what the source's `documents` takes). */
  lastDocId(): number {
    return this.docs.length ? this.docs[this.docs.length - 1]!.id : 0;
  }

  /** Adds documents and segments new since the last load (documents first: segments' units name them). */
  load(docs: readonly DocMeta[], segments: readonly SegmentHeader[]): void {
    for (const d of docs) {
      const i = this.docs.length;
      this.docs.push(d);
      this.docIndex.set(d.id, i);
      this.docTime = grown(this.docTime, i + 1);
      this.docIds = grown(this.docIds, i + 1);
      this.docIds[i] = d.id;
      const t = d.publishedAt ? Date.parse(d.publishedAt.replace(' ', 'T')) : NaN;
      this.docTime[i] = Number.isNaN(t) ? (d.year ? Date.UTC(d.year, 0, 1) : 0) : t;
    }
    const nDocs = this.docs.length;
    this.docGone = grown(this.docGone, nDocs);
    this.docUnitLo = grown(this.docUnitLo, nDocs);
    this.docUnitHi = grown(this.docUnitHi, nDocs);
    this.docSlot = grown(this.docSlot, nDocs);
    this.docPaidAt = grown(this.docPaidAt, nDocs);
    this.docLength = grown(this.docLength, nDocs);
    this.docTitleEnd = grown(this.docTitleEnd, nDocs);
    for (const s of segments) {
      this.unitDoc = grown(this.unitDoc, s.unitHi, -1);
      this.unitKind = grown(this.unitKind, s.unitHi);
      this.unitLevel = grown(this.unitLevel, s.unitHi);
      this.unitPaidFrom = grown(this.unitPaidFrom, s.unitHi);
      this.unitStart = grown(this.unitStart, s.unitHi);
      this.slotDoc = grown(this.slotDoc, s.slotHi, -1);
      for (let k = 0; k < s.slotUnitLo.length; k++) {
        const lo = s.slotUnitLo[k]!;
        const hi = k + 1 < s.slotUnitLo.length ? s.slotUnitLo[k + 1]! : s.unitHi;
        const d = this.docIndex.get(s.unitDoc[lo - s.unitLo]!) ?? -1;
        this.slotDoc[s.slotLo + k] = d;
        let start = 0;
        let paidAt = NEVER;
        for (let u = lo; u < hi; u++) {
          const i = u - s.unitLo;
          this.unitDoc[u] = d;
          this.unitKind[u] = s.unitMeta[i]! & 15;
          this.unitLevel[u] = s.unitMeta[i]! >> 4;
          this.unitPaidFrom[u] = s.unitPaidFrom[i]!;
          this.unitStart[u] = start;
          if (paidAt === NEVER && s.unitPaidFrom[i]! >= 0) paidAt = start + s.unitPaidFrom[i]!;
          start += s.unitLength[i]! + 1;
        }
        this.markHeadings(s.slotLo + k, lo, hi, start);
        if (d < 0) continue;
        if (this.docUnitHi[d] === 0) this.totalLength += start - 1;
        this.docUnitLo[d] = lo;
        this.docSlot[d] = s.slotLo + k;
        this.docUnitHi[d] = hi;
        this.docPaidAt[d] = paidAt;
        this.docLength[d] = start - 1;
        this.docTitleEnd[d] = s.unitLength[lo - s.unitLo]!;
      }
      this.unitsLoaded = Math.max(this.unitsLoaded, s.unitHi);
    }
  }

  /**
   * Drops a deleted document, as a duplicate's slot is dead: its slot and units name no document any more,
   * so no term matches it; its row in `docs` stays (indexes into the tables do not move). Returns its index,
   * or -1 when it is not loaded (deleted before it was, its slot is dead already) or already dropped.
   */
  forget(docId: number): number {
    const d = this.docIndex.get(docId);
    if (d === undefined || this.docGone[d] === 1) return -1;
    this.docGone[d] = 1;
    if (this.docUnitHi[d]! > 0) {
      this.slotDoc[this.docSlot[d]!] = -1;
      this.unitDoc.fill(-1, this.docUnitLo[d]!, this.docUnitHi[d]!);
      this.totalLength -= this.docLength[d]!;
    }
    return d;
  }

  /**
   * Gives slot `slot` (units [lo, hi), its index text `length` long) its bits, set over its headings; once
   * per slot.
   */
  private markHeadings(slot: number, lo: number, hi: number, length: number): void {
    if (slot < this.slotsBased) return;
    const base = this.bitsUsed;
    this.slotBase = grown(this.slotBase, slot + 1);
    this.slotBase[slot] = base;
    this.slotsBased = slot + 1;
    this.bitsUsed = base + length;
    this.headingBits = grown(this.headingBits, Math.ceil(this.bitsUsed / 32) + 1);
    const bits = this.headingBits;
    for (let u = lo; u < hi; u++) {
      if (this.unitKind[u] !== KIND.heading) continue;
      const from = base + this.unitStart[u]!;
      const to = u + 1 < hi ? base + this.unitStart[u + 1]! - 1 : base + length - 1;
      setBits(bits, from, to);
    }
  }

  /** Where the title of slot `slot`'s document ends in its index text (0 for a dead slot). */
  readonly titleEnd = (slot: number): number => {
    const d = this.slotDoc[slot]!;
    return d < 0 ? 0 : this.docTitleEnd[d]!;
  };

  /** Whether index-text offset `at` of slot `slot`'s document lies in a heading: one bit (see headingBits). */
  readonly inHeading: InHeading = (slot, at) => {
    return hasBit(this.headingBits, this.slotBase[slot]! + at);
  };
}
