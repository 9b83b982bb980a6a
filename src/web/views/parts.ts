import type { Placeholder } from '../../core/document.js';
import type { CompilationPlace } from '../../core/index/contracts.js';
import { html, type Html } from '../html.js';

/** A text with its highlight ranges as <mark>s (ranges in UTF-16 offsets, sorted, not overlapping). */
export function highlighted(text: string, highlights: ReadonlyArray<readonly [number, number]>): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end > text.length) continue;
    parts.push(html`${text.slice(at, start)}<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

/** A paragraph with its fill-in placeholders (XX局, x月x日) as slots to fill. */
export function slotted(text: string, placeholders: readonly Placeholder[]): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const p of [...placeholders].sort((a, b) => a.offset - b.offset)) {
    if (p.offset < at || p.offset + p.text.length > text.length) continue;
    parts.push(html`${text.slice(at, p.offset)}<span class="slot" title="待填写">${p.text}</span>`);
    at = p.offset + p.text.length;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

export interface CopyButton {
  label?: string;
  /** The text itself (plain, no marks). */
  text?: string;
  /** Or: a selector of the element whose text is copied. */
  from?: string;
  /** Or: the index of the heading paragraph whose section is copied. */
  section?: number;
  title?: string;
}

/** A copy button; the script copies its text (see site.js), without marks or labels. */
export function copyButton(b: CopyButton): Html {
  return html`<button
    type="button"
    class="copy"
    ${b.text !== undefined ? html` data-copy="${b.text}"` : ''}${
      b.from !== undefined ? html` data-copy-from="${b.from}"` : ''
    }${b.section !== undefined ? html` data-copy-section="${b.section}"` : ''}
    title="${b.title ?? '复制'}"
  >
    ${b.label ?? '复制'}
  </button>`;
}

/** 2026-01-26 (a date or date-time as the source gave it) as 2026年1月26日. */
export function chineseDate(value: string | null): string | null {
  if (value === null) return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

export function compilationLabel(c: CompilationPlace): string {
  return c.position > 0 && c.count > 0 ? `《${c.title}》第 ${c.position}/${c.count} 篇` : `《${c.title}》`;
}

/** The facts line of a document in a list: genre, date or year, member badge. */
export function docFacts(d: {
  genre: string | null;
  year: number | null;
  publishedAt: string | null;
  paid: boolean;
}): Html {
  const date = chineseDate(d.publishedAt) ?? (d.year !== null ? `${d.year}年` : null);
  return html`${d.genre !== null ? html`<span>${d.genre}</span>` : ''}${date !== null ? html`<span>${date}</span>` : ''}${
    d.paid ? html`<span class="badge paid" title="含会员内容">会员</span>` : html`<span class="badge">免费</span>`
  }`;
}

/** Page links: the first, the last and three either side of the current one. */
export function pager(current: number, pages: number, urlFor: (page: number) => string): Html {
  if (pages <= 1) return html``;
  const shown = [...new Set([1, ...Array.from({ length: 7 }, (_, i) => current - 3 + i), pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const items: Html[] = [];
  if (current > 1) items.push(html`<a href="${urlFor(current - 1)}" rel="prev">上一页</a>`);
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1]! > 1) items.push(html`<span class="gap">…</span>`);
    items.push(p === current ? html`<span aria-current="page">${p}</span>` : html`<a href="${urlFor(p)}">${p}</a>`);
  });
  if (current < pages) items.push(html`<a href="${urlFor(current + 1)}" rel="next">下一页</a>`);
  return html`<nav class="pager" aria-label="分页">${items}</nav>`;
}
