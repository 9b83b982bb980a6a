import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * What a request says of where it came from. Behind a reverse proxy that ends TLS (SUCAI_TRUST_PROXY=1),
 * the proxy's X-Forwarded-Proto, -Host and -For are believed; otherwise they are ignored (anyone could
 * send them) and the connection itself is read.
 */

/** True when the browser reached us over TLS: cookies are then Secure. */
export function isSecure(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto !== undefined && proto !== '') return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** scheme://host the browser used: what a same-site request's Origin must be. */
export function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const forwardedHost = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = forwardedHost || c.req.header('host') || url.host;
  return `${isSecure(c, trustProxy) ? 'https' : 'http'}://${host}`.toLowerCase();
}

/** The client's address, for limiting logins per address; 'unknown' when there is no socket (tests). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
