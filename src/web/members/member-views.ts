import type { DownloadRecord, Favourite, FavouriteFolder, RecentRead } from '../../storage/member-store.js';
import { html, raw, type Html } from '../html.js';
import { layout } from '../views/layout.js';
import type { QuotaState } from './download-quota.js';

/** The members' own pages (account sections): redeem a code, favourites, downloads, recent reads. */

export type AccountSection = 'account' | 'redeem' | 'favourites' | 'downloads' | 'recent';

const SECTIONS: ReadonlyArray<[AccountSection, string, string]> = [
  ['account', '/account', '我的账户'],
  ['favourites', '/account/favourites', '我的收藏'],
  ['downloads', '/account/downloads', '下载记录'],
  ['recent', '/account/recent', '最近阅读'],
  ['redeem', '/account/redeem', '兑换卡密'],
];

/** "2026-12-07 09:41" in Beijing time: what members read times in. */
export function beijingTime(iso: string | null): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Notices a page shows after a form posted and redirected (fixed texts: nothing a user typed is echoed). */
export const NOTICES: Readonly<Record<string, string>> = {
  added: '已收藏',
  removed: '已取消收藏',
  moved: '已移动',
  'folder-created': '收藏夹已建好',
  'folder-renamed': '收藏夹已改名',
  'folder-deleted': '收藏夹已删除，其中的收藏移到“未分类”',
  granted: '已开通 VIP',
  revoked: '已取消 VIP',
};

export function notice(key: string | undefined): Html {
  const text = key === undefined ? undefined : NOTICES[key];
  return text === undefined ? html`` : html`<p class="notice" role="status">${text}</p>`;
}

/** The tabs of a member's own pages, the account itself first: one nav on each of them. */
export function accountNav(section: AccountSection): Html {
  return html`<nav class="account-nav" aria-label="我的">
    ${SECTIONS.map(
      ([key, href, label]) =>
        html`<a href="${href}" ${key === section ? raw('aria-current="page"') : ''}>${label}</a> `,
    )}
  </nav>`;
}

export function accountPage(title: string, section: AccountSection, body: Html): string {
  const nav = accountNav(section);
  return layout({
    title,
    head: html`<meta name="robots" content="noindex" />`,
    body: html`<div class="account">
      <h1 class="page-title">${title}</h1>
      ${nav} ${body}
    </div>`,
  });
}

export function redeemBody(
  state: { vipUntil: string | null; tier: string; error?: string; done?: string },
  csrf: Html,
): Html {
  return html`${state.done !== undefined ? html`<p class="notice" role="status">兑换成功：VIP 到期 ${beijingTime(state.done)}（北京时间）</p>` : ''}
    ${state.error !== undefined ? html`<p class="error" role="alert">${state.error}</p>` : ''}
    <section class="panel narrow">
      <p>
        当前：${state.tier === 'vip' || state.tier === 'admin' ? 'VIP' : '普通会员'}${
          state.vipUntil !== null ? html`，VIP 到期 ${beijingTime(state.vipUntil)}` : ''
        }
      </p>
      <form method="post" action="/account/redeem">
        ${csrf}
        <label
          >卡密
          <input type="text" name="code" required maxlength="64" autocomplete="off" placeholder="XXXX-XXXX-XXXX-XXXX"
        /></label>
        <button class="button primary" type="submit">兑换</button>
      </form>
      <p class="muted">VIP 从当前到期时间（已过期则从现在）起延长。</p>
    </section>`;
}

function folderLink(f: { id: number | null; name: string; count?: number }, current: number | null | undefined): Html {
  const href = f.id === null ? '/account/favourites?folder=none' : `/account/favourites?folder=${f.id}`;
  return html`<a href="${href}" ${current === f.id ? raw('aria-current="page"') : ''}
    >${f.name}${f.count !== undefined ? html` (${f.count})` : ''}</a
  >`;
}

function folderSelect(folders: readonly FavouriteFolder[], selected: number | null): Html {
  return html`<select name="folderId" aria-label="收藏夹">
    <option value="none" ${selected === null ? raw('selected') : ''}>未分类</option>
    ${folders.map((f) => html`<option value="${f.id}" ${selected === f.id ? raw('selected') : ''}>${f.name}</option>`)}
  </select>`;
}

export function favouritesBody(
  m: { folders: FavouriteFolder[]; favourites: Favourite[]; current: number | null | undefined; notice?: string },
  csrf: Html,
): Html {
  const folderName = new Map(m.folders.map((f) => [f.id, f.name]));
  return html`${notice(m.notice)}
    <section class="panel">
      <h2>收藏夹</h2>
      <p class="chips">
        <a href="/account/favourites" ${m.current === undefined ? raw('aria-current="page"') : ''}>全部</a>
        ${folderLink({ id: null, name: '未分类' }, m.current)} ${m.folders.map((f) => folderLink(f, m.current))}
      </p>
      <form method="post" action="/account/folders">
        ${csrf}
        <input type="text" name="name" required maxlength="30" placeholder="新收藏夹名称" aria-label="新收藏夹名称" />
        <button class="button" type="submit">新建收藏夹</button>
      </form>
      ${m.folders.map(
        (f) =>
          html`<details>
            <summary>管理“${f.name}”</summary>
            <form method="post" action="/account/folders/${f.id}/rename">
              ${csrf}<input type="text" name="name" required maxlength="30" value="${f.name}" aria-label="新名称" />
              <button class="button subtle" type="submit">改名</button>
            </form>
            <form method="post" action="/account/folders/${f.id}/delete">
              ${csrf}<button class="button subtle" type="submit">删除收藏夹（收藏保留）</button>
            </form>
          </details>`,
      )}
    </section>
    <section class="panel">
      <h2>收藏的文档</h2>
      ${
        m.favourites.length === 0
          ? html`<p class="muted">还没有收藏：在文档页点“收藏”。</p>`
          : html`<ul class="doc-list">
              ${m.favourites.map(
                (v) =>
                  html`<li>
                    <a class="title" href="/documents/${v.documentId}">${v.title}</a>
                    <span class="muted"
                      >${v.folderId === null ? '未分类' : (folderName.get(v.folderId) ?? '')} ·
                      ${beijingTime(v.createdAt)}</span
                    >
                    <form method="post" action="/account/favourites/${v.id}/move">
                      ${csrf}${folderSelect(m.folders, v.folderId)}<button class="button subtle" type="submit">
                        移动
                      </button>
                    </form>
                    <form method="post" action="/account/favourites/${v.id}/delete">
                      ${csrf}<button class="button subtle" type="submit">取消收藏</button>
                    </form>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
}

export function downloadsBody(m: { downloads: DownloadRecord[]; quota: QuotaState }): Html {
  return html`<p>
      今天（${m.quota.day}）已下载 ${m.quota.used}
      次${m.quota.limit !== null ? html`，每天可下载 ${m.quota.limit} 次` : ''}。
    </p>
    ${
      m.downloads.length === 0
        ? html`<p class="muted">还没有下载记录。</p>`
        : html`<ul class="doc-list">
            ${m.downloads.map(
              (d) =>
                html`<li>
                  <a class="title" href="/documents/${d.documentId}">${d.title}</a>
                  <span class="muted">${d.format.toUpperCase()} · ${beijingTime(d.at)}</span>
                </li>`,
            )}
          </ul>`
    }`;
}

export function recentBody(recent: readonly RecentRead[]): Html {
  return recent.length === 0
    ? html`<p class="muted">还没有阅读记录。</p>`
    : html`<ul class="doc-list">
        ${recent.map(
          (r) =>
            html`<li>
              <a class="title" href="/documents/${r.documentId}">${r.title}</a>
              <span class="muted">${beijingTime(r.readAt)}</span>
            </li>`,
        )}
      </ul>`;
}

/** The document page's favourite control: a form for a member, an invitation to log in for a guest. */
export function favouriteControl(
  documentId: number,
  state: { signedIn: false } | { signedIn: true; favourite: Favourite | null; folders: FavouriteFolder[] },
  csrf: Html,
): Html {
  if (!state.signedIn) return html`<a class="button subtle" href="/login">登录后收藏</a>`;
  if (state.favourite !== null) {
    return html`<form class="inline" method="post" action="/account/favourites/${state.favourite.id}/delete">
      ${csrf}<input type="hidden" name="back" value="/documents/${documentId}" />
      <button class="button subtle" type="submit">已收藏 · 取消</button>
    </form>`;
  }
  return html`<form class="inline" method="post" action="/account/favourites">
    ${csrf}<input type="hidden" name="documentId" value="${documentId}" />
    <input type="hidden" name="back" value="/documents/${documentId}" />
    ${state.folders.length > 0 ? folderSelect(state.folders, null) : ''}
    <button class="button" type="submit">收藏</button>
  </form>`;
}
