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
 * a document's meta is a few kilobytes (placeholders, outline, removed spans), costly to stringify on the
 * one writing thread.
 */
export function storedMetaJson(doc: ParsedDocument): string {
  const meta: StoredMeta = {
    outline: doc.outline,
    placeholders: doc.placeholders,
    restorations: doc.restorations,
    removed: doc.removed,
    subtitle: doc.subtitle,
    signature: doc.signature,
    signedAt: doc.signedAt,
    closingPaid: doc.closingPaid,
    source: doc.source,
    author: doc.author,
    yearInferred: doc.yearInferred,
    roles: doc.paragraphs.map((p) => p.role),
    levels: doc.paragraphs.map((p) => p.level),
  };
  return JSON.stringify(meta);
}
