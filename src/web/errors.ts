import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { html } from './html.js';
import { layout } from './views/layout.js';

/** What a failed request says, in the one shape every route uses: `{error: {code, message}}`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * An error meant for the client: its status, a code for programs and a Chinese message for people. Anything
 * else thrown by a route is a 500 whose details stay in the server's log.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = '页面'): HttpError => new HttpError(404, 'not_found', `${what}不存在`);

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** API clients (paths under /api/, and anything that asks for JSON) get JSON; browsers get a page. */
export function wantsJson(c: Context): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
}

const TITLES: Partial<Record<number, string>> = {
  400: '请求有误',
  401: '需要登录',
  403: '没有权限',
  404: '页面不存在',
  413: '文件太大',
  429: '次数已用完',
  500: '服务器出错了',
};

/** The error as the client wants it: JSON, or the site's error page. */
export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  if (wantsJson(c)) return c.json(errorBody(code, message), status);
  const title = TITLES[status] ?? '出错了';
  const body = html`<section class="error-page">
    <p class="error-status">${status}</p>
    <h1>${title}</h1>
    <p>${message}</p>
    <p><a class="button" href="/">回到首页</a> <a class="button subtle" href="/search">去搜索</a></p>
  </section>`;
  return c.html(layout({ title, body }), status);
}
