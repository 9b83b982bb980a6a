import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Inbox } from '../../inbox/inbox.js';
import type { WebContext } from '../app.js';
import { HttpError } from '../errors.js';
import { ErrorSchema } from '../reader/api-schemas.js';
import { adminReport, adminStatus, documentIdOf, jobOrThrow, requireInbox, uploadedFiles } from './admin-model.js';
import {
  BatchListSchema,
  BatchReportSchema,
  DeletedSchema,
  InboxStatusSchema,
  JobId,
  NumericId,
  UploadBodySchema,
  UploadJobSchema,
} from './admin-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(ErrorSchema, '参数有误'),
  401: json(ErrorSchema, '需要以管理员账户登录'),
  403: json(ErrorSchema, '账户没有管理权限，或缺少 CSRF 令牌'),
  404: json(ErrorSchema, '不存在'),
};
const security = [{ session: [] }];
const tags = ['管理'];

const statusRoute = createRoute({
  method: 'get',
  path: '/api/admin/status',
  tags,
  security,
  summary: '收件箱状态',
  description: '收件箱是否在监视、等待与正在收录的文件、最近的上传任务与批次。',
  responses: { 200: json(InboxStatusSchema, '状态'), ...errors },
});

const batchesRoute = createRoute({
  method: 'get',
  path: '/api/admin/batches',
  tags,
  security,
  summary: '批次列表',
  request: {
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional().openapi({ example: 50 }) }),
  },
  responses: { 200: json(BatchListSchema, '最近的批次，新的在前'), ...errors },
});

const batchRoute = createRoute({
  method: 'get',
  path: '/api/admin/batches/{id}',
  tags,
  security,
  summary: '批次报告',
  description: '每个文件的结果：新增文档、重复（链接到已有文档）、按规则清理掉的内容、未收录的原因。',
  request: { params: NumericId('批次编号') },
  responses: { 200: json(BatchReportSchema, '报告'), ...errors },
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/admin/uploads',
  tags,
  security,
  summary: '上传文件',
  description:
    '一个或多个文件（.txt .md .html .htm .docx），或装着它们的 .zip；与收件箱走同一流程。返回上传任务，轮询其进度。',
  request: { body: { content: { 'multipart/form-data': { schema: UploadBodySchema } }, required: true } },
  responses: {
    202: json(UploadJobSchema, '已接收，排队收录'),
    ...errors,
    413: json(ErrorSchema, '超过上传大小上限'),
    503: json(ErrorSchema, '收件箱未启动'),
  },
});

const jobRoute = createRoute({
  method: 'get',
  path: '/api/admin/uploads/{id}',
  tags,
  security,
  summary: '上传任务进度',
  request: { params: JobId },
  responses: { 200: json(UploadJobSchema, '任务'), ...errors, 503: json(ErrorSchema, '收件箱未启动') },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/admin/documents/{id}',
  tags,
  security,
  summary: '删除文档',
  description: '删除文档及其来源与索引条目；汇编中的其他文章保留。立即不再被检索到。',
  request: { params: NumericId('文档编号') },
  responses: { 200: json(DeletedSchema, '已删除'), ...errors },
});

/** The admin's JSON under /api/admin/ (guarded by the caller, see admin-auth.ts). */
export function mountAdminApi(app: OpenAPIHono, ctx: WebContext, inbox: Inbox | null): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sucai_session',
    description: '管理员账户登录后的会话；POST、DELETE 还须在 X-CSRF-Token 中带上 GET /api/account 给出的令牌',
  });
  app.openapi(statusRoute, async (c) => c.json(await adminStatus(ctx.library, inbox, ctx.config.inboxDir), 200));
  app.openapi(batchesRoute, async (c) => {
    const { limit } = c.req.valid('query');
    return c.json({ batches: await ctx.library.batches(limit ?? 50) }, 200);
  });
  app.openapi(batchRoute, async (c) => c.json(await adminReport(ctx.library, Number(c.req.valid('param').id)), 200));
  app.openapi(uploadRoute, async (c) => {
    const box = requireInbox(inbox);
    const files = await uploadedFiles(await c.req.parseBody({ all: true }));
    return c.json(await box.upload(files), 202);
  });
  app.openapi(jobRoute, async (c) => c.json(jobOrThrow(requireInbox(inbox), c.req.valid('param').id), 200));
  app.openapi(deleteRoute, async (c) => {
    const deleted = await ctx.library.deleteDocument(documentIdOf(c.req.valid('param').id));
    if (deleted === null) throw new HttpError(404, 'not_found', '文档不存在');
    return c.json(deleted, 200);
  });
}
