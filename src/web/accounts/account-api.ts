import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AccountError, type CurrentSession } from '../../accounts/accounts.js';
import { rightsOf } from '../../core/access/tiers.js';
import type { UserRecord } from '../../storage/accounts.js';
import type { WebContext } from '../app.js';
import { HttpError } from '../errors.js';
import { ErrorSchema } from '../reader/api-schemas.js';
import { validationMessage } from '../validation.js';
import { sessionCsrfToken } from './csrf.js';
import { clientAddress } from './request-info.js';
import { clearSessionCookie, setSessionCookie } from './sessions.js';

/** An account as its owner sees it: never its password hash. */
function publicUser(u: UserRecord): Omit<UserRecord, 'passwordHash'> {
  return { id: u.id, name: u.name, email: u.email, role: u.role, vipUntil: u.vipUntil, createdAt: u.createdAt };
}

const RegisterBody = z.object({
  name: z.string().max(64),
  email: z.string().max(254).nullish(),
  password: z.string().max(1024),
});
const LoginBody = z.object({ login: z.string().max(254), password: z.string().max(1024) });
const PasswordBody = z.object({ current: z.string().max(1024), password: z.string().max(1024) });

async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new HttpError(400, 'bad_request', '请求体应为 JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'bad_request', validationMessage(parsed.error));
  return parsed.data;
}

function signedIn(c: Context): CurrentSession {
  const account = c.get('account');
  if (account === null) throw new HttpError(401, 'unauthorized', '请先登录');
  return account;
}

/** An AccountError as the API's error (its status and code, the same Chinese message as the forms'). */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(error.status, error.code, error.message);
    throw error;
  }
}

const jsonContent = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const tags = ['账户'];
const ok = jsonContent(z.object({ ok: z.boolean() }), '完成');
const refused = {
  400: jsonContent(ErrorSchema, '参数有误'),
  401: jsonContent(ErrorSchema, '需要登录，或用户名或密码不正确'),
  403: jsonContent(ErrorSchema, '缺少 CSRF 令牌，或当前密码不正确'),
};

/** The routes in the OpenAPI document (the handlers below are plain: their bodies are checked by jsonBody). */
function describeAccountApi(app: OpenAPIHono): void {
  const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
  const paths: Array<Parameters<typeof app.openAPIRegistry.registerPath>[0]> = [
    {
      method: 'get',
      path: '/api/account',
      tags,
      summary: '当前访问者',
      description: '身份（游客、会员、VIP、管理员）、账户、权限，以及 POST 请求须放在 X-CSRF-Token 中的令牌。',
      responses: { 200: jsonContent(z.object({ csrfToken: z.string() }).loose(), '访问者') },
    },
    {
      method: 'post',
      path: '/api/account/register',
      tags,
      summary: '注册并登录',
      request: body(RegisterBody),
      responses: { 201: jsonContent(z.object({ csrfToken: z.string() }).loose(), '已注册'), ...refused },
    },
    {
      method: 'post',
      path: '/api/account/login',
      tags,
      summary: '登录',
      description: '用户名或电子邮箱登录；同一账户或同一地址失败过多时暂时锁定（429）。',
      request: body(LoginBody),
      responses: { 200: jsonContent(z.object({ csrfToken: z.string() }).loose(), '已登录'), ...refused },
    },
    { method: 'post', path: '/api/account/logout', tags, summary: '退出', responses: { 200: ok, ...refused } },
    {
      method: 'post',
      path: '/api/account/password',
      tags,
      summary: '修改密码',
      description: '修改后其他设备上的登录退出。',
      request: body(PasswordBody),
      responses: { 200: ok, ...refused },
    },
    {
      method: 'post',
      path: '/api/account/logout-everywhere',
      tags,
      summary: '退出所有设备',
      responses: { 200: ok, ...refused },
    },
  ];
  for (const path of paths) app.openAPIRegistry.registerPath(path);
}

/**
 * The account as JSON under /api/account: who is signed in (with the CSRF token every POST needs in
 * X-CSRF-Token), register, log in, log out, change password, log out everywhere. Sessions are the same
 * cookie as the pages'.
 */
export function mountAccountApi(app: OpenAPIHono, ctx: WebContext): void {
  const { accounts, config } = ctx;
  const trust = config.trustProxy;
  describeAccountApi(app);

  app.get('/api/account', (c) => {
    const account = c.get('account');
    const viewer = c.get('viewer');
    return c.json({
      viewer,
      user: account === null ? null : publicUser(account.user),
      // downloadsPerDay null: no limit (an admin's).
      rights: rightsOf(viewer, config.tiers),
      csrfToken: c.get('csrfToken')(),
    });
  });
  app.post('/api/account/register', async (c) => {
    const body = await jsonBody(c, RegisterBody);
    const user = await answering(() => accounts.register(body));
    const sessionId = await accounts.startSession(user.id, c.get('sessionId'));
    setSessionCookie(c, sessionId, accounts.sessionMs, trust);
    return c.json({ user: publicUser(user), csrfToken: sessionCsrfToken(sessionId) }, 201);
  });
  app.post('/api/account/login', async (c) => {
    const body = await jsonBody(c, LoginBody);
    const { sessionId, user } = await answering(() =>
      accounts.login(body.login, body.password, clientAddress(c, trust), c.get('sessionId')),
    );
    setSessionCookie(c, sessionId, accounts.sessionMs, trust);
    return c.json({ user: publicUser(user), csrfToken: sessionCsrfToken(sessionId) });
  });
  app.post('/api/account/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId !== null) await accounts.logout(sessionId);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });
  app.post('/api/account/password', async (c) => {
    const account = signedIn(c);
    const body = await jsonBody(c, PasswordBody);
    await answering(() => accounts.changePassword(account.user.id, body.current, body.password, account.idHash));
    return c.json({ ok: true });
  });
  app.post('/api/account/logout-everywhere', async (c) => {
    const account = signedIn(c);
    const ended = await accounts.logoutEverywhere(account.user.id);
    clearSessionCookie(c);
    return c.json({ ok: true, sessions: ended });
  });
}
