import type { ParsedDocument } from '../document.js';
import type { IndexUnit, UnitKind } from './contracts.js';

/** The search units of a document: its title (ord 0), then each paragraph with kind, level and paid offset. */
export function documentUnits(docId: number, doc: ParsedDocument): IndexUnit[] {
  const units: IndexUnit[] = [{ docId, ord: 0, kind: 'title', level: 0, text: doc.title, paidFrom: -1 }];
  let offset = 0;
  doc.paragraphs.forEach((p, i) => {
    const end = offset + p.text.length;
    const paidFrom =
      doc.freeChars === null || doc.freeChars >= end ? -1 : doc.freeChars <= offset ? 0 : doc.freeChars - offset;
    units.push({ docId, ord: i + 1, kind: p.role as UnitKind, level: p.level ?? 0, text: p.text, paidFrom });
    offset = end + 1;
  });
  return units;
}
