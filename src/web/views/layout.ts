import { tryGetContext } from 'hono/context-storage';
import { TIER_LABELS } from '../../core/access/tiers.js';
import { html, type Html } from '../html.js';

/** The sections of the site the header names; the current one is marked. */
export type NavItem = 'home' | 'search' | 'updates' | 'api' | 'admin' | 'account';

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
export const ASSET_VERSION = '2';

const NAV: ReadonlyArray<[NavItem, string, string]> = [
  ['home', '/', '首页'],
  ['updates', '/updates', '每日更新'],
  ['api', '/api/docs', '接口'],
];

/**
 * The header's account links: 登录/注册 for a guest, the account and 退出 for a member (管理 for an admin).
 * Read from the request being answered (hono's context storage): every page shows them without each
 * page model carrying the visitor. Outside a request (a view's unit test) it is a guest's.
 */
function accountNav(nav: NavItem | undefined): Html {
  const c = tryGetContext();
  const account = c?.get('account') ?? null;
  const current = (item: NavItem): Html | string => (item === nav ? html` aria-current="page"` : '');
  if (c === undefined || account === null) {
    return html`<a href="/login" ${current('account')}>登录</a><a href="/register">注册</a>`;
  }
  const viewer = c.get('viewer');
  return html`${viewer.tier === 'admin' ? html`<a href="/admin" ${current('admin')}>管理</a>` : ''}
    <a href="/account" ${current('account')} title="${TIER_LABELS[viewer.tier]}">${viewer.name}</a>
    <form class="logout" method="post" action="/logout">${csrfField()}<button type="submit">退出</button></form>`;
}

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

/** The hidden CSRF field every POST form of a page carries (see accounts/csrf.ts); none outside a request. */
export function csrfField(): Html | string {
  const c = tryGetContext();
  return c === undefined ? '' : html`<input type="hidden" name="_csrf" value="${c.get('csrfToken')()}" />`;
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
            <nav class="site-nav" aria-label="站点">${links}${accountNav(nav)}</nav>
          </div>
        </header>
        <main id="main">${body}</main>
        <footer class="site-footer">
          <p>
            ${SITE_NAME} · 精确检索公文素材，游客可阅读每篇文档的免费部分，VIP 会员可阅读全文。<a href="/feed.atom"
              >订阅更新</a
            >
            ·
            <a href="/api/docs">开放接口</a>
          </p>
        </footer>
      </body>
    </html> `.value;
}
