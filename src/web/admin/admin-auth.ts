import type { MiddlewareHandler } from 'hono';
import { errorResponse, wantsJson } from '../errors.js';

/**
 * Guards the admin's routes by role: an admin account's session opens them. A guest is asked to log in
 * (the pages send it to /login and back; the API answers 401); a signed-in member gets 403. The first
 * admin is made on the server: `./bin/sucai user add NAME --role admin`.
 */
export function adminGuard(): MiddlewareHandler {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (viewer.tier === 'admin') return next();
    if (viewer.userId === null) {
      if (wantsJson(c)) return errorResponse(c, 401, 'unauthorized', '请先以管理员账户登录');
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    return errorResponse(c, 403, 'forbidden', '这个账户没有管理权限');
  };
}
