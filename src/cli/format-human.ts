import type { SearchResult } from '../core/search/search-engine.js';
import type { IngestSummary } from '../ingest/ingest.js';
import type { DocumentSummary, StoredDocument } from '../storage/store.js';
import { fit } from './text-width.js';

/** How highlighted text is marked: ANSI colour on a terminal, «» in a pipe. */
export interface Highlighter {
  open: string;
  close: string;
}

export const ANSI_HIGHLIGHT: Highlighter = { open: '\x1b[1;33m', close: '\x1b[0m' };
export const PLAIN_HIGHLIGHT: Highlighter = { open: '«', close: '»' };

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `files:          ${s.files}${s.alreadyStored ? ` (${s.alreadyStored} already stored, skipped)` : ''}`,
    `documents:      ${s.documents} new${s.compilations ? ` (${s.compilations} compilations split)` : ''}`,
    `duplicates:     ${s.duplicates} linked as sources (${s.nearDuplicates} near)`,
    `removed spans:  ${s.removedSpans}`,
    `characters:     ${s.chars.toLocaleString('en-US')} in ${(s.ms / 1000).toFixed(1)} s`,
    `rejected:       ${s.rejected.length}`,
    ...s.rejected.map((r) => `  ✗ ${r.reason}`),
  ];
  return lines.join('\n');
}

export function formatList(docs: readonly DocumentSummary[]): string {
  const header = `${fit('ID', 6)} ${fit('年份', 6)} ${fit('文种', 10)} 标题`;
  const rows = docs.map(
    (d) =>
      `${fit(String(d.id), 6)} ${fit(d.year ? String(d.year) : '-', 6)} ${fit(d.genre ?? '-', 10)} ${d.title}${d.compilationId ? `  [汇编 ${d.compilationId}]` : ''}`,
  );
  return [header, ...rows, `${docs.length} documents`].join('\n');
}

export function formatDocument(doc: StoredDocument): string {
  const p = doc.parsed;
  const out = [
    doc.title,
    `ID ${doc.id} · ${doc.genre ?? '未分类'}${doc.year ? ` · ${doc.year}` : ''}${doc.publishedAt ? ` · ${doc.publishedAt}` : ''}${doc.tags.length ? ` · 标签: ${doc.tags.join('、')}` : ''}`,
    `来源: ${doc.sources.map((s) => `${s.path}${s.near ? ' (近似)' : ''}`).join('; ')}`,
    '',
    '提纲',
    ...p.outline.map((o) => `${'  '.repeat(o.level)}${o.text}`),
    '',
  ];
  let offset = 0;
  p.paragraphs.forEach((para) => {
    const end = offset + para.text.length;
    if (p.freeChars !== null && p.freeChars >= offset && p.freeChars < end) {
      const cut = p.freeChars - offset;
      if (cut > 0) out.push(para.text.slice(0, cut));
      out.push('—— 以下为会员内容 ——');
      out.push(para.text.slice(cut));
    } else {
      out.push(para.text);
      if (p.freeChars === end && p.freeChars !== null) out.push('—— 以下为会员内容 ——');
    }
    offset = end + 1;
  });
  if (p.removed.length)
    out.push('', `清除 ${p.removed.length} 处: ${[...new Set(p.removed.map((r) => r.rule))].join(', ')}`);
  return out.join('\n');
}

function highlight(text: string, ranges: ReadonlyArray<readonly [number, number]>, h: Highlighter): string {
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += text.slice(last, start) + h.open + text.slice(start, end) + h.close;
    last = end;
  }
  return out + text.slice(last);
}

export function formatSearch(result: SearchResult, h: Highlighter): string {
  const out = [`${result.total} documents`];
  for (const hit of result.hits) {
    out.push('', `[${hit.id}] ${hit.title}  (${hit.score.toFixed(2)})`);
    for (const s of hit.snippets)
      out.push(`    ${s.section ? `〔${s.section}〕 ` : ''}${highlight(s.text, s.highlights, h)}`);
  }
  return out.join('\n');
}
