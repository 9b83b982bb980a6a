import type { OpenAPIHono } from '@hono/zod-openapi';
import type { WebContext } from '../app.js';
import { requireAdmin } from './member-guard.js';
import { codeRequest, formBody, paging, userNameField, vipGrant } from './member-input.js';
import { accountNamed, actorOf, codesDownload } from './vip-admin-api.js';
import { auditPage, vipAdminPage } from './vip-admin-views.js';
import { csrfField } from './session-seams.js';

const AUDIT_PAGE = 100;

/**
 * The admin's pages for selling VIP: /admin/vip (grant, revoke, generate codes, batches, the latest audit)
 * and /admin/audit. Admins only. The three POSTs change state; generating answers with the CSV itself.
 */
export function mountVipAdminPages(app: OpenAPIHono, ctx: WebContext): void {
  const { members } = ctx;

  app.get('/admin/vip', async (c) => {
    requireAdmin(c);
    const [batches, audit] = await Promise.all([members.listCodeBatches(20), members.auditLog({ limit: 20 })]);
    const notice = c.req.query('done');
    return c.html(vipAdminPage({ batches, audit, ...(notice !== undefined ? { notice } : {}) }, csrfField(c)), 200, {
      'cache-control': 'no-store',
    });
  });

  app.post('/admin/vip/grant', async (c) => {
    const admin = requireAdmin(c);
    const form = await formBody(c);
    const account = await accountNamed(members, userNameField(form['name']));
    await members.grantVip(actorOf(admin), account.id, vipGrant(form));
    return c.redirect('/admin/vip?done=granted', 303);
  });

  app.post('/admin/vip/revoke', async (c) => {
    const admin = requireAdmin(c);
    const account = await accountNamed(members, userNameField((await formBody(c))['name']));
    await members.revokeVip(actorOf(admin), account.id);
    return c.redirect('/admin/vip?done=revoked', 303);
  });

  app.post('/admin/codes', async (c) => {
    const admin = requireAdmin(c);
    const { count, days } = codeRequest(await formBody(c));
    const csv = codesDownload(await members.createCodes(actorOf(admin), { count, days, tier: 'vip' }));
    return c.body(csv.body, 200, csv.headers);
  });

  app.get('/admin/audit', async (c) => {
    requireAdmin(c);
    const { before } = paging(c.req.query());
    const entries = await members.auditLog({ limit: AUDIT_PAGE, ...(before !== undefined ? { before } : {}) });
    const next = entries.length === AUDIT_PAGE ? entries[entries.length - 1]!.id : null;
    return c.html(auditPage(entries, next), 200, { 'cache-control': 'no-store' });
  });
}
