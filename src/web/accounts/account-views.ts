import { html, type Html } from '../html.js';
import { layout } from '../views/layout.js';
import { accountNav } from '../members/member-views.js';
import { newPasswordField, type AccountSection } from './account-sections.js';

/** A form's message: an error (red) or a confirmation. */
function message(error: string | undefined, notice?: string): Html | string {
  if (error !== undefined) return html`<p class="form-error" role="alert">${error}</p>`;
  if (notice !== undefined) return html`<p class="form-ok" role="status">${notice}</p>`;
  return '';
}

export interface LoginFormModel {
  csrf: string;
  /** Where to go after logging in (a path of this site). */
  next: string;
  login?: string;
  error?: string;
}

export function loginPage(m: LoginFormModel): string {
  const body = html`<section class="panel narrow">
    <h1 class="page-title">登录</h1>
    <form class="account-form" method="post" action="/login">
      ${message(m.error)}
      <input type="hidden" name="_csrf" value="${m.csrf}" />
      <input type="hidden" name="next" value="${m.next}" />
      <label
        >用户名或电子邮箱<input
          type="text"
          name="login"
          value="${m.login ?? ''}"
          autocomplete="username"
          required
          maxlength="254"
      /></label>
      <label
        >密码<input type="password" name="password" autocomplete="current-password" required maxlength="256"
      /></label>
      <div class="actions">
        <button class="button primary" type="submit">登录</button>
        <a href="/register?next=${encodeURIComponent(m.next)}">没有账户？注册</a>
      </div>
    </form>
  </section>`;
  return layout({ title: '登录', nav: 'account', body });
}

export interface RegisterFormModel {
  csrf: string;
  next: string;
  name?: string;
  email?: string;
  error?: string;
}

export function registerPage(m: RegisterFormModel): string {
  const body = html`<section class="panel narrow">
    <h1 class="page-title">注册</h1>
    <p class="muted">注册免费：会员可阅读每篇的免费部分、下载纯文本；开通 VIP 后可阅读全文、下载 Word。</p>
    <form class="account-form" method="post" action="/register">
      ${message(m.error)}
      <input type="hidden" name="_csrf" value="${m.csrf}" />
      <input type="hidden" name="next" value="${m.next}" />
      <label
        >用户名（2 到 32 个字符：文字、字母、数字和 _ - .）<input
          type="text"
          name="name"
          value="${m.name ?? ''}"
          autocomplete="username"
          required
          maxlength="32"
      /></label>
      <label
        >电子邮箱（选填，可用来登录）<input
          type="email"
          name="email"
          value="${m.email ?? ''}"
          autocomplete="email"
          maxlength="254"
      /></label>
      ${newPasswordField('密码（至少 8 个字符）')}
      <div class="actions">
        <button class="button primary" type="submit">注册并登录</button>
        <a href="/login?next=${encodeURIComponent(m.next)}">已有账户？登录</a>
      </div>
    </form>
  </section>`;
  return layout({ title: '注册', nav: 'account', body });
}

/** /account: its sections, each a panel (see account-sections.ts). */
export function accountPage(
  sections: ReadonlyArray<{ section: AccountSection; body: Html }>,
  flash: { error?: string; notice?: string },
): string {
  const body = html`<div class="account-sections">
    <h1 class="page-title">我的账户</h1>
    ${accountNav('account')} ${message(flash.error, flash.notice)}
    <nav class="chips" aria-label="账户">
      ${sections.map(({ section }) => html`<a class="chip" href="#${section.id}">${section.title}</a>`)}
    </nav>
    ${sections.map(
      ({ section, body: b }) =>
        html`<section class="panel" id="${section.id}">
          <h2>${section.title}</h2>
          ${b}
        </section>`,
    )}
  </div>`;
  return layout({ title: '我的账户', nav: 'account', body });
}
