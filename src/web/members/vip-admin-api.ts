import type { OpenAPIHono } from '@hono/zod-openapi';
import { codesCsv } from '../../core/members/codes-csv.js';
import type { CodeBatch, MemberStore } from '../../storage/member-store.js';
import type { WebContext } from '../app.js';
import { contentDisposition } from '../../export/index.js';
import { codeRequest, found, jsonBody, paging, userNameField, vipGrant } from './member-input.js';
import { requireAdmin, type MemberViewer } from './member-guard.js';

export const actorOf = (viewer: MemberViewer) => ({ userId: viewer.userId, name: viewer.name });

/** A batch's codes as the CSV download an admin sells them from. */
export function codesDownload(batch: CodeBatch): { body: string; headers: Record<string, string> } {
  const rows = batch.codes.map((code) => ({
    code,
    tier: batch.tier,
    days: batch.days,
    batchId: batch.id,
    createdAt: batch.createdAt,
  }));
  return {
    body: codesCsv(rows),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`卡密-批次${batch.id}-${batch.days}天.csv`),
      'cache-control': 'no-store',
    },
  };
}

export async function accountNamed(members: MemberStore, name: string) {
  return found(await members.findAccount(name), '用户');
}

/**
 * Selling VIP as JSON under /api/admin/: grant and revoke (by user name), generate a batch of codes (the
 * CSV, the only time the codes are given), list batches, read the audit log. Admins only; the first three
 * change state (POST).
 */
export function mountVipAdminApi(app: OpenAPIHono, ctx: WebContext): void {
  const { members } = ctx;
  app.post('/api/admin/vip/grant', async (c) => {
    const admin = requireAdmin(c);
    const body = await jsonBody(c);
    const account = await accountNamed(members, userNameField(body['name']));
    const grant = vipGrant(body);
    return c.json(await members.grantVip(actorOf(admin), account.id, grant), 200, { 'cache-control': 'no-store' });
  });

  app.post('/api/admin/vip/revoke', async (c) => {
    const admin = requireAdmin(c);
    const account = await accountNamed(members, userNameField((await jsonBody(c))['name']));
    return c.json(await members.revokeVip(actorOf(admin), account.id), 200, { 'cache-control': 'no-store' });
  });

  app.post('/api/admin/codes', async (c) => {
    const admin = requireAdmin(c);
    const { count, days } = codeRequest(await jsonBody(c));
    const batch = await members.createCodes(actorOf(admin), { count, days, tier: 'vip' });
    const csv = codesDownload(batch);
    return c.body(csv.body, 201, csv.headers);
  });

  app.get('/api/admin/codes', async (c) => {
    requireAdmin(c);
    return c.json({ batches: await members.listCodeBatches(paging(c.req.query()).limit) }, 200, {
      'cache-control': 'no-store',
    });
  });

  app.get('/api/admin/audit', async (c) => {
    requireAdmin(c);
    return c.json({ entries: await members.auditLog(paging(c.req.query())) }, 200, { 'cache-control': 'no-store' });
  });
}
