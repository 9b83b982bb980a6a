import { html } from '../html.js';
import type { UpdateDay } from '../reader/updates.js';
import { dayList } from './home.js';
import { layout } from './layout.js';
import { pager } from './parts.js';

export interface UpdatesModel {
  days: UpdateDay[];
  page: number;
  pages: number;
  documents: number;
}

/** Updates by day: what came in each day, newest day first. */
export function updatesPage(m: UpdatesModel): string {
  const body = html`<h1 class="page-title">每日更新</h1>
    <p class="results-count">共 ${m.documents} 篇 · <a href="/feed.atom">Atom 订阅</a></p>
    <section class="panel">
      ${m.days.length === 0 ? html`<p class="muted">还没有文档。</p>` : m.days.map((d) => dayList(d))}
    </section>
    ${pager(m.page, m.pages, (page) => (page === 1 ? '/updates' : `/updates?page=${page}`))}`;
  return layout({ title: '每日更新', nav: 'updates', body });
}
