import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AccountError } from '../../accounts/accounts.js';
import { rightsOf } from '../../core/access/tiers.js';
import type { WebContext } from '../app.js';
import { ACCOUNT_SECTIONS } from './account-sections.js';
import { accountPage, loginPage, registerPage } from './account-views.js';
import { clientAddress } from './request-info.js';
import { clearSessionCookie, setSessionCookie } from './sessions.js';

/** A `next` address to go to after logging in: a path of this site only (never `//elsewhere`). */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || value.length > 500) return '/account';
  return value;
}

async function formOf(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The account page of the signed-in visitor, every section rendered; a guest is sent to log in. */
async function renderAccount(
  c: Context,
  ctx: WebContext,
  flash: { error?: string; notice?: string },
  status: 200 | 400 | 403 = 200,
): Promise<Response> {
  const account = c.get('account');
  if (account === null) return c.redirect('/login?next=/account', 303);
  const model = { account, rights: rightsOf(account.viewer, ctx.config.tiers), csrf: c.get('csrfToken')() };
  const sections = [];
  for (const section of ACCOUNT_SECTIONS) sections.push({ section, body: await section.render(model, ctx) });
  return c.html(accountPage(sections, flash), status);
}

const NOTICES: Readonly<Record<string, string>> = { password: '密码已修改，其他设备上的登录已退出。' };

/** Register, log in, log out, the account page, change password, log out everywhere: HTML forms. */
export function mountAccountPages(app: OpenAPIHono, ctx: WebContext): void {
  const { accounts, config } = ctx;
  const trust = config.trustProxy;

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('account') !== null) return c.redirect(next, 303);
    return c.html(loginPage({ csrf: c.get('csrfToken')(), next }));
  });
  app.post('/login', async (c) => {
    const form = await formOf(c);
    const next = safeNext(form['next']);
    try {
      const { sessionId } = await accounts.login(
        form['login'] ?? '',
        form['password'] ?? '',
        clientAddress(c, trust),
        c.get('sessionId'),
      );
      setSessionCookie(c, sessionId, accounts.sessionMs, trust);
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      const page = loginPage({ csrf: c.get('csrfToken')(), next, login: form['login'] ?? '', error: error.message });
      return c.html(page, error.status);
    }
  });

  app.get('/register', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('account') !== null) return c.redirect(next, 303);
    return c.html(registerPage({ csrf: c.get('csrfToken')(), next }));
  });
  app.post('/register', async (c) => {
    const form = await formOf(c);
    const next = safeNext(form['next']);
    try {
      const user = await accounts.register({
        name: form['name'] ?? '',
        email: form['email'] ?? null,
        password: form['password'] ?? '',
      });
      setSessionCookie(c, await accounts.startSession(user.id, c.get('sessionId')), accounts.sessionMs, trust);
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      const m = { csrf: c.get('csrfToken')(), next, name: form['name'] ?? '', email: form['email'] ?? '' };
      return c.html(registerPage({ ...m, error: error.message }), error.status);
    }
  });

  app.post('/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId !== null) await accounts.logout(sessionId);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });

  app.get('/account', async (c) => {
    const done = c.req.query('done');
    return renderAccount(c, ctx, done !== undefined && NOTICES[done] !== undefined ? { notice: NOTICES[done] } : {});
  });
  app.post('/account/password', async (c) => {
    const account = c.get('account');
    if (account === null) return c.redirect('/login?next=/account', 303);
    const form = await formOf(c);
    try {
      await accounts.changePassword(account.user.id, form['current'] ?? '', form['password'] ?? '', account.idHash);
      return c.redirect('/account?done=password', 303);
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return renderAccount(c, ctx, { error: error.message }, error.status === 403 ? 403 : 400);
    }
  });
  app.post('/account/logout-everywhere', async (c) => {
    const account = c.get('account');
    if (account !== null) await accounts.logoutEverywhere(account.user.id);
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });
}
