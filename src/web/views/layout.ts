import { html, type Html } from '../html.js';

/** The sections of the site the header names; the current one is marked. */
export type NavItem = 'home' | 'search' | 'updates' | 'api' | 'admin';

export interface LayoutOptions {
  /** The page's own title (the site name follows it in the tab). */
  title: string;
  body: Html;
  /** The header's section to mark as current. */
  nav?: NavItem;
  /** Prefills the header's search box (the results page shows what was searched). */
  query?: string;
  /** Hides the header's search box (the home page has its own, larger). */
  bareHeader?: boolean;
  /** Extra elements for <head> (an Atom link, a robots rule). */
  head?: Html;
}

export const SITE_NAME = '公文素材库';
/** Bumped with the assets: browsers cache them for a day, a new version is a new address. */
export const ASSET_VERSION = '1';

const NAV: ReadonlyArray<[NavItem, string, string]> = [
  ['home', '/', '首页'],
  ['updates', '/updates', '每日更新'],
  ['api', '/api/docs', '接口'],
  ['admin', '/admin', '管理'],
];

function headerSearch(query: string | undefined): Html {
  return html`<form class="header-search" action="/search" method="get" role="search">
    <input
      type="search"
      name="q"
      value="${query ?? ''}"
      placeholder="搜索素材"
      aria-label="搜索素材"
      autocomplete="off"
      data-suggest
    />
    <button type="submit">搜索</button>
  </form>`;
}

/** A whole page: the site's header and footer around `body`. Every page of the site, admin included, uses it. */
export function layout(options: LayoutOptions): string {
  const { title, body, nav, query, bareHeader, head } = options;
  const links = NAV.map(
    ([item, href, label]) => html`<a href="${href}" ${item === nav ? html` aria-current="page"` : ''}>${label}</a>`,
  );
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`}</title>
        <link rel="stylesheet" href="/assets/site.css?v=${ASSET_VERSION}" />
        <link rel="alternate" type="application/atom+xml" title="${SITE_NAME} · 最新文档" href="/feed.atom" />
        ${head ?? ''}
        <script src="/assets/site.js?v=${ASSET_VERSION}" defer></script>
      </head>
      <body>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">素</span>${SITE_NAME}</a>
            ${bareHeader ? '' : headerSearch(query)}
            <nav class="site-nav" aria-label="站点">${links}</nav>
          </div>
        </header>
        <main id="main">${body}</main>
        <footer class="site-footer">
          <p>
            ${SITE_NAME} · 精确检索公文素材，游客可阅读每篇文档的免费部分。<a href="/feed.atom">订阅更新</a> ·
            <a href="/api/docs">开放接口</a>
          </p>
        </footer>
      </body>
    </html> `.value;
}
