import type { Deletion, DocMeta, IndexSource, SegmentData, SegmentHeader, TitleAlias } from './contracts.js';
import { findList } from './posting-columns.js';

/** An in-memory IndexSource: the do-nothing backend for tests and pure benchmarks. */
export class MemoryIndexSource implements IndexSource {
  private readonly segmentList: SegmentData[] = [];
  private readonly docs = new Map<number, DocMeta>();
  private readonly texts = new Map<number, string>();
  private readonly aliases: TitleAlias[] = [];
  private readonly deleted: Deletion[] = [];

  addSegment(segment: SegmentData, texts: readonly string[]): void {
    this.segmentList.push(segment);
    texts.forEach((t, i) => this.texts.set(segment.unitLo + i, t));
  }

  addDocuments(docs: readonly DocMeta[]): void {
    for (const d of docs) this.docs.set(d.id, d);
  }

  /** Adds a title the document is also known by (ids given in order). */
  addTitleAlias(docId: number, kind: TitleAlias['kind'], title: string): void {
    this.aliases.push({ id: this.aliases.length + 1, docId, kind, title });
  }

  /** Deletes a document: gone from `documents`, named in `deletions`; its units and postings stay (a dead slot). */
  deleteDocument(id: number): void {
    if (this.docs.delete(id)) this.deleted.push({ seq: this.deleted.length + 1, docId: id });
  }

  async deletions(afterSeq = 0): Promise<Deletion[]> {
    return this.deleted.filter((d) => d.seq > afterSeq);
  }

  async titleAliases(afterId = 0): Promise<TitleAlias[]> {
    return this.aliases.filter((a) => a.id > afterId);
  }

  async segments(fromUnit = 0): Promise<SegmentHeader[]> {
    return this.segmentList
      .map(({ lists: _lists, ...header }, id) => ({ ...header, id }))
      .filter((s) => s.unitHi > fromUnit);
  }

  async documents(afterId = 0): Promise<DocMeta[]> {
    return [...this.docs.values()].filter((d) => d.id > afterId).sort((a, b) => a.id - b.id);
  }

  async postings(grams: readonly number[]): Promise<Map<number, Uint8Array[]>> {
    const out = new Map<number, Uint8Array[]>();
    for (const gram of grams) {
      const blobs: Uint8Array[] = [];
      for (const s of this.segmentList) {
        const p = findList(s.lists, gram);
        if (p) blobs.push(p);
      }
      out.set(gram, blobs);
    }
    return out;
  }

  async joinedUnitTexts(unitIds: readonly number[]): Promise<string> {
    const texts = await this.unitTexts(unitIds);
    return [...texts.keys()]
      .sort((x, y) => x - y)
      .map((id) => texts.get(id)!)
      .join('\n');
  }

  async unitTexts(unitIds: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const id of unitIds) {
      const t = this.texts.get(id);
      if (t !== undefined) out.set(id, t);
    }
    return out;
  }
}
