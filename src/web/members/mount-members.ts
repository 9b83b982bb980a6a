import type { OpenAPIHono } from '@hono/zod-openapi';
import type { WebContext } from '../app.js';
import { mountMemberApi } from './member-api.js';
import { describeMemberRoutes } from './member-openapi.js';
import { mountMemberPages } from './member-pages.js';
import { mountVipAdminApi } from './vip-admin-api.js';
import { mountVipAdminPages } from './vip-admin-pages.js';

/**
 * Selling VIP and members' own things (issue 26): the admin's grant, revoke, codes and audit log, and each
 * member's redeeming, favourites, downloads and recent reads, as pages and JSON. Who is asking comes from
 * viewerOf (session-seams.ts).
 */
export function mountMembers(app: OpenAPIHono, ctx: WebContext): void {
  mountMemberApi(app, ctx);
  mountMemberPages(app, ctx);
  mountVipAdminApi(app, ctx);
  mountVipAdminPages(app, ctx);
  describeMemberRoutes(app);
}
