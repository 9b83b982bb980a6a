import type { ParsedDocument } from '../core/document.js';

/** What documents.meta holds: the parsed document without paragraph texts (those live in units) and row facts. */
export type StoredMeta = Omit<
  ParsedDocument,
  'paragraphs' | 'title' | 'rawTitle' | 'genre' | 'year' | 'publishedAt' | 'tags' | 'freeChars'
> & {
  roles: ParsedDocument['paragraphs'][number]['role'][];
  levels: Array<number | null>;
};

/**
 * documents.meta of a parsed document, as stored (JSON). Made in the parse workers, beside fingerprints:
 * a document's meta is a few kilobytes (placeholders, outline, removed spans), and stringifying it on the
 * one writing thread took about as long as inserting its row.
 */
export function storedMetaJson(doc: ParsedDocument): string {
  const meta: StoredMeta = {
    outline: doc.outline,
    placeholders: doc.placeholders,
    restorations: doc.restorations,
    removed: doc.removed,
    roles: doc.paragraphs.map((p) => p.role),
    levels: doc.paragraphs.map((p) => p.level),
  };
  return JSON.stringify(meta);
}
