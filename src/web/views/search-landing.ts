import { html } from '../html.js';
import { SCOPE_LABELS, searchUrl } from '../reader/search-params.js';
import { bigSearch } from './home.js';
import { layout } from './layout.js';

const SCOPE_HINTS: ReadonlyArray<[keyof typeof SCOPE_LABELS, string, string]> = [
  ['all', '正文、标题、提纲处处都找', '推动高质量发展'],
  ['title', '只看标题', '实施方案'],
  ['outline', '只看各级小标题，找提纲与排比', '上下功夫'],
  ['opening', '文章开头一段', '高度重视'],
  ['intro', '各部分标题下的帽段', '坚持'],
  ['closing', '文章结尾一段', '下一步'],
  ['sentence', '一句之内同时出现，找金句', '走深走实'],
];

/** /search without a query: the box, and what each scope is for. */
export function searchLanding(): string {
  const body = html`<section class="hero">
      <h1>检索素材</h1>
      <p>精确匹配，每个字都须一致；空格分隔多个词，-词 排除，"…" 为短语。</p>
      ${bigSearch()}
    </section>
    <section class="panel narrow">
      <h2>检索范围</h2>
      <ul class="doc-list">
        ${SCOPE_HINTS.map(
          ([scope, hint, q]) =>
            html`<li>
              <span class="title"><strong>${SCOPE_LABELS[scope]}</strong> · ${hint}</span
              ><a class="meta" href="${searchUrl({ q, scope })}">例：${q}</a>
            </li>`,
        )}
      </ul>
    </section>`;
  return layout({ title: '搜索', nav: 'search', body, bareHeader: true });
}
