import type { HeadingKind, ParagraphRole } from '../document.js';
import { MARKER_KINDS, isItem, isSequenceItem, markerKind, splitHeading, type MarkerKind } from './headings.js';
import type { RawParagraph } from './join-lines.js';
import { findLeads } from './lead-headings.js';

/** A paragraph with its structural reading, before restoration and offsets. */
export interface StructuredParagraph extends RawParagraph {
  role: ParagraphRole;
  level: number | null;
  /** For headings: numbered, item or lead. */
  headingKind: HeadingKind | null;
}

type Piece = RawParagraph & { heading: HeadingKind | 'standalone' | null; kind: MarkerKind | null };

function splitOff(paragraphs: readonly RawParagraph[]): Piece[] {
  // 首先…其次/再次 is a sequence of items; a 首先 or 最后 alone is wording.
  const hasSequence =
    paragraphs.some((p) => p.text.startsWith('首先')) && paragraphs.some((p) => /^(?:其次|再次)/.test(p.text));
  const leads = findLeads(paragraphs.map((p) => p.text));
  const pieces: Piece[] = [];
  paragraphs.forEach((p, i) => {
    const lead = leads.get(i);
    if (lead !== undefined) {
      const standalone = lead === p.text.length;
      pieces.push({
        text: p.text.slice(0, lead),
        paidStart: p.paidStart,
        heading: standalone ? 'standalone' : 'lead',
        kind: null,
      });
      if (!standalone) pieces.push({ text: p.text.slice(lead), paidStart: false, heading: null, kind: null });
      return;
    }
    const kind = markerKind(p.text);
    const item = kind === null && (isItem(p.text) || (hasSequence && isSequenceItem(p.text)));
    const split = kind !== null || item ? splitHeading(p.text) : null;
    if (!split) {
      pieces.push({ ...p, heading: null, kind: null });
      return;
    }
    pieces.push({ text: split.heading, paidStart: p.paidStart, heading: item ? 'item' : 'numbered', kind });
    if (split.body) pieces.push({ text: split.body, paidStart: false, heading: null, kind: null });
  });
  return pieces;
}

/**
 * Splits headings off their lines, gives each heading its level (a numbered marker by the fixed order of
 * GB/T 9704-2012: 一、 1, （一） 2, 1. 3, （1） 4, whichever levels a document skips; 一是 items one below
 * the heading they follow, level 1 where none does) and each paragraph its role:
 * opening before the first heading, intro right under a heading, closing after the last section.
 */
export function structure(paragraphs: readonly RawParagraph[]): StructuredParagraph[] {
  const pieces = splitOff(paragraphs);
  const hasTopMarkers = pieces.some((p) => p.kind === 'chinese');
  const out: StructuredParagraph[] = [];
  let parentLevel = 0;
  let seenHeading = false;
  let afterHeading = false;
  for (const piece of pieces) {
    if (piece.heading !== null) {
      let level: number;
      if (piece.heading === 'numbered') {
        level = MARKER_KINDS.indexOf(piece.kind!) + 1;
        parentLevel = level;
      } else if (piece.heading === 'standalone') {
        // A heading line of its own stands over the numbered levels unless the document has 一、 ones.
        level = hasTopMarkers ? parentLevel + 1 : 1;
        parentLevel = level;
      } else {
        level = parentLevel + 1;
      }
      const headingKind = piece.heading === 'standalone' ? 'lead' : piece.heading;
      out.push({ text: piece.text, paidStart: piece.paidStart, role: 'heading', level, headingKind });
      seenHeading = true;
      afterHeading = true;
      continue;
    }
    const role: ParagraphRole = !seenHeading ? 'opening' : afterHeading ? 'intro' : 'body';
    out.push({ text: piece.text, paidStart: piece.paidStart, role, level: null, headingKind: null });
    afterHeading = false;
  }
  markClosing(out, seenHeading);
  return out;
}

function markClosing(paragraphs: StructuredParagraph[], hasHeadings: boolean): void {
  const last = paragraphs[paragraphs.length - 1];
  if (!last || last.role === 'heading') return;
  if (hasHeadings) {
    if (last.role === 'body') last.role = 'closing';
    return;
  }
  if (paragraphs.length >= 3) last.role = 'closing';
}
