import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Inbox } from '../../inbox/inbox.js';
import type { WebContext } from '../app.js';
import { HttpError } from '../errors.js';
import { adminReport, adminStatus, documentIdOf, jobOrThrow, requireInbox, uploadedFiles } from './admin-model.js';
import { batchesPage, confirmDeletePage, dashboardPage, deletedPage, uploadJobPage } from './admin-views.js';
import { reportPage } from './admin-report-view.js';

/** The admin's pages under /admin (guarded by the caller). Forms post; a little script adds progress. */
export function mountAdminPages(app: OpenAPIHono, ctx: WebContext, inbox: Inbox | null): void {
  const { library, config } = ctx;
  app.get('/admin', async (c) =>
    c.html(dashboardPage(await adminStatus(library, inbox, config.inboxDir), config.uploadLimitBytes)),
  );
  app.get('/admin/batches', async (c) => c.html(batchesPage(await library.batches(200))));
  app.get('/admin/batches/:id', async (c) => {
    const param = c.req.param('id');
    if (!/^\d{1,9}$/.test(param)) throw new HttpError(400, 'bad_request', '参数“批次编号”的值无效');
    return c.html(reportPage(await adminReport(library, Number(param))));
  });
  app.post('/admin/upload', async (c) => {
    const box = requireInbox(inbox);
    const job = await box.upload(await uploadedFiles(await c.req.parseBody({ all: true })));
    return c.redirect(`/admin/uploads/${job.id}`, 303);
  });
  app.get('/admin/uploads/:id', (c) => {
    const id = c.req.param('id');
    if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new HttpError(400, 'bad_request', '参数“上传任务编号”的值无效');
    return c.html(uploadJobPage(jobOrThrow(requireInbox(inbox), id)));
  });
  app.get('/admin/delete', async (c) => {
    const doc = await library.show(documentIdOf(c.req.query('id') ?? ''));
    if (doc === null) throw new HttpError(404, 'not_found', '文档不存在');
    return c.html(confirmDeletePage(doc));
  });
  app.post('/admin/documents/:id/delete', async (c) => {
    const id = documentIdOf(c.req.param('id'));
    const body = await c.req.parseBody();
    if (body['confirm'] !== 'yes') throw new HttpError(400, 'unconfirmed', '请在确认页面上确认删除');
    const deleted = await library.deleteDocument(id);
    if (deleted === null) throw new HttpError(404, 'not_found', '文档不存在');
    return c.html(deletedPage(deleted));
  });
}
