import { html } from '../html.js';
import type { DocumentSummary } from '../../storage/store.js';
import { layout } from './layout.js';
import { docFacts, pager } from './parts.js';

export const BROWSE_PAGE_SIZE = 50;

export interface BrowseModel {
  genre?: string | undefined;
  tag?: string | undefined;
  page: number;
  total: number;
  documents: DocumentSummary[];
}

export function browseUrl(p: { genre?: string | undefined; tag?: string | undefined; page?: number }): string {
  const params = new URLSearchParams();
  if (p.genre !== undefined) params.set('genre', p.genre);
  if (p.tag !== undefined) params.set('tag', p.tag);
  if (p.page !== undefined && p.page > 1) params.set('page', String(p.page));
  return `/browse?${params.toString()}`;
}

/** The documents of a genre or a tag, newest first. */
export function browsePage(m: BrowseModel): string {
  const what = [m.genre !== undefined ? `文种：${m.genre}` : '', m.tag !== undefined ? `标签：${m.tag}` : '']
    .filter(Boolean)
    .join(' · ');
  const title = what === '' ? '全部文档' : what;
  const pages = Math.max(1, Math.ceil(m.total / BROWSE_PAGE_SIZE));
  const body = html`<h1 class="page-title">${title}</h1>
    <p class="results-count">共 ${m.total} 篇，最新的在前。</p>
    <section class="panel">
      <ul class="doc-list">
        ${m.documents.map(
          (d) =>
            html`<li>
              <a class="title" href="/documents/${d.id}">${d.title}</a><span class="meta">${docFacts(d)}</span>
            </li>`,
        )}
      </ul>
    </section>
    ${pager(m.page, pages, (page) => browseUrl({ genre: m.genre, tag: m.tag, page }))}`;
  return layout({ title, body });
}
