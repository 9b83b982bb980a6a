import { createHash } from 'node:crypto';
import type { ParsedDocument, ParsedFile } from '../core/document.js';
import type { PreparedFile } from '../storage/store.js';

/** A small but complete parsed document. */
export function parsedDocument(title: string, paragraphs: string[], freeChars: number | null = null): ParsedDocument {
  return {
    title,
    rawTitle: title,
    genre: '总结',
    year: 2023,
    publishedAt: '2023-05-06',
    tags: ['党建'],
    subtitle: null,
    signature: null,
    signedAt: null,
    closingPaid: false,
    source: null,
    author: null,
    yearInferred: false,
    paragraphs: paragraphs.map((text, i) => ({
      text,
      role: i === 0 ? 'opening' : text.startsWith('一、') ? 'heading' : 'body',
      level: text.startsWith('一、') ? 1 : null,
    })),
    outline: paragraphs.flatMap((text, i) =>
      text.startsWith('一、') ? [{ level: 1, kind: 'numbered' as const, text, paragraph: i }] : [],
    ),
    freeChars,
    placeholders: [],
    restorations: [],
    removed: [{ rule: 'ad-block', text: '【某某素材库】会员免费下载' }],
  };
}

/** A prepared file whose bytes are `name` + its text (so different names give different bytes). */
export function preparedFile(
  name: string,
  documents: ParsedDocument[],
  compilation: ParsedFile['compilation'] = null,
): PreparedFile {
  const bytes = Buffer.from(`${name}\n${documents.map((d) => d.paragraphs.map((p) => p.text).join('\n')).join('\n')}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    source: { path: name, sha256, bytes, encoding: 'utf-8', format: 'text' },
    parsed: { compilation, documents, removed: [] },
  };
}
