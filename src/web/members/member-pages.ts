import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { WebContext } from '../app.js';
import { HttpError } from '../errors.js';
import { quotaState } from './download-quota.js';
import { REDEEM_REFUSED } from './member-api.js';
import { requireMember } from './member-guard.js';
import {
  documentIdField,
  folderChoice,
  folderName,
  formBody,
  found,
  idParam,
  redeemCodeField,
} from './member-input.js';
import { accountPage, downloadsBody, favouritesBody, recentBody, redeemBody } from './member-views.js';
import { csrfField } from './session-seams.js';

/** Where a form may send the member back to: a document page or the favourites list (never off the site). */
function backTo(back: string | undefined, fallback: string): string {
  return back !== undefined && /^\/documents\/\d{1,9}$/.test(back) ? back : fallback;
}

const PRIVATE = { 'cache-control': 'private, no-store' };

function page(c: Context, markup: string, status: 200 | 400 | 409 = 200): Response {
  return c.html(markup, status, PRIVATE);
}

/**
 * The members' pages under /account/: redeem a code, favourites with folders, download history, recent
 * reads. Forms post and redirect back (303) with a fixed notice. GET pages read; every POST changes state.
 */
export function mountMemberPages(app: OpenAPIHono, ctx: WebContext): void {
  const { members } = ctx;

  app.get('/account/redeem', async (c) => {
    const viewer = requireMember(c);
    const account = await members.account(viewer.userId);
    const body = redeemBody({ vipUntil: account?.vipUntil ?? viewer.vipUntil, tier: viewer.tier }, csrfField(c));
    return page(c, accountPage('兑换卡密', 'redeem', body));
  });

  app.post('/account/redeem', async (c) => {
    const viewer = requireMember(c);
    const form = await formBody(c);
    const account = await members.account(viewer.userId);
    const state = { vipUntil: account?.vipUntil ?? null, tier: viewer.tier };
    let code: string;
    try {
      code = redeemCodeField(form['code']);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return page(
        c,
        accountPage('兑换卡密', 'redeem', redeemBody({ ...state, error: error.message }, csrfField(c))),
        400,
      );
    }
    const result = await members.redeemCode(viewer.userId, code);
    if (!result.ok) {
      const body = redeemBody({ ...state, error: REDEEM_REFUSED[result.reason] }, csrfField(c));
      return page(c, accountPage('兑换卡密', 'redeem', body), result.reason === 'used' ? 409 : 400);
    }
    const vipUntil = result.account.vipUntil;
    const body = redeemBody({ vipUntil, tier: 'vip', ...(vipUntil !== null ? { done: vipUntil } : {}) }, csrfField(c));
    return page(c, accountPage('兑换卡密', 'redeem', body));
  });

  app.get('/account/favourites', async (c) => {
    const viewer = requireMember(c);
    const raw = c.req.query('folder');
    const current = raw === undefined ? undefined : folderChoice(raw);
    const folders = await members.folders(viewer.userId);
    if (typeof current === 'number') found(folders.find((f) => f.id === current) ?? null, '收藏夹');
    const favourites = await members.favourites(viewer.userId, current);
    const notice = c.req.query('done');
    const body = favouritesBody(
      { folders, favourites, current, ...(notice !== undefined ? { notice } : {}) },
      csrfField(c),
    );
    return page(c, accountPage('我的收藏', 'favourites', body));
  });

  app.post('/account/favourites', async (c) => {
    const viewer = requireMember(c);
    const form = await formBody(c);
    const documentId = documentIdField(form['documentId']);
    found(await members.addFavourite(viewer.userId, documentId, folderChoice(form['folderId'])), '文档或收藏夹');
    return c.redirect(backTo(form['back'], '/account/favourites?done=added'), 303);
  });

  app.post('/account/favourites/:id/delete', async (c) => {
    const viewer = requireMember(c);
    const id = idParam(c.req.param('id'), '收藏');
    const form = await formBody(c);
    if (!(await members.removeFavourite(viewer.userId, id))) found(null, '收藏');
    return c.redirect(backTo(form['back'], '/account/favourites?done=removed'), 303);
  });

  app.post('/account/favourites/:id/move', async (c) => {
    const viewer = requireMember(c);
    const id = idParam(c.req.param('id'), '收藏');
    const form = await formBody(c);
    found(await members.moveFavourite(viewer.userId, id, folderChoice(form['folderId'])), '收藏或收藏夹');
    return c.redirect('/account/favourites?done=moved', 303);
  });

  app.post('/account/folders', async (c) => {
    const viewer = requireMember(c);
    const folder = await members.createFolder(viewer.userId, folderName((await formBody(c))['name']));
    if (folder === 'exists') throw new HttpError(409, 'folder_exists', '已有同名的收藏夹');
    return c.redirect(`/account/favourites?folder=${folder.id}&done=folder-created`, 303);
  });

  app.post('/account/folders/:id/rename', async (c) => {
    const viewer = requireMember(c);
    const id = idParam(c.req.param('id'), '收藏夹');
    const folder = await members.renameFolder(viewer.userId, id, folderName((await formBody(c))['name']));
    if (folder === 'exists') throw new HttpError(409, 'folder_exists', '已有同名的收藏夹');
    found(folder, '收藏夹');
    return c.redirect(`/account/favourites?folder=${id}&done=folder-renamed`, 303);
  });

  app.post('/account/folders/:id/delete', async (c) => {
    const viewer = requireMember(c);
    const id = idParam(c.req.param('id'), '收藏夹');
    if (!(await members.deleteFolder(viewer.userId, id))) found(null, '收藏夹');
    return c.redirect('/account/favourites?done=folder-deleted', 303);
  });

  app.get('/account/downloads', async (c) => {
    const viewer = requireMember(c);
    const [downloads, quota] = await Promise.all([
      members.downloadHistory(viewer.userId, { limit: 200 }),
      quotaState(members, viewer, ctx.config.timeZone, new Date(), ctx.config.tiers),
    ]);
    return page(c, accountPage('下载记录', 'downloads', downloadsBody({ downloads, quota })));
  });

  app.get('/account/recent', async (c) => {
    const viewer = requireMember(c);
    return page(c, accountPage('最近阅读', 'recent', recentBody(await members.recentReads(viewer.userId, 100))));
  });
}
