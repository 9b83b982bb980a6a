import { documentText } from '../core/document.js';
import type { StoredDocument } from '../storage/store.js';

/** The `show --json` contract. */
export function documentJson(doc: StoredDocument): Record<string, unknown> {
  const p = doc.parsed;
  return {
    id: doc.id,
    title: doc.title,
    rawTitle: doc.rawTitle,
    genre: doc.genre,
    year: doc.year,
    yearInferred: p.yearInferred,
    subtitle: p.subtitle,
    signature: p.signature,
    signedAt: p.signedAt,
    source: p.source,
    author: p.author,
    publishedAt: doc.publishedAt,
    tags: doc.tags,
    sourceFile: doc.sourceFile,
    sources: doc.sources,
    compilationId: doc.compilationId,
    compilation: doc.compilation,
    text: documentText(p),
    roles: p.paragraphs.map((para) => para.role),
    levels: p.paragraphs.map((para) => para.level),
    outline: p.outline.map((o) => ({ level: o.level, text: o.text })),
    paid: p.freeChars === null ? null : { freeChars: p.freeChars },
    placeholders: p.placeholders.map((x) => ({ text: x.text, offset: x.offset })),
    restorations: p.restorations,
    removed: p.removed.map((r) => ({ rule: r.rule, text: r.text })),
  };
}
