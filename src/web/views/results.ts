import { SEARCH_SCOPES } from '../../core/search/search-options.js';
import type { Facets } from '../../cli/list-filters.js';
import { html, type Html } from '../html.js';
import type { OutlineSet } from '../reader/outline-set.js';
import type { HitSnippet, SearchModel, SearchResultHit } from '../reader/search-model.js';
import { SCOPE_LABELS, searchUrl, type SearchParams } from '../reader/search-params.js';
import { layout } from './layout.js';
import { compilationLabel, copyButton, docFacts, highlighted, pager } from './parts.js';

export interface ResultsModel {
  search: SearchModel;
  facets: Facets;
  /** Documents per scope tab for the same query and filters (null where not counted). */
  scopeCounts: Partial<Record<(typeof SEARCH_SCOPES)[number], number>>;
}

const ALIAS_LABELS: Readonly<Record<string, string>> = { compilation: '汇编标题', repost: '转载标题' };

/** A snippet's text as copied: without the ellipses that mark where it was cut. */
export function copiedSnippet(text: string): string {
  return text.replace(/^…/, '').replace(/…$/, '');
}

function snippetView(hit: SearchResultHit, s: HitSnippet): Html {
  const label = s.ord < 0 ? (ALIAS_LABELS[s.kind] ?? '别名') : s.section;
  const link = s.ord > 0 ? `/documents/${hit.id}#p${s.ord - 1}` : `/documents/${hit.id}`;
  if (s.set !== null) return outlineSetView(hit, s, s.set);
  return html`<div class="snippet">
    ${label !== null ? html`<span class="section" title="${label}">${label}</span>` : ''}
    <a class="text" href="${link}">${highlighted(s.text, s.highlights)}</a>
    ${copyButton({ text: copiedSnippet(s.text), title: '复制这一段' })}
  </div>`;
}

/** A heading hit with its parallel siblings: the set is what a writer takes, copied as one. */
function outlineSetView(hit: SearchResultHit, s: HitSnippet, set: OutlineSet): Html {
  const setText = set.headings.map((h) => h.text).join('\n');
  return html`<div class="siblings-head">
      <span>${set.parent !== null ? html`${set.parent} · ` : ''}同级提纲 ${set.headings.length} 条</span>
      ${copyButton({ text: setText, label: '复制这组提纲', title: '复制同级的全部提纲' })}
    </div>
    <ol class="siblings">
      ${set.headings.map(
        (h, i) =>
          html`<li${i === set.at ? html` class="this"` : ''}><a href="/documents/${hit.id}#p${h.paragraph}">${
            i === set.at && copiedSnippet(s.text) === h.text ? highlighted(s.text, s.highlights) : h.text
          }</a></li>`,
      )}
    </ol>`;
}

function hitView(hit: SearchResultHit): Html {
  const titled = hit.snippets.some((s) => s.ord < 0 && s.kind === 'compilation');
  // A hit in the title is shown in the title itself, not again as a snippet.
  const inTitle = hit.snippets.find((s) => s.ord === 0 && s.text === hit.title);
  const snippets = hit.snippets.filter((s) => s !== inTitle);
  return html`<li class="hit">
    <h2>
      <a href="/documents/${hit.id}"
        >${inTitle !== undefined ? highlighted(hit.title, inTitle.highlights) : hit.title}</a
      >
    </h2>
    <div class="meta">
      ${docFacts(hit)}${
        hit.compilation !== null && !titled ? html`<span>汇编 ${compilationLabel(hit.compilation)}</span>` : ''
      }
    </div>
    ${snippets.map((s) => snippetView(hit, s))}
  </li>`;
}

function select(name: string, label: string, current: string | undefined, options: Array<[string, string]>): Html {
  return html`<label
    >${label}<select name="${name}">
      <option value="">不限</option>
      ${options.map(([value, text]) => html`<option value="${value}" ${value === current ? html` selected` : ''}>${text}</option>`)}
    </select></label
  >`;
}

function filtersForm(p: SearchParams, facets: Facets): Html {
  const genres = facets.genres.filter(([g]) => g !== '未分类').map(([g, n]): [string, string] => [g, `${g}（${n}）`]);
  const years = facets.years.map(([y, n]): [string, string] => [String(y), `${y}（${n}）`]);
  const tags = facets.tags.slice(0, 40).map(([t, n]): [string, string] => [t, `${t}（${n}）`]);
  return html`<form class="filters" action="/search" method="get" data-autosubmit>
    <input type="hidden" name="q" value="${p.q}" />
    ${p.scope !== 'all' ? html`<input type="hidden" name="scope" value="${p.scope}" />` : ''}
    ${select('genre', '文种', p.genre, genres)} ${select('year', '年份', p.year?.toString(), years)}
    ${tags.length > 0 ? select('tag', '标签', p.tag, tags) : ''}
    ${select('paid', '权限', p.paid, [
      ['free', '免费'],
      ['paid', '会员'],
    ])}
    <label
      >排序<select name="sort">
        <option value="relevance" ${p.sort === 'relevance' ? html` selected` : ''}>相关度</option>
        <option value="newest" ${p.sort === 'newest' ? html` selected` : ''}>最新</option>
      </select></label
    >
    <label title="关闭时，查询词中的标点可匹配任一标点"
      ><input type="checkbox" name="punct" value="exact" ${p.punct === 'exact' ? html` checked` : ''} />
      标点须一致</label
    >
    <button class="button apply" type="submit">筛选</button>
  </form>`;
}

/** Whether any filter or a non-default order is set (the phone's folded filters say so). */
function filtered(p: SearchParams): boolean {
  return (
    p.genre !== undefined ||
    p.year !== undefined ||
    p.tag !== undefined ||
    p.paid !== undefined ||
    p.sort !== 'relevance' ||
    p.punct !== 'any'
  );
}

function scopeTabs(m: ResultsModel): Html {
  const p = m.search.params;
  return html`<nav class="scope-tabs" aria-label="检索范围">
    ${SEARCH_SCOPES.map((scope) => {
      const n = m.scopeCounts[scope];
      return html`<a
        href="${searchUrl({ ...p, scope, page: 1 })}"
        ${scope === p.scope ? html` aria-current="page"` : ''}
        data-scope="${scope}"
        >${SCOPE_LABELS[scope]}${n !== undefined ? html`<span class="n">${n}</span>` : ''}</a
      >`;
    })}
  </nav>`;
}

function emptyHelp(m: SearchModel): Html {
  const p = m.params;
  const help = m.help;
  const tips: Html[] = [];
  if (help !== null) {
    if (help.terms.length > 0) {
      tips.push(
        html`<p>各个词单独搜索时：</p>
          <ul>
            ${help.terms.map(
              (t) =>
                html`<li>
                  <a href="${searchUrl({ ...p, q: t.term, page: 1 })}">${t.term}</a>：${
                    t.total > 0 ? html`${t.total} 篇` : html`<span class="muted">没有文档含有这个词</span>`
                  }
                </li>`,
            )}
          </ul>
          <p class="muted">几个词同时出现在一篇文档里才算命中；去掉一两个词再试。</p>`,
      );
    }
    if (help.inAllScopes !== null && help.inAllScopes > 0) {
      tips.push(
        html`<p>
          在「全文」中有 <a href="${searchUrl({ ...p, scope: 'all', page: 1 })}">${help.inAllScopes} 篇</a>。
        </p>`,
      );
    }
    if (help.withAnyPunctuation !== null && help.withAnyPunctuation > 0) {
      tips.push(
        html`<p>
          不限标点时有 <a href="${searchUrl({ ...p, punct: 'any', page: 1 })}">${help.withAnyPunctuation} 篇</a>。
        </p>`,
      );
    }
  }
  if (p.genre !== undefined || p.year !== undefined || p.tag !== undefined || p.paid !== undefined) {
    tips.push(
      html`<p>
        已按条件筛选，<a href="${searchUrl({ q: p.q, scope: p.scope, sort: p.sort, punct: p.punct })}">去掉筛选条件</a
        >再试。
      </p>`,
    );
  }
  return html`<section class="empty">
    <h2>没有找到含有“${p.q}”的文档</h2>
    ${tips}
    <p class="muted">检索是精确匹配：每个字都须一致。会员内容不在游客的检索范围内。</p>
  </section>`;
}

export function resultsPage(m: ResultsModel): string {
  const s = m.search;
  const p = s.params;
  const from = (p.page - 1) * s.pageSize + 1;
  const to = Math.min(s.total, p.page * s.pageSize);
  const body = html`<section class="search-head">
      ${scopeTabs(m)}
      <details class="filter-box" open${filtered(p) ? html` data-active` : ''}>
        <summary>筛选与排序${filtered(p) ? '（已筛选）' : ''}</summary>
        ${filtersForm(p, m.facets)}
      </details>
    </section>
    ${
      s.total === 0
        ? emptyHelp(s)
        : html`<p class="results-count">
              ${SCOPE_LABELS[p.scope]}中找到 <strong>${s.total}</strong> 篇${
                s.pages > 1 ? html`，第 ${from}–${to} 篇` : ''
              }${p.sort === 'newest' ? '，按最新排序' : ''}
            </p>
            <ol class="results">
              ${s.hits.map(hitView)}
            </ol>
            ${pager(p.page, s.pages, (page) => searchUrl({ ...p, page }))}`
    }`;
  return layout({ title: `${p.q} · 搜索`, nav: 'search', query: p.q, body });
}
