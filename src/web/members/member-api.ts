import type { OpenAPIHono } from '@hono/zod-openapi';
import type { WebContext } from '../app.js';
import { HttpError } from '../errors.js';
import { quotaState } from './download-quota.js';
import {
  documentIdField,
  folderChoice,
  folderName,
  found,
  idParam,
  jsonBody,
  paging,
  redeemCodeField,
} from './member-input.js';
import { requireMember } from './member-guard.js';

/** The outcome of a redemption as the API and the page say it. */
export const REDEEM_REFUSED: Readonly<Record<'unknown' | 'used', string>> = {
  unknown: '卡密不存在，请核对后再输入',
  used: '这个卡密已经用过了',
};

/**
 * A member's own things as JSON under /api/me/: quota, redeeming a code, favourites and their folders,
 * download history, recent reads. Every route reads the member's own rows only; another member's id is a
 * 404, as is an id that never existed. Changing state: POST, PATCH, DELETE.
 */
export function mountMemberApi(app: OpenAPIHono, ctx: WebContext): void {
  const { members } = ctx;
  const privateJson = { 'cache-control': 'private, no-store' };

  app.get('/api/me/quota', async (c) => {
    const viewer = requireMember(c);
    return c.json(
      await quotaState(members, viewer, ctx.config.timeZone, new Date(), ctx.config.tiers),
      200,
      privateJson,
    );
  });

  app.post('/api/me/redeem', async (c) => {
    const viewer = requireMember(c);
    const code = redeemCodeField((await jsonBody(c))['code']);
    const result = await members.redeemCode(viewer.userId, code);
    if (!result.ok)
      throw new HttpError(result.reason === 'used' ? 409 : 400, `code_${result.reason}`, REDEEM_REFUSED[result.reason]);
    return c.json({ vipUntil: result.account.vipUntil, days: result.days }, 200, privateJson);
  });

  app.get('/api/me/folders', async (c) => {
    const viewer = requireMember(c);
    return c.json({ folders: await members.folders(viewer.userId) }, 200, privateJson);
  });

  app.post('/api/me/folders', async (c) => {
    const viewer = requireMember(c);
    const folder = await members.createFolder(viewer.userId, folderName((await jsonBody(c))['name']));
    if (folder === 'exists') throw new HttpError(409, 'folder_exists', '已有同名的收藏夹');
    return c.json(folder, 201, privateJson);
  });

  app.patch('/api/me/folders/:id', async (c) => {
    const viewer = requireMember(c);
    const id = idParam(c.req.param('id'), '收藏夹');
    const folder = await members.renameFolder(viewer.userId, id, folderName((await jsonBody(c))['name']));
    if (folder === 'exists') throw new HttpError(409, 'folder_exists', '已有同名的收藏夹');
    return c.json(found(folder, '收藏夹'), 200, privateJson);
  });

  app.delete('/api/me/folders/:id', async (c) => {
    const viewer = requireMember(c);
    const id = idParam(c.req.param('id'), '收藏夹');
    if (!(await members.deleteFolder(viewer.userId, id))) found(null, '收藏夹');
    return c.body(null, 204);
  });

  app.get('/api/me/favourites', async (c) => {
    const viewer = requireMember(c);
    const folder = c.req.query('folder');
    const choice = folder === undefined ? undefined : folderChoice(folder);
    if (typeof choice === 'number')
      found((await members.folders(viewer.userId)).find((f) => f.id === choice) ?? null, '收藏夹');
    return c.json({ favourites: await members.favourites(viewer.userId, choice) }, 200, privateJson);
  });

  app.post('/api/me/favourites', async (c) => {
    const viewer = requireMember(c);
    const body = await jsonBody(c);
    const documentId = documentIdField(body['documentId']);
    const favourite = await members.addFavourite(viewer.userId, documentId, folderChoice(body['folderId']));
    return c.json(found(favourite, '文档或收藏夹'), 201, privateJson);
  });

  app.get('/api/me/favourites/:id', async (c) => {
    const viewer = requireMember(c);
    const favourite = await members.favourite(viewer.userId, idParam(c.req.param('id'), '收藏'));
    return c.json(found(favourite, '收藏'), 200, privateJson);
  });

  app.patch('/api/me/favourites/:id', async (c) => {
    const viewer = requireMember(c);
    const id = idParam(c.req.param('id'), '收藏');
    const body = await jsonBody(c);
    if (!('folderId' in body)) throw new HttpError(400, 'bad_request', '请给出 folderId（收藏夹编号，或 null）');
    const favourite = await members.moveFavourite(viewer.userId, id, folderChoice(body['folderId']));
    return c.json(found(favourite, '收藏或收藏夹'), 200, privateJson);
  });

  app.delete('/api/me/favourites/:id', async (c) => {
    const viewer = requireMember(c);
    if (!(await members.removeFavourite(viewer.userId, idParam(c.req.param('id'), '收藏')))) found(null, '收藏');
    return c.body(null, 204);
  });

  app.get('/api/me/downloads', async (c) => {
    const viewer = requireMember(c);
    return c.json({ downloads: await members.downloadHistory(viewer.userId, paging(c.req.query())) }, 200, privateJson);
  });

  app.get('/api/me/downloads/:id', async (c) => {
    const viewer = requireMember(c);
    const record = await members.download(viewer.userId, idParam(c.req.param('id'), '下载记录'));
    return c.json(found(record, '下载记录'), 200, privateJson);
  });

  app.get('/api/me/recent', async (c) => {
    const viewer = requireMember(c);
    const { limit } = paging(c.req.query());
    return c.json({ recent: await members.recentReads(viewer.userId, limit) }, 200, privateJson);
  });
}
