import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Accounts } from '../../accounts/accounts.js';
import { Library } from '../../library.js';
import { seedsDir } from '../../testing/shared-seeds.js';
import { aDayAgo, inADay, signedIn, TEST_PASSWORD } from '../../testing/web-session.js';
import { createApp, type WebApp } from '../app.js';
import { webConfig } from '../config.js';

interface ErrorJson {
  error: { code: string; message: string };
}

/** A browser in a test: keeps the cookies the app sets, sends them back. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: WebApp,
    private readonly address = '10.0.0.1',
  ) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    path: string,
    init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address, ...(init.headers ?? {}) };
    if (this.cookies.size > 0) headers['cookie'] = this.cookie;
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || /Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** The CSRF token of the login/register forms, as a page gives it. */
  async formToken(path = '/login'): Promise<string> {
    const html = await (await this.request(path)).text();
    return /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  }

  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: 'POST', body: new URLSearchParams(fields), headers });
  }

  async api(path: string, body: unknown, token: string): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
    });
  }
}

describe('accounts on the web', () => {
  let library: Library;
  let app: WebApp;

  before(async () => {
    library = await Library.open(':memory:');
    await library.ingest([join(seedsDir(), '000_519bf36544b22e16.txt')], { thread: false });
    app = createApp({ library, config: webConfig({ trustProxy: true }) });
  });
  after(() => library.close());

  it('registers by user name (and e-mail), logs in at once, shows the account page with its sections', async () => {
    const b = new Browser(app);
    const token = await b.formToken('/register');
    const res = await b.post('/register', {
      _csrf: token,
      name: '张三',
      email: 'zhang@example.cn',
      password: 'pass-word-1',
      next: '/documents/1',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/documents/1');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sucai_session='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'plain HTTP: not Secure');
    const page = await b.request('/account');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('cache-control') ?? '', /private/);
    const html = await page.text();
    for (const section of ['我的账户', '修改密码', '登录设备']) assert.match(html, new RegExp(section));
    assert.match(html, /zhang@example\.cn/);
    const me = (await (await b.request('/api/account')).json()) as {
      user: { name: string; role: string };
      viewer: { tier: string };
    };
    assert.deepEqual([me.user.name, me.user.role, me.viewer.tier], ['张三', 'member', 'member']);
    assert.ok(!JSON.stringify(me).includes('argon2'), 'no password hash leaves the server');
  });

  it('refuses bad or taken names, e-mails and passwords with a Chinese reason, storing nothing', async () => {
    const b = new Browser(app);
    const token = await b.formToken('/register');
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{ name: 'x', password: 'long-enough-1' }, 400, /用户名应为 2 到 32 个字符/],
      [{ name: '<script>', password: 'long-enough-1' }, 400, /用户名只能包含/],
      [{ name: "a' OR 1=1 --", password: 'long-enough-1' }, 400, /用户名只能包含/],
      [{ name: '李四', password: 'short' }, 400, /密码至少 8 个字符/],
      [{ name: '李四', email: 'not-an-email', password: 'long-enough-1' }, 400, /电子邮箱格式不正确/],
      [{ name: '张三', password: 'long-enough-1' }, 409, /用户名已被使用/],
      [{ name: 'ＺＨＡＮＧ@example.cn', password: 'long-enough-1' }, 400, /用户名只能包含/],
      [{ name: '王五', email: 'ZHANG@example.cn', password: 'long-enough-1' }, 409, /电子邮箱已被注册/],
    ];
    const before = (await library.store.accounts.listUsers()).length;
    for (const [fields, status, message] of cases) {
      const res = await b.post('/register', { _csrf: token, ...fields });
      assert.equal(res.status, status, JSON.stringify(fields));
      const text = await res.text();
      assert.match(text, message);
      assert.doesNotMatch(text, /<script>/, 'the name typed is escaped');
    }
    const api = await b.api('/api/account/register', { name: 'x', password: 'y' }, token);
    assert.equal(api.status, 400);
    assert.equal(((await api.json()) as ErrorJson).error.code, 'bad_account');
    const junk = await b.api('/api/account/register', { name: 5 }, token);
    assert.equal(junk.status, 400);
    assert.equal((await library.store.accounts.listUsers()).length, before);
  });

  it('logs in by name or e-mail, case-insensitively; logs out', async () => {
    for (const login of ['张三', 'ZHANG@example.cn']) {
      const b = new Browser(app, '10.0.1.1');
      const res = await b.post('/login', {
        _csrf: await b.formToken(),
        login,
        password: 'pass-word-1',
        next: '//evil.example/x',
      });
      assert.equal(res.status, 303, login);
      assert.equal(res.headers.get('location'), '/account', 'a next address off the site is not followed');
      assert.equal((await b.request('/account')).status, 200);
      const token = /name="_csrf" value="([^"]+)"/.exec(await (await b.request('/account')).text())![1]!;
      assert.equal((await b.post('/logout', { _csrf: token })).status, 303);
      assert.equal((await b.request('/account')).status, 303, 'logged out');
    }
  });

  it('rotates the session id at login: a cookie from before (planted or old) never becomes the session', async () => {
    const b = new Browser(app, '10.0.2.1');
    const planted = 'A'.repeat(43);
    b.cookies.set('sucai_session', planted);
    const token = await b.formToken();
    await b.post('/login', { _csrf: token, login: '张三', password: 'pass-word-1' });
    const first = b.cookies.get('sucai_session')!;
    assert.notEqual(first, planted);
    // Logging in again with the first session ends it: the old id opens nothing.
    const accountToken = /name="_csrf" value="([^"]+)"/.exec(await (await b.request('/account')).text())![1]!;
    await b.post('/login', { _csrf: accountToken, login: '张三', password: 'pass-word-1' });
    const second = b.cookies.get('sucai_session')!;
    assert.notEqual(second, first);
    const old = await app.request('/api/account', { headers: { cookie: `sucai_session=${first}` } });
    assert.equal(((await old.json()) as { user: unknown }).user, null);
  });

  it('refuses a state change without the CSRF token, or from another origin', async () => {
    const b = new Browser(app, '10.0.3.1');
    assert.equal((await b.post('/login', { login: '张三', password: 'pass-word-1' })).status, 403);
    const token = await b.formToken();
    const foreign = await b.post(
      '/login',
      { _csrf: token, login: '张三', password: 'pass-word-1' },
      { origin: 'https://evil.example' },
    );
    assert.equal(foreign.status, 403);
    assert.match(await foreign.text(), /请求来源校验失败/);
    assert.equal(b.cookies.has('sucai_session'), false);
    const ok = await b.post(
      '/login',
      { _csrf: token, login: '张三', password: 'pass-word-1' },
      { origin: 'http://localhost' },
    );
    assert.equal(ok.status, 303);
    // Signed in: the guest token no longer serves; the session's does.
    assert.equal((await b.post('/account/logout-everywhere', { _csrf: token })).status, 403);
    assert.equal((await b.post('/account/logout-everywhere', {})).status, 403);
    const json = await b.request('/api/account/logout', { method: 'POST' });
    assert.equal(json.status, 403);
    assert.equal(((await json.json()) as ErrorJson).error.code, 'csrf');
    const upload = await b.request('/api/account/logout', { method: 'POST', body: new FormData() });
    assert.equal(upload.status, 403, 'a multipart body without token or Origin');
    assert.equal((await b.request('/account')).status, 200, 'still signed in');
  });

  it('locks an account name after 5 failed logins, with the same answer for unknown names (no enumeration)', async () => {
    const b = new Browser(app, '10.0.4.1');
    const token = await b.formToken();
    const answers = new Set<string>();
    for (const login of ['张三', '无此用户']) {
      for (let i = 0; i < 5; i++) {
        const res = await b.post('/login', { _csrf: token, login, password: `wrong-${i}` });
        assert.equal(res.status, 401);
        answers.add((await res.text()).replace(/value="[^"]*"/g, ''));
      }
    }
    assert.equal(answers.size, 1, 'an unknown name and a wrong password get the same page');
    for (const login of ['张三', '无此用户']) {
      const locked = await b.post('/login', { _csrf: token, login, password: 'pass-word-1' });
      assert.equal(locked.status, 429, login);
      assert.match(await locked.text(), /登录失败次数过多，请 15 分钟后再试/);
    }
    const api = await b.api('/api/account/login', { login: '张三', password: 'pass-word-1' }, token);
    assert.equal(api.status, 429);
    assert.equal(((await api.json()) as ErrorJson).error.code, 'locked');
    const wrong = await new Browser(app, '10.0.4.2').api('/api/account/login', { login: '李四', password: 'x' }, '');
    assert.equal(wrong.status, 403, 'no token, no attempt counted');
  });

  it('limits failed logins per address across names', async () => {
    const b = new Browser(app, '10.0.5.1');
    const token = await b.formToken();
    await new Accounts(library.store.accounts).register({ name: 'victim', password: TEST_PASSWORD });
    for (let i = 0; i < 20; i++) {
      assert.equal((await b.post('/login', { _csrf: token, login: `guess${i}`, password: 'x' })).status, 401);
    }
    assert.equal((await b.post('/login', { _csrf: token, login: 'victim', password: TEST_PASSWORD })).status, 429);
    const other = new Browser(app, '10.0.5.2');
    assert.equal(
      (await other.post('/login', { _csrf: await other.formToken(), login: 'victim', password: TEST_PASSWORD })).status,
      303,
    );
  });

  it('changes the password (the current one checked), ending the other sessions; logs out everywhere', async () => {
    const here = new Browser(app, '10.0.6.1');
    const there = new Browser(app, '10.0.6.2');
    for (const b of [here, there])
      await b.post('/login', { _csrf: await b.formToken(), login: 'victim', password: TEST_PASSWORD });
    const token = /name="_csrf" value="([^"]+)"/.exec(await (await here.request('/account')).text())![1]!;
    const wrong = await here.post('/account/password', {
      _csrf: token,
      current: 'nope-nope',
      password: 'new-password-2',
    });
    assert.equal(wrong.status, 403);
    assert.match(await wrong.text(), /当前密码不正确/);
    const short = await here.post('/account/password', { _csrf: token, current: TEST_PASSWORD, password: 'short' });
    assert.equal(short.status, 400);
    const ok = await here.post('/account/password', {
      _csrf: token,
      current: TEST_PASSWORD,
      password: 'new-password-2',
    });
    assert.equal(ok.status, 303);
    assert.match(await (await here.request('/account?done=password')).text(), /密码已修改/);
    assert.equal((await there.request('/account')).status, 303, 'the other session ended');
    const relog = new Browser(app, '10.0.6.3');
    assert.equal(
      (await relog.post('/login', { _csrf: await relog.formToken(), login: 'victim', password: TEST_PASSWORD })).status,
      401,
    );
    assert.equal(
      (await relog.post('/login', { _csrf: await relog.formToken(), login: 'victim', password: 'new-password-2' }))
        .status,
      303,
    );
    // Everywhere: both sessions end.
    const res = await here.api('/api/account/logout-everywhere', {}, token);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { sessions: number }).sessions, 2);
    assert.equal((await relog.request('/account')).status, 303);
  });

  it('serves the account as JSON: register, log in, password, logout, with the CSRF header', async () => {
    const b = new Browser(app, '10.0.7.1');
    const guest = (await (await b.request('/api/account')).json()) as {
      user: null;
      csrfToken: string;
      viewer: { tier: string };
    };
    assert.deepEqual([guest.user, guest.viewer.tier], [null, 'guest']);
    const reg = await b.api('/api/account/register', { name: 'api-user', password: 'api-password' }, guest.csrfToken);
    assert.equal(reg.status, 201);
    const { csrfToken } = (await reg.json()) as { csrfToken: string };
    assert.equal(
      (await b.api('/api/account/password', { current: 'api-password', password: 'api-password-2' }, csrfToken)).status,
      200,
    );
    assert.equal((await b.api('/api/account/logout', {}, csrfToken)).status, 200);
    assert.equal((await b.api('/api/account/password', { current: 'x', password: 'y' }, csrfToken)).status, 403);
    const again = (await (await b.request('/api/account')).json()) as { csrfToken: string };
    const login = await b.api('/api/account/login', { login: 'API-USER', password: 'api-password-2' }, again.csrfToken);
    assert.equal(login.status, 200);
    const bad = await b.request('/api/account/login', {
      method: 'POST',
      body: 'not json',
      headers: { 'content-type': 'application/json', 'x-csrf-token': again.csrfToken },
    });
    assert.equal(bad.status, 403, 'the session changed: the guest token is spent');
  });

  it('refuses a form or JSON body over 1 MB before reading it', async () => {
    const b = new Browser(app, '10.0.9.1');
    const res = await b.post('/login', {
      _csrf: await b.formToken(),
      login: 'x'.repeat(2 * 1024 * 1024),
      password: 'y',
    });
    assert.equal(res.status, 413);
  });

  it('describes the account API in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    for (const path of ['/api/account', '/api/account/register', '/api/account/login', '/api/account/password']) {
      assert.ok(doc.paths[path], path);
    }
  });

  it('marks cookies Secure behind a TLS proxy, and believes X-Forwarded-* only when told to', async () => {
    const b = new Browser(app, '10.0.8.1');
    const token = await b.formToken();
    const res = await b.post(
      '/login',
      { _csrf: token, login: 'api-user', password: 'api-password-2' },
      { 'x-forwarded-proto': 'https' },
    );
    assert.match(
      res.headers.getSetCookie().find((c) => c.startsWith('sucai_session='))!,
      /Secure/,
    );
    const untrusting = createApp({ library, config: webConfig({ trustProxy: false }) });
    const g = new Browser(untrusting, '10.0.8.2');
    const t = await g.formToken();
    const plain = await g.post(
      '/login',
      { _csrf: t, login: 'api-user', password: 'api-password-2' },
      { 'x-forwarded-proto': 'https' },
    );
    assert.doesNotMatch(
      plain.headers.getSetCookie().find((c) => c.startsWith('sucai_session='))!,
      /Secure/,
    );
  });

  it('reads the tier in force: a VIP reads all, an expired VIP is a member again at once', async () => {
    const doc = (await library.list())[0]!;
    const vip = await signedIn(library, 'vip-reader', { vipUntil: inADay() });
    const expired = await signedIn(library, 'expired-reader', { vipUntil: aDayAgo() });
    const read = async (headers: Record<string, string>): Promise<{ truncated: boolean }> =>
      ((await (await app.request(`/api/documents/${doc.id}`, { headers })).json()) as { view: { truncated: boolean } })
        .view;
    assert.equal((await read(vip.headers)).truncated, false);
    assert.equal((await read(expired.headers)).truncated, true);
    assert.equal((await read({})).truncated, true);
    const page = await (await app.request(`/documents/${doc.id}`, { headers: expired.headers })).text();
    assert.match(page, /VIP 会员已到期/);
    assert.match(page, /续费 VIP/);
    const guestRes = await app.request(`/documents/${doc.id}`);
    assert.doesNotMatch(guestRes.headers.get('cache-control') ?? '', /private/);
    assert.match(guestRes.headers.get('vary') ?? '', /Cookie/);
  });
});
