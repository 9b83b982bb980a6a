import type { ParagraphRole } from '../document.js';
import { MARKER_KINDS, isItem, isSequenceItem, markerKind, splitHeading, type MarkerKind } from './headings.js';
import type { RawParagraph } from './join-lines.js';

/** A paragraph with its structural reading, before restoration and offsets. */
export interface StructuredParagraph extends RawParagraph {
  role: ParagraphRole;
  level: number | null;
}

type Piece = RawParagraph & { heading: 'marker' | 'item' | null; kind: MarkerKind | null };

function splitOff(paragraphs: readonly RawParagraph[]): Piece[] {
  const hasSequence = paragraphs.some((p) => p.text.startsWith('首先'));
  const pieces: Piece[] = [];
  for (const p of paragraphs) {
    const kind = markerKind(p.text);
    const item = kind === null && (isItem(p.text) || (hasSequence && isSequenceItem(p.text)));
    const split = kind !== null || item ? splitHeading(p.text) : null;
    if (!split) {
      pieces.push({ ...p, heading: null, kind: null });
      continue;
    }
    pieces.push({ text: split.heading, paidStart: p.paidStart, heading: item ? 'item' : 'marker', kind });
    if (split.body) pieces.push({ text: split.body, paidStart: false, heading: null, kind: null });
  }
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
  const out: StructuredParagraph[] = [];
  let parentLevel = 0;
  let seenHeading = false;
  let afterHeading = false;
  for (const piece of pieces) {
    if (piece.heading !== null) {
      let level: number;
      if (piece.heading === 'marker') {
        level = MARKER_KINDS.indexOf(piece.kind!) + 1;
        parentLevel = level;
      } else {
        level = parentLevel + 1;
      }
      out.push({ text: piece.text, paidStart: piece.paidStart, role: 'heading', level });
      seenHeading = true;
      afterHeading = true;
      continue;
    }
    const role: ParagraphRole = !seenHeading ? 'opening' : afterHeading ? 'intro' : 'body';
    out.push({ text: piece.text, paidStart: piece.paidStart, role, level: null });
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
