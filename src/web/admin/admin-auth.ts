import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { errorResponse, wantsJson } from '../errors.js';

/** The admin's cookie: a proof of the token (an HMAC of it), never the token itself. */
export const ADMIN_COOKIE = 'sucai_admin';

/** What the cookie holds for a token: changing SUCAI_ADMIN_TOKEN signs every browser out. */
export function cookieProof(token: string): string {
  return createHmac('sha256', token).update('sucai admin session v1').digest('base64url');
}

/** Compares in constant time (both sides hashed first, so their lengths say nothing either). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type AdminAccess = 'disabled' | 'none' | 'wrong' | 'ok';

/** Whether a request may use the admin: by `Authorization: Bearer TOKEN`, or the cookie the login set. */
export function adminAccess(c: Context, token: string | null): AdminAccess {
  if (token === null) return 'disabled';
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    return m && sameSecret(m[1]!, token) ? 'ok' : 'wrong';
  }
  const cookie = getCookie(c, ADMIN_COOKIE);
  if (cookie === undefined) return 'none';
  return sameSecret(cookie, cookieProof(token)) ? 'ok' : 'wrong';
}

/**
 * Guards the admin's routes: with no SUCAI_ADMIN_TOKEN the admin is closed (403, a page saying how to open
 * it); without credentials a page asks for the token (401) and the API answers 401; wrong ones get 403.
 */
export function adminGuard(
  token: string | null,
  pages: { disabled: () => string; login: (message?: string) => string },
): MiddlewareHandler {
  return async (c, next) => {
    const access = adminAccess(c, token);
    if (access === 'ok') {
      await next();
      return;
    }
    if (access === 'disabled') {
      if (wantsJson(c))
        return errorResponse(c, 403, 'admin_disabled', '管理功能未开启：请在服务器上设置 SUCAI_ADMIN_TOKEN 后重启');
      return c.html(pages.disabled(), 403);
    }
    const message = access === 'none' ? '请先输入管理令牌' : '管理令牌不正确';
    if (wantsJson(c))
      return errorResponse(c, access === 'none' ? 401 : 403, access === 'none' ? 'unauthorized' : 'forbidden', message);
    return c.html(pages.login(access === 'wrong' ? message : undefined), access === 'none' ? 401 : 403);
  };
}
