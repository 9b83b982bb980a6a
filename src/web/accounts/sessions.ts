import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Accounts, CurrentSession } from '../../accounts/accounts.js';
import { GUEST_VIEWER, type Viewer } from '../../core/access/viewer.js';
import { csrfToken } from './csrf.js';
import { isSecure } from './request-info.js';

export const SESSION_COOKIE = 'sucai_session';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who is asking: a guest, or the account of the session cookie (its tier in force now). */
    viewer: Viewer;
    /** The signed-in account and its session; null for a guest. */
    account: CurrentSession | null;
    /** The raw session id of the cookie, when it names a live session (CSRF tokens derive from it). */
    sessionId: string | null;
    /** The CSRF token the page's forms carry (a guest gets its cookie when first asked). */
    csrfToken: () => string;
  }
}

/**
 * Resolves the session cookie to a Viewer for every route (c.get('viewer')). A response to a signed-in
 * visitor is private to caches (it may hold member text); every response varies by Cookie.
 */
export function sessionMiddleware(accounts: Accounts, trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const current = cookie === undefined ? null : await accounts.current(cookie);
    c.set('viewer', current?.viewer ?? GUEST_VIEWER);
    c.set('account', current);
    c.set('sessionId', current === null ? null : cookie!);
    let token: string | null = null;
    c.set('csrfToken', () => (token ??= csrfToken(c, trustProxy)));
    // A cookie naming no live session (expired, logged out elsewhere) is dropped.
    if (cookie !== undefined && current === null) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    await next();
    if (current !== null && !/no-store/.test(c.res.headers.get('cache-control') ?? '')) {
      c.res.headers.set('cache-control', 'private, no-cache');
    }
    c.res.headers.append('vary', 'Cookie');
  };
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over TLS, for the session's lifetime. */
export function setSessionCookie(c: Context, sessionId: string, maxAgeMs: number, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c, trustProxy),
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
