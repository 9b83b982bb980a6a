import type { ParsedDocument } from '../../core/document.js';
import { storedHasPaidPart } from '../../core/access/free-part.js';
import { isItem } from '../../core/parse/headings.js';
import type { CompilationPlace, DocMeta } from '../../core/index/contracts.js';
import type { StoredMeta } from '../stored-meta.js';
import type { DocumentSummary } from '../store.js';

/** A documents row as read (with its file's path when joined to files). */
export interface DocumentRow {
  id: number;
  file_id: number;
  compilation_id: number | null;
  title: string;
  raw_title: string;
  genre: string | null;
  year: number | null;
  published_at: string | null;
  tags: string;
  free_chars: number | null;
  unit_lo: number;
  unit_count: number;
  meta: string;
  created_at: string;
  path: string;
  /** With COMPILATION_JOIN: the compilation's title and article count, and the document's place in it. */
  compilation_title?: string | null;
  compilation_count?: number | null;
  compilation_position?: number | null;
}

/**
 * Columns and joins that give a documents row `d` its place in its compilation (from its own source's
 * row: the place is a fact of the file it came in). A document outside any compilation reads no row.
 */
export const COMPILATION_COLUMNS =
  'c.title AS compilation_title, c.article_count AS compilation_count, s.compilation_position';
export const COMPILATION_JOIN = `LEFT JOIN compilations c ON c.id = d.compilation_id
  LEFT JOIN document_sources s ON d.compilation_id IS NOT NULL AND s.document_id = d.id AND s.file_id = d.file_id`;

/** A compilation place from a row's compilation columns, null when it has none. */
export function compilationPlace(
  id: number | null,
  title: string | null | undefined,
  position: number | null | undefined,
  count: number | null | undefined,
): CompilationPlace | null {
  if (id === null || title === null || title === undefined) return null;
  // A library migrated from before places were kept may lack one: 0 says unknown.
  return { id, title, position: position ?? 0, count: count ?? 0 };
}

function placeOf(r: DocumentRow): CompilationPlace | null {
  return compilationPlace(r.compilation_id, r.compilation_title, r.compilation_position, r.compilation_count);
}

/** The parsed document as stored: row facts, meta and paragraph texts (title excluded). */
export function parsedOf(r: DocumentRow, paragraphs: readonly string[]): ParsedDocument {
  // Libraries stored before a field existed lack it in their meta: read it as unsaid.
  const meta = JSON.parse(r.meta) as Partial<StoredMeta> & Pick<StoredMeta, 'roles' | 'levels' | 'outline'>;
  return {
    title: r.title,
    rawTitle: r.raw_title,
    genre: r.genre,
    year: r.year,
    publishedAt: r.published_at,
    tags: JSON.parse(r.tags) as string[],
    subtitle: meta.subtitle ?? null,
    signature: meta.signature ?? null,
    signedAt: meta.signedAt ?? null,
    closingPaid: meta.closingPaid ?? false,
    source: meta.source ?? null,
    author: meta.author ?? null,
    yearInferred: meta.yearInferred ?? false,
    paragraphs: paragraphs.map((text, i) => ({ text, role: meta.roles[i]!, level: meta.levels[i] ?? null })),
    // Outlines stored before heading kinds were read: a 一是 item by its form, any other a numbered heading.
    outline: meta.outline.map((o) => ({ ...o, kind: o.kind ?? (isItem(o.text) ? 'item' : 'numbered') })),
    freeChars: r.free_chars,
    placeholders: meta.placeholders ?? [],
    restorations: meta.restorations ?? [],
    removed: meta.removed ?? [],
  };
}

/** What the summary and the ranker both take of a row. */
function commonFields(r: DocumentRow): Omit<DocMeta, 'paid'> {
  return {
    id: r.id,
    title: r.title,
    genre: r.genre,
    year: r.year,
    publishedAt: r.published_at,
    tags: JSON.parse(r.tags) as string[],
  };
}

/** A document as `list` shows it, from its row joined to its file. */
export function summaryOf(r: DocumentRow): DocumentSummary {
  return {
    ...commonFields(r),
    paid: storedHasPaidPart(r.free_chars, r.unit_count - 1),
    compilationId: r.compilation_id,
    compilation: placeOf(r),
    sourceFile: r.path,
    addedAt: r.created_at,
  };
}

/** The ranker's facts about a document, from its row. */
export function docMetaOf(r: DocumentRow): DocMeta {
  const compilation = placeOf(r);
  // Only compilation articles carry a place: the engine keeps every document's facts in memory.
  return compilation === null
    ? { ...commonFields(r), paid: storedHasPaidPart(r.free_chars, r.unit_count - 1) }
    : { ...commonFields(r), paid: storedHasPaidPart(r.free_chars, r.unit_count - 1), compilation };
}
