import type { LibraryTables } from './library-tables.js';
import type { SearchOptions } from './search-options.js';

/** Filter masks kept (one byte per document each). */
const MASKS_KEPT = 16;

/**
 * The documents a search's filters (genre, year, tag, paid) let through, as masks by document and by slot,
 * kept per filter until the library grows (`clear` on refresh).
 */
export class FilterMasks {
  /** Filter masks by filter (see filterMask). */
  private readonly masks = new Map<string, Uint8Array>();
  /** Each kept filter mask's documents by slot (see slotMask): made once per filter, not per search. */
  private readonly slotMasks = new WeakMap<Uint8Array, Uint8Array>();

  constructor(private readonly tables: LibraryTables) {}

  /** Drops the masks kept (they are as long as the library was). */
  clear(): void {
    this.masks.clear();
  }

  /** Per slot, 1 when its document is marked in `docMask` (a filter mask, so kept with it). */
  slotMask(docMask: Uint8Array): Uint8Array {
    const kept = this.slotMasks.get(docMask);
    if (kept) return kept;
    const { slotDoc } = this.tables;
    const keep = new Uint8Array(slotDoc.length);
    for (let s = 0; s < slotDoc.length; s++) {
      const d = slotDoc[s]!;
      if (d >= 0) keep[s] = docMask[d]!;
    }
    this.slotMasks.set(docMask, keep);
    return keep;
  }

  /**
   * Per document, 1 when it passes the genre/year/tag/paid filters; null when none is set. Kept per filter
   * until the next refresh.
   */
  filterMask(options: SearchOptions): Uint8Array | null {
    const { genre, year, tag, paid } = options;
    if (genre === undefined && year === undefined && tag === undefined && paid === undefined) return null;
    const key = JSON.stringify([genre, year, tag, paid]);
    const kept = this.masks.get(key);
    if (kept) return kept;
    const mask = new Uint8Array(this.tables.docs.length);
    const gone = this.tables.docGone;
    this.tables.docs.forEach((doc, d) => {
      if (gone[d] === 1) return;
      if (genre !== undefined && doc.genre !== genre) return;
      if (year !== undefined && doc.year !== year) return;
      if (tag !== undefined && !doc.tags.includes(tag)) return;
      if (paid !== undefined && doc.paid !== (paid === 'paid')) return;
      mask[d] = 1;
    });
    this.masks.set(key, mask);
    if (this.masks.size > MASKS_KEPT) this.masks.delete(this.masks.keys().next().value as string);
    return mask;
  }
}
