import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { memoized } from '../../accounts/digest-memo.js';
import { errorResponse } from '../errors.js';
import { isSecure, ownOrigin } from './request-info.js';

/**
 * Cross-site request forgery: every state-changing request (any method but GET, HEAD, OPTIONS) must carry
 * the token of the visitor (form field `_csrf` or header `X-CSRF-Token`), and its Origin, when the browser
 * sends one, must be this site. A signed-in visitor's token is derived from the session id (it changes
 * with each login); a guest's (for the login and register forms) is a random cookie of its own.
 */

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const GUEST_CSRF_COOKIE = 'sucai_csrf';

/** The token of a session: one-way from its id, so the page holding it cannot give the session away. */
export const sessionCsrfToken = memoized((sessionId) =>
  createHash('sha256').update(`sucai csrf v1\0${sessionId}`).digest('base64url'),
);

/** The token this visitor's forms carry (a guest without one gets its cookie now). */
export function csrfToken(c: Context, trustProxy: boolean): string {
  const sessionId = c.get('sessionId');
  if (sessionId !== null) return sessionCsrfToken(sessionId);
  const existing = getCookie(c, GUEST_CSRF_COOKIE);
  if (existing !== undefined && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, GUEST_CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c, trustProxy),
    path: '/',
  });
  return token;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REFUSED = '请求来源校验失败：请刷新页面后重试';

/**
 * Refuses a state-changing request without the visitor's token, or from another site. A multipart body
 * (an upload, up to hundreds of MB) is not read here, before its size limit: it needs the header token or a
 * same-site Origin, which browsers always send with a form's POST and no other site can forge.
 */
export function csrfGuard(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    // "null": a browser hiding where the request came from (a no-referrer policy, a sandbox); the token decides.
    const sent = c.req.header('origin');
    const origin = sent === 'null' ? undefined : sent;
    const own = ownOrigin(c, trustProxy);
    if (origin !== undefined && origin.toLowerCase() !== own) return errorResponse(c, 403, 'csrf', REFUSED);
    if (c.req.header('sec-fetch-site') === 'cross-site') return errorResponse(c, 403, 'csrf', REFUSED);
    const sessionId = c.get('sessionId');
    const expected = sessionId !== null ? sessionCsrfToken(sessionId) : getCookie(c, GUEST_CSRF_COOKIE);
    let given = c.req.header(CSRF_HEADER);
    const type = c.req.header('content-type') ?? '';
    if (given === undefined && type.startsWith('multipart/form-data')) {
      if (origin !== undefined && expected !== undefined) return next();
      return errorResponse(c, 403, 'csrf', REFUSED);
    }
    if (given === undefined && type.startsWith('application/x-www-form-urlencoded')) {
      const field = (await c.req.parseBody())[CSRF_FIELD];
      given = typeof field === 'string' ? field : undefined;
    }
    if (expected === undefined || given === undefined || !same(given, expected)) {
      return errorResponse(c, 403, 'csrf', REFUSED);
    }
    return next();
  };
}
