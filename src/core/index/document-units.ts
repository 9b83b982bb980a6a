import { effectiveFreeChars } from '../access/free-part.js';
import type { ParsedDocument } from '../document.js';
import type { IndexUnit, UnitKind } from './contracts.js';

/**
 * The search units of a document: its title (ord 0), then each paragraph with kind, level and paid offset
 * (from the free part in force, see free-part.ts).
 */
export function documentUnits(docId: number, doc: ParsedDocument): IndexUnit[] {
  const units: IndexUnit[] = [{ docId, ord: 0, kind: 'title', level: 0, text: doc.title, paidFrom: -1 }];
  // The free part in force: the marker's, or the default share of a document without one.
  const freeChars = effectiveFreeChars(doc);
  let offset = 0;
  doc.paragraphs.forEach((p, i) => {
    const end = offset + p.text.length;
    const paidFrom = freeChars === null || freeChars >= end ? -1 : freeChars <= offset ? 0 : freeChars - offset;
    units.push({ docId, ord: i + 1, kind: p.role as UnitKind, level: p.level ?? 0, text: p.text, paidFrom });
    offset = end + 1;
  });
  return units;
}
