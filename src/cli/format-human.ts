import type { CompilationPlace } from '../core/index/contracts.js';
import type { SearchResult } from '../core/search/search-options.js';
import type { IngestSummary } from '../ingest/ingest.js';
import type { DocumentSource, DocumentSummary, StoredDocument } from '../storage/store.js';
import type { Facets } from './list-filters.js';
import { charCount, formatRuleCounts, ruleCounts, ruleLabel } from './rule-labels.js';
import { fit } from './text-width.js';

/** How highlighted text is marked: ANSI colour on a terminal, «» in a pipe. */
export interface Highlighter {
  open: string;
  close: string;
}

export const ANSI_HIGHLIGHT: Highlighter = { open: '\x1b[1;33m', close: '\x1b[0m' };
export const PLAIN_HIGHLIGHT: Highlighter = { open: '«', close: '»' };

/** The ingest summary for people. */
export function formatSummary(s: IngestSummary): string {
  const skipped = s.alreadyStored ? `（其中 ${s.alreadyStored} 个已入库，跳过）` : '';
  const split = s.compilations ? `（拆分汇编 ${s.compilations} 个）` : '';
  const lines = [
    `文件：${s.files} 个${skipped}`,
    `新文档：${s.documents} 篇${split}`,
    `重复：${s.duplicates} 篇并为已有文档的来源（近似 ${s.nearDuplicates} 篇）`,
    `清除：${s.removedSpans} 处${s.removedSpans ? `（${formatRuleCounts(s.removedByRule)}）` : ''}`,
    `字数：${charCount(s.chars)}，用时 ${(s.ms / 1000).toFixed(1)} 秒`,
    `拒收：${s.rejected.length} 个文件`,
    ...s.rejected.map((r) => `  ✗ ${r.reason}`),
  ];
  if (s.damaged.length > 0) {
    lines.push(
      `受损：${s.damaged.length} 个文件已入库，受损处如下`,
      ...s.damaged.map((d) => `  ! ${d.path}: ${d.damage}`),
    );
  }
  return lines.join('\n');
}

/**
 * A compilation and an article's place in it, short: 《title》 3/12 (the title cut at `width`, left out at 0;
 * the place left out when unknown).
 */
export function compilationLabel(c: CompilationPlace, width = 24): string {
  const place = c.position > 0 ? `${c.position}/${c.count}` : '';
  if (width === 0) return place;
  const title = c.title.length > width ? `${c.title.slice(0, width)}…` : c.title;
  return `《${title}》${place ? ` ${place}` : ''}`;
}

/** The document list as a table. */
export function formatList(docs: readonly DocumentSummary[]): string {
  const header = `${fit('ID', 6)} ${fit('年份', 6)} ${fit('文种', 10)} 标题`;
  const rows = docs.map((d) => {
    const compilation = d.compilation
      ? `  [汇编 ${d.compilation.id} ${compilationLabel(d.compilation)}]`
      : d.compilationId
        ? `  [汇编 ${d.compilationId}]`
        : '';
    const year = d.year ? String(d.year) : '-';
    return `${fit(String(d.id), 6)} ${fit(year, 6)} ${fit(d.genre ?? '-', 10)} ${d.title}${compilation}`;
  });
  return [header, ...rows, `共 ${docs.length} 篇`].join('\n');
}

/** Every genre, year and tag with its count. */
export function formatFacets(f: Facets): string {
  const row = (label: string, items: ReadonlyArray<readonly [string | number, number]>): string =>
    `${label}：${items.length ? items.map(([k, n]) => `${k} ${n}`).join('、') : '无'}`;
  return [row('文种', f.genres), row('年份', f.years), row('标签', f.tags)].join('\n');
}

/** The heading tree alone, one heading a line, indented by level: ready to paste. */
export function formatOutline(doc: StoredDocument): string {
  return doc.parsed.outline.map((o) => `${'　　'.repeat(Math.max(0, o.level - 1))}${o.text}`).join('\n');
}

/** Every span cleaning removed from the document, with its rule, for a person to check. */
export function formatRemoved(doc: StoredDocument): string {
  const removed = doc.parsed.removed;
  if (removed.length === 0) return '未清除任何内容';
  return [`清除 ${removed.length} 处：${ruleCounts(removed.map((r) => r.rule))}`, '']
    .concat(removed.map((r) => `〔${ruleLabel(r.rule)}〕 ${r.text}`))
    .join('\n');
}

function documentHeader(doc: StoredDocument): string {
  const parts = [`ID ${doc.id}`, doc.genre ?? '未分类'];
  if (doc.year) parts.push(doc.parsed.yearInferred ? `${doc.year}（据正文推断）` : String(doc.year));
  if (doc.publishedAt) parts.push(doc.publishedAt);
  if (doc.tags.length) parts.push(`标签：${doc.tags.join('、')}`);
  return parts.join(' · ');
}

/** Who speaks or signs, who published, who wrote: what the page and the document say of themselves. */
function frameLines(doc: StoredDocument): string[] {
  const p = doc.parsed;
  const facts: string[] = [];
  if (p.signature) facts.push(`署名：${p.signature}`);
  if (p.signedAt) facts.push(`成文日期：${p.signedAt}`);
  if (p.source) facts.push(`来源：${p.source}`);
  if (p.author) facts.push(`作者：${p.author}`);
  return facts.length ? [facts.join(' · ')] : [];
}

/** One source a line: its file, then what it said of the text (title, date, compilation place). */
function sourceLine(s: DocumentSource): string {
  const parts = [`${s.path}${s.near ? '（近似）' : ''}`];
  parts.push(s.title === null ? '（标题未存）' : `《${s.title}》`);
  if (s.publishedAt) parts.push(s.publishedAt);
  // The year the source's title or text gives, when its date does not say it.
  if (s.year && !s.publishedAt?.startsWith(String(s.year))) parts.push(`${s.year}年`);
  if (s.compilation) parts.push(`汇编 ${compilationLabel(s.compilation)}`);
  return `  ${parts.join(' · ')}`;
}

/** A document for people: header, sources, outline, text with the member boundary, what was removed. */
export function formatDocument(doc: StoredDocument): string {
  const p = doc.parsed;
  const c = doc.compilation;
  const out = [
    doc.title,
    ...(p.subtitle ? [`——${p.subtitle}`] : []),
    documentHeader(doc),
    ...frameLines(doc),
    ...(c ? [`汇编：${compilationLabel(c, Infinity)}（汇编 ${c.id}）`] : []),
    `文件：${doc.sources.length} 处`,
    ...doc.sources.map(sourceLine),
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
      out.push(MEMBER_BOUNDARY);
      out.push(para.text.slice(cut));
    } else {
      out.push(para.text);
      if (p.freeChars === end && p.freeChars !== null) out.push(MEMBER_BOUNDARY);
    }
    offset = end + 1;
  });
  if (p.removed.length) {
    out.push(
      '',
      `清除 ${p.removed.length} 处：${ruleCounts(p.removed.map((r) => r.rule))}（sucai show ${doc.id} --removed 查看）`,
    );
  }
  return out.join('\n');
}

const MEMBER_BOUNDARY = '—— 以下为会员内容 ——';

function highlight(text: string, ranges: ReadonlyArray<readonly [number, number]>, h: Highlighter): string {
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += text.slice(last, start) + h.open + text.slice(start, end) + h.close;
    last = end;
  }
  return out + text.slice(last);
}

/** What a snippet from a title the document is also known by is marked with, by the alias's kind. */
const ALIAS_LABEL: Readonly<Record<string, string>> = { compilation: '〔汇编标题〕 ', repost: '〔转载标题〕 ' };

export function formatSearch(result: SearchResult, h: Highlighter): string {
  const out = [`共 ${result.total} 篇`];
  for (const hit of result.hits) {
    // The compilation's title once: in its snippet when it holds a term, else beside the hit.
    const titled = hit.snippets.some((s) => s.ord < 0 && s.kind === 'compilation');
    const c = hit.compilation;
    const compilation = c ? `  [汇编 ${titled ? compilationLabel(c, 0) : compilationLabel(c)}]` : '';
    out.push('', `[${hit.id}] ${hit.title}  (${hit.score.toFixed(2)})${compilation}`);
    for (const s of hit.snippets) {
      const label = s.ord < 0 ? (ALIAS_LABEL[s.kind] ?? '') : s.section ? `〔${s.section}〕 ` : '';
      out.push(`    ${label}${highlight(s.text, s.highlights, h)}`);
    }
  }
  return out.join('\n');
}
