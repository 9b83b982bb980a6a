import { html, type Html } from '../html.js';
import { chineseDay, type UpdateDay } from '../reader/updates.js';
import { searchUrl } from '../reader/search-params.js';
import { browseUrl } from './browse.js';
import { layout, SITE_NAME } from './layout.js';
import { docFacts } from './parts.js';

export interface HomeModel {
  documents: number;
  days: UpdateDay[];
  genres: Array<[string, number]>;
  tags: Array<[string, number]>;
  examples: string[];
}

export function dayList(day: UpdateDay, limit = Infinity): Html {
  const shown = day.documents.slice(0, limit);
  const more = day.documents.length - shown.length;
  return html`<section class="day">
    <h3>${chineseDay(day.day)} · ${day.documents.length} 篇</h3>
    <ul class="doc-list">
      ${shown.map(
        (d) =>
          html`<li>
            <a class="title" href="/documents/${d.id}">${d.title}</a><span class="meta">${docFacts(d)}</span>
          </li>`,
      )}
    </ul>
    ${more > 0 ? html`<p class="muted"><a href="/updates">还有 ${more} 篇…</a></p>` : ''}
  </section>`;
}

export function bigSearch(query = ''): Html {
  return html`<form class="big-search" action="/search" method="get" role="search">
    <input
      type="search"
      name="q"
      value="${query}"
      placeholder="搜索词语、提纲、金句"
      aria-label="搜索素材"
      autocomplete="off"
      autofocus
      data-suggest
    />
    <button type="submit">搜索</button>
  </form>`;
}

export function homePage(m: HomeModel): string {
  const body = html`<section class="hero">
      <h1>${SITE_NAME}</h1>
      <p>精确检索 ${m.documents} 篇公文素材：标题、提纲、开头、结尾与金句，一搜即得，一键复制。</p>
      ${bigSearch()}
      <p class="examples">
        试试：${m.examples.map((q) => html`<a href="${searchUrl({ q })}">${q}</a>`)}
        <a href="${searchUrl({ q: '上下功夫', scope: 'outline' })}">提纲“上下功夫”</a>
      </p>
    </section>
    <div class="home-grid">
      <section class="panel">
        <h2>每日更新 <a href="/updates">全部更新</a></h2>
        ${m.days.length === 0 ? html`<p class="muted">还没有文档。</p>` : m.days.map((d) => dayList(d, 8))}
      </section>
      <div>
        <section class="panel">
          <h2>文种</h2>
          <ul class="chips">
            ${m.genres.map(
              ([g, n]) =>
                html`<li>
                  <a class="chip" href="${browseUrl({ genre: g })}">${g}<span class="n">${n}</span></a>
                </li>`,
            )}
          </ul>
        </section>
        <section class="panel">
          <h2>热门标签</h2>
          ${
            m.tags.length === 0
              ? html`<p class="muted">暂无标签。</p>`
              : html`<ul class="chips">
                  ${m.tags.map(
                    ([t, n]) =>
                      html`<li>
                        <a class="chip" href="${browseUrl({ tag: t })}">${t}<span class="n">${n}</span></a>
                      </li>`,
                  )}
                </ul>`
          }
        </section>
      </div>
    </div>`;
  return layout({ title: SITE_NAME, nav: 'home', body, bareHeader: true });
}
