import { effectiveFreeChars } from './free-part.js';
import type { OutlineEntry, ParagraphRole, ParsedDocument, Placeholder } from '../document.js';

/** What a reader is allowed: everything ('full', a member), or the free part alone ('free', a guest). */
export type Access = 'full' | 'free';

export interface ReaderParagraph {
  /** Its index in the whole document (anchors and outline entries point at it). */
  index: number;
  text: string;
  role: ParagraphRole;
  level: number | null;
  /** Fill-in slots within `text`, offsets relative to it. */
  placeholders: Placeholder[];
}

/**
 * A document as one reader may get it. With access 'free' the paragraphs end where the free part does (a
 * paragraph that straddles the boundary cut there), and `truncated` says more follows for members. The
 * outline is the whole document's: its headings are the teaser a guest sees of the member part.
 */
export interface ReaderView {
  title: string;
  subtitle: string | null;
  signature: string | null;
  /** The date signed under the signature ("YYYY-MM-DD"). */
  signedAt: string | null;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  genre: string | null;
  year: number | null;
  tags: string[];
  paragraphs: ReaderParagraph[];
  outline: Array<OutlineEntry & { free: boolean }>;
  truncated: boolean;
  /** Characters of the whole document, and of what this reader gets. */
  totalChars: number;
  shownChars: number;
}

/** The paragraphs a reader may read, each with its placeholders; pure (no I/O). */
export function readerView(doc: ParsedDocument, access: Access): ReaderView {
  // The marker's boundary, or the default free share of a document without one (as the index masks it).
  const freeChars = access === 'full' ? null : effectiveFreeChars(doc);
  const limit = freeChars === null ? Infinity : freeChars;
  const paragraphs: ReaderParagraph[] = [];
  let start = 0;
  let truncated = false;
  for (const [index, p] of doc.paragraphs.entries()) {
    if (start >= limit) {
      truncated = true;
      break;
    }
    const end = start + p.text.length;
    const text = end > limit ? p.text.slice(0, limit - start) : p.text;
    if (end > limit) truncated = true;
    const placeholders = doc.placeholders
      .filter((ph) => ph.offset >= start && ph.offset + ph.text.length <= start + text.length)
      .map((ph) => ({ text: ph.text, offset: ph.offset - start }));
    if (text.length > 0) paragraphs.push({ index, text, role: p.role, level: p.level, placeholders });
    if (end > limit) break;
    // Paragraphs are joined by "\n" in the text freeChars counts in.
    start = end + 1;
  }
  const shown = paragraphs.at(-1);
  const shownThrough = shown === undefined ? -1 : shown.index;
  const cutInside = shown !== undefined && shown.text.length < doc.paragraphs[shown.index]!.text.length;
  const totalChars = doc.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const field = fieldFilter(doc, limit);
  // A signature taken from the paid part is paid text however short.
  const closingHidden = limit !== Infinity && doc.closingPaid;
  return {
    title: doc.title,
    subtitle: field(doc.subtitle),
    signature: closingHidden ? null : field(doc.signature),
    signedAt: closingHidden ? null : doc.signedAt,
    source: field(doc.source),
    author: field(doc.author),
    publishedAt: doc.publishedAt,
    genre: doc.genre,
    year: doc.year,
    tags: doc.tags,
    paragraphs,
    outline: doc.outline.map((o) => ({
      ...o,
      free: o.paragraph < shownThrough || (o.paragraph === shownThrough && !cutInside),
    })),
    truncated,
    totalChars,
    shownChars: paragraphs.reduce((n, p) => n + p.text.length, 0),
  };
}

/**
 * A field read from the text (a signature at the end, a 来源 line) is paid text when the paid part holds
 * it and the free part does not: a guest does not get it. A field from outside the paragraphs (a byline, the page's fields) is kept.
 */
function fieldFilter(doc: ParsedDocument, limit: number): (value: string | null) => string | null {
  if (limit === Infinity) return (value) => value;
  const text = doc.paragraphs.map((p) => p.text).join('\n');
  const free = text.slice(0, limit);
  const paid = text.slice(limit);
  // Any 4 characters of it in the paid part: a field joined from several lines is caught too.
  const inPaid = (v: string): boolean => {
    if (v.length < 4) return paid.includes(v);
    for (let i = 0; i + 4 <= v.length; i++) if (paid.includes(v.slice(i, i + 4))) return true;
    return false;
  };
  return (value) => (value === null || (!free.includes(value) && inPaid(value)) ? null : value);
}

/** The heading skeleton alone, indented by level: what the outline copy buttons copy. */
export function outlineText(outline: ReadonlyArray<Pick<OutlineEntry, 'level' | 'text'>>): string {
  return outline.map((o) => `${'  '.repeat(Math.max(0, o.level - 1))}${o.text}`).join('\n');
}
