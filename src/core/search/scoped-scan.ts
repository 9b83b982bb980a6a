import { UNIT_SEPARATOR, type IndexSource } from '../index/contracts.js';
import { grown } from '../grown.js';
import { normalizeText } from '../normalize.js';
import type { TermState } from './collect-hits.js';
import type { LibraryTables } from './library-tables.js';
import { KIND_WEIGHT } from './scope-kinds.js';

const SEPARATOR = String.fromCharCode(UNIT_SEPARATOR);

/**
 * The units of one scope as one normalized text; unit i starts at starts[i] (units joined by the
 * separator).
 */
interface StructureText {
  text: string;
  starts: Int32Array;
  units: Int32Array;
  count: number;
  loadedTo: number;
}

/**
 * Finds 1-character terms in a scope narrower than the whole document (headings, openings, intros or
 * closings) by one pass over the texts of that scope's units, which it keeps.
 */
export class ScopedScan {
  /** Texts of the units of a scope (by allowed kinds), loaded on demand for 1-character scoped searches. */
  private readonly structure = new Map<string, StructureText>();

  constructor(
    private readonly source: IndexSource,
    private readonly tables: LibraryTables,
  ) {}

  /**
   * The normalized texts of every unit of the allowed kinds, as one text with each unit's start: a
   * 1-character term in such a scope is found by one pass over it. Built on first use, extended with what
   * later refreshes loaded.
   */
  private async structureScan(allowed: Uint8Array): Promise<StructureText> {
    const { unitDoc, unitKind } = this.tables;
    const key = allowed.join('');
    let s = this.structure.get(key);
    if (!s) {
      s = { text: '', starts: new Int32Array(0), units: new Int32Array(0), count: 0, loadedTo: 0 };
      this.structure.set(key, s);
    }
    if (s.loadedTo < this.tables.unitsLoaded) {
      const wanted: number[] = [];
      for (let u = s.loadedTo; u < this.tables.unitsLoaded; u++) {
        if (unitDoc[u]! >= 0 && allowed[unitKind[u]!] === 1) wanted.push(u);
      }
      if (wanted.length > 0) {
        // One string for all of them (normalizing keeps every offset and the separators); unit starts follow
        // the separators.
        const text = normalizeText(await this.source.joinedUnitTexts(wanted)) + SEPARATOR;
        s.starts = grown(s.starts, s.count + wanted.length);
        s.units = grown(s.units, s.count + wanted.length);
        let at = 0;
        let placed = 0;
        for (const u of wanted) {
          if (at >= text.length) break;
          s.starts[s.count + placed] = s.text.length + at;
          s.units[s.count + placed++] = u;
          at = text.indexOf(SEPARATOR, at) + 1;
        }
        if (placed !== wanted.length || at !== text.length) {
          throw new Error(
            `search: the texts of ${wanted.length} units did not come back one each (${placed}); ` +
              "the library's texts and index disagree",
          );
        }
        s.count += placed;
        s.text += text;
      }
      s.loadedTo = this.tables.unitsLoaded;
    }
    return s;
  }

  /**
   * A 1-character term in a scope narrower than the whole document: one pass over the scope's texts. When
   * not ranking, a document's first occurrence settles it, and the pass goes on from the next document's
   * units (as it does past a document that is not a candidate).
   */
  async verifyScoped(
    term: string,
    docs: readonly number[],
    state: Pick<TermState, 'tf' | 'here' | 'best'>,
    allowed: Uint8Array,
    level: number | undefined,
    freeOnly: boolean,
    ranked: boolean,
  ): Promise<void> {
    const candidate = new Uint8Array(this.tables.docs.length);
    for (const d of docs) candidate[d] = 1;
    const { text, starts, units, count } = await this.structureScan(allowed);
    const { unitDoc, unitLevel, unitPaidFrom, unitKind } = this.tables;
    let e = 0;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      while (e + 1 < count && starts[e + 1]! <= at) e++;
      const u = units[e]!;
      const d = unitDoc[u]!;
      // A unit of a document deleted since the scope's texts were loaded (its unit is dead now) is passed by.
      if (d < 0 || candidate[d] === 0 || (!ranked && state.here[d] === 1)) {
        // Nothing more to learn from this document: on to the next one's first unit.
        while (e + 1 < count && unitDoc[units[e + 1]!] === d) e++;
        if (e + 1 === count) break;
        at = starts[e + 1]! - 1;
        continue;
      }
      if (level !== undefined && unitLevel[u] !== level) continue;
      const paidFrom = unitPaidFrom[u]!;
      if (freeOnly && paidFrom >= 0 && at - starts[e]! + 1 > paidFrom) continue;
      const w = KIND_WEIGHT[unitKind[u]!]!;
      // The first occurrence found sets the frequency: the arrays are reused across searches (DocArrayPool),
      // and adding to what an earlier search left made a repeated search rank otherwise.
      if (state.here[d] === 0) {
        state.here[d] = 1;
        state.tf[d] = w;
        state.best[d] = u;
      } else state.tf[d] = state.tf[d]! + w;
    }
  }
}
