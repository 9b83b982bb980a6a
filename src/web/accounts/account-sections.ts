import type { CurrentSession } from '../../accounts/accounts.js';
import { TIER_LABELS, type TierRights } from '../../core/access/tiers.js';
import type { WebContext } from '../app.js';

/** A new password's field, with the rules the server checks (register, change password). */
export function newPasswordField(label: string): Html {
  return html`<label
    >${label}<input type="password" name="password" autocomplete="new-password" required minlength="8" maxlength="256"
  /></label>`;
}
import { html, type Html } from '../html.js';

/** What every section of the account page is given. */
export interface AccountPageModel {
  account: CurrentSession;
  rights: TierRights;
  /** The CSRF token for the section's forms (field `_csrf`). */
  csrf: string;
}

/**
 * One section of /account: its anchor, its heading, and its markup (it may read the store, through `ctx`).
 * The page is these in order: a feature adds its section here (VIP and redeem codes, favourites, history)
 * and its routes elsewhere; the page itself does not change.
 */
export interface AccountSection {
  id: string;
  title: string;
  render(m: AccountPageModel, ctx: WebContext): Html | Promise<Html>;
}

const FORMAT_LABELS: Readonly<Record<string, string>> = { docx: 'Word', txt: '纯文本', md: 'Markdown' };

function formatDate(iso: string): string {
  // The day as a reader in China reads it.
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

const overview: AccountSection = {
  id: 'overview',
  title: '我的账户',
  render: ({ account, rights }) => {
    const { user, viewer } = account;
    const vip =
      user.vipUntil === null
        ? '未开通'
        : Date.parse(user.vipUntil) > Date.now()
          ? `有效期至 ${formatDate(user.vipUntil)}`
          : `已于 ${formatDate(user.vipUntil)} 到期`;
    const downloads =
      rights.downloadsPerDay === 0 || rights.formats.length === 0
        ? '不可下载'
        : `每天 ${Number.isFinite(rights.downloadsPerDay) ? rights.downloadsPerDay : '不限'} 篇（${rights.formats
            .map((f) => FORMAT_LABELS[f] ?? f)
            .join('、')}）`;
    return html`<dl class="account-facts">
      <dt>用户名</dt>
      <dd>${user.name}</dd>
      <dt>电子邮箱</dt>
      <dd>${user.email ?? '未填写'}</dd>
      <dt>身份</dt>
      <dd>${TIER_LABELS[viewer.tier]}</dd>
      <dt>VIP</dt>
      <dd>${vip}</dd>
      <dt>阅读</dt>
      <dd>${rights.access === 'full' ? '全文' : '每篇的免费部分（开通 VIP 后可读全文）'}</dd>
      <dt>下载</dt>
      <dd>${downloads}</dd>
      <dt>注册时间</dt>
      <dd>${formatDate(user.createdAt)}</dd>
    </dl>`;
  },
};

const password: AccountSection = {
  id: 'password',
  title: '修改密码',
  render: ({ csrf }) =>
    html`<form class="account-form" method="post" action="/account/password">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <label
        >当前密码<input type="password" name="current" autocomplete="current-password" required maxlength="256"
      /></label>
      ${newPasswordField('新密码（至少 8 个字符）')}
      <p class="muted">修改后，其他设备上的登录将退出。</p>
      <div class="actions"><button class="button primary" type="submit">修改密码</button></div>
    </form>`,
};

const sessions: AccountSection = {
  id: 'sessions',
  title: '登录设备',
  render: ({ csrf }) =>
    html`<form method="post" action="/account/logout-everywhere">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <p>在所有设备（包括这一台）上退出登录。</p>
      <button class="button" type="submit">退出所有设备</button>
    </form>`,
};

/** The account page's sections, in order. */
export const ACCOUNT_SECTIONS: AccountSection[] = [overview, password, sessions];
