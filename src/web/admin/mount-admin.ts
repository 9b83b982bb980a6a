import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Inbox } from '../../inbox/inbox.js';
import type { WebContext } from '../app.js';
import { errorResponse } from '../errors.js';
import { adminGuard } from './admin-auth.js';
import { mountAdminApi } from './admin-api.js';
import { ADMIN_CSS, ADMIN_JS } from './admin-assets.js';
import { mountAdminPages } from './admin-pages.js';

/**
 * The admin: upload, inbox status, batch reports, deleting documents; pages under /admin and JSON under
 * /api/admin/, open only to admin accounts (see admin-auth.ts). `inbox` is the running inbox the
 * uploads go through (null: uploads are refused, the rest works).
 */
export function mountAdmin(app: OpenAPIHono, ctx: WebContext, inbox: Inbox | null): void {
  app.get('/admin/assets/admin.css', (c) =>
    c.body(ADMIN_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  );
  app.get('/admin/assets/admin.js', (c) =>
    c.body(ADMIN_JS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  const guard = adminGuard();
  app.use('/admin', guard);
  app.use('/admin/*', guard);
  app.use('/api/admin/*', guard);
  const limit = ctx.config.uploadLimitBytes;
  const tooLarge = bodyLimit({
    maxSize: limit,
    onError: (c) =>
      errorResponse(
        c,
        413,
        'too_large',
        `上传的文件太大：一次最多 ${Math.round(limit / (1024 * 1024))} MB，可以分几次上传`,
      ),
  });
  app.use('/admin/upload', tooLarge);
  app.use('/api/admin/uploads', tooLarge);
  mountAdminApi(app, ctx, inbox);
  mountAdminPages(app, ctx, inbox);
}
