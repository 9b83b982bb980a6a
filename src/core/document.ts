/**
 * The document model: what ingest understands of one article. Pure data, no behaviour.
 * Offsets are UTF-16 code-unit offsets into `text` (paragraphs joined by "\n").
 */

export const PARAGRAPH_ROLES = ['heading', 'opening', 'intro', 'body', 'closing'] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

/** A span removed by cleaning, with the rule that removed it (rule one: never lose content silently). */
export interface RemovedSpan {
  rule: string;
  text: string;
}

/** An obfuscated word restored for reading and search ("D的" → "党的"); the original is kept. */
export interface Restoration {
  offset: number;
  original: string;
  restored: string;
}

/** A fill-in slot the writer replaces with their own unit's names and figures ("XX局", "x月x日"). */
export interface Placeholder {
  text: string;
  offset: number;
}

/** How a heading is marked: a number (一、（一）1.（1）), an item (一是), or a lead sentence or line without one. */
export const HEADING_KINDS = ['numbered', 'item', 'lead'] as const;
export type HeadingKind = (typeof HEADING_KINDS)[number];

export interface OutlineEntry {
  level: number;
  kind: HeadingKind;
  text: string;
  /** Index into `paragraphs` of the heading paragraph. */
  paragraph: number;
}

export interface Paragraph {
  text: string;
  role: ParagraphRole;
  /** Heading level (1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, items one below their parent); null for non-headings. */
  level: number | null;
}

/** One article as ingest understands it. */
export interface ParsedDocument {
  title: string;
  /** The title as it stood in the source, before restoration of obfuscated words. */
  rawTitle: string;
  genre: string | null;
  year: number | null;
  /** "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" as given by the source. */
  publishedAt: string | null;
  tags: string[];
  /** The line under the title that says when and where (——2026年1月26日在…会议上), without its dashes. */
  subtitle: string | null;
  /** Who speaks or issues it, from a byline or signature line (某某省人民政府省长 某某); null when unsaid. */
  signature: string | null;
  /** The date the document was signed (成文日期: the date line under its signature), "YYYY-MM-DD"; null when unsaid. */
  signedAt: string | null;
  /** The signature and its date stood in the paid part: readers without it get neither. */
  closingPaid: boolean;
  /** The publisher the page names (来源：…). */
  source: string | null;
  /** The author or editor the page names (作者：…, 编辑：…). */
  author: string | null;
  /** The year was read from the text, not from the title or a page date. */
  yearInferred: boolean;
  paragraphs: Paragraph[];
  outline: OutlineEntry[];
  /** Length of the free prefix of `text`; null when the document has no paid part. */
  freeChars: number | null;
  placeholders: Placeholder[];
  restorations: Restoration[];
  removed: RemovedSpan[];
}

/** What one source file holds: one article, or a compilation (汇编) of several. */
export interface ParsedFile {
  compilation: { title: string; rawTitle: string; declaredCount: number | null } | null;
  documents: ParsedDocument[];
  /** Removed spans that belong to no article (e.g. compilation preamble). */
  removed: RemovedSpan[];
}

/** `text` of a document: paragraphs joined by "\n". */
export function documentText(doc: Pick<ParsedDocument, 'paragraphs'>): string {
  return doc.paragraphs.map((p) => p.text).join('\n');
}
