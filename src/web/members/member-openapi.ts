import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ErrorSchema } from '../reader/api-schemas.js';

/**
 * The members' and VIP admin's JSON routes in the OpenAPI document (/api/docs). Their handlers check input
 * themselves (member-input.ts); this describes them, the shapes in brief.
 */

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = {
  400: json(ErrorSchema, '参数有误'),
  401: json(ErrorSchema, '需要登录'),
  404: json(ErrorSchema, '不存在（别人的编号也是不存在）'),
};
const Id = z.object({ id: z.string().openapi({ example: '1' }) });
const Any = z.record(z.string(), z.unknown());
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });

type Method = 'get' | 'post' | 'patch' | 'delete';
interface Entry {
  method: Method;
  path: string;
  summary: string;
  request?: Record<string, unknown>;
  ok?: number;
}

const MEMBER: Entry[] = [
  { method: 'get', path: '/api/me/quota', summary: '今天的下载次数与上限' },
  {
    method: 'post',
    path: '/api/me/redeem',
    summary: '兑换卡密（VIP 从到期时间与现在中较晚者起延长）',
    request: body(z.object({ code: z.string() })),
  },
  { method: 'get', path: '/api/me/folders', summary: '我的收藏夹' },
  {
    method: 'post',
    path: '/api/me/folders',
    summary: '新建收藏夹',
    request: body(z.object({ name: z.string() })),
    ok: 201,
  },
  {
    method: 'patch',
    path: '/api/me/folders/{id}',
    summary: '收藏夹改名',
    request: { params: Id, ...body(z.object({ name: z.string() })) },
  },
  {
    method: 'delete',
    path: '/api/me/folders/{id}',
    summary: '删除收藏夹（其中的收藏移到未分类）',
    request: { params: Id },
    ok: 204,
  },
  {
    method: 'get',
    path: '/api/me/favourites',
    summary: '我的收藏；folder=编号 或 none',
    request: { query: z.object({ folder: z.string().optional() }) },
  },
  {
    method: 'post',
    path: '/api/me/favourites',
    summary: '收藏文档（已收藏则移到该收藏夹）',
    request: body(z.object({ documentId: z.number().int(), folderId: z.number().int().nullable().optional() })),
    ok: 201,
  },
  { method: 'get', path: '/api/me/favourites/{id}', summary: '一条收藏', request: { params: Id } },
  {
    method: 'patch',
    path: '/api/me/favourites/{id}',
    summary: '移动收藏',
    request: { params: Id, ...body(z.object({ folderId: z.number().int().nullable() })) },
  },
  { method: 'delete', path: '/api/me/favourites/{id}', summary: '取消收藏', request: { params: Id }, ok: 204 },
  { method: 'get', path: '/api/me/downloads', summary: '下载记录，新的在前；limit、before 翻页' },
  { method: 'get', path: '/api/me/downloads/{id}', summary: '一条下载记录', request: { params: Id } },
  { method: 'get', path: '/api/me/recent', summary: '最近阅读' },
];

const ADMIN: Entry[] = [
  {
    method: 'post',
    path: '/api/admin/vip/grant',
    summary: '开通 VIP：days（从到期时间与现在中较晚者起）或 until（到期日期）',
    request: body(z.object({ name: z.string(), days: z.number().int().optional(), until: z.string().optional() })),
  },
  {
    method: 'post',
    path: '/api/admin/vip/revoke',
    summary: '取消 VIP（立即失效）',
    request: body(z.object({ name: z.string() })),
  },
  {
    method: 'post',
    path: '/api/admin/codes',
    summary: '生成一批卡密，返回 CSV（卡密只给这一次）',
    request: body(z.object({ count: z.number().int(), days: z.number().int() })),
    ok: 201,
  },
  { method: 'get', path: '/api/admin/codes', summary: '卡密批次及兑换数' },
  { method: 'get', path: '/api/admin/audit', summary: '审计记录：开通、取消、兑换、生成卡密；limit、before 翻页' },
];

export function describeMemberRoutes(app: OpenAPIHono): void {
  for (const [entries, tag, extra] of [
    [MEMBER, '会员', {}],
    [ADMIN, '管理', { 403: json(ErrorSchema, '不是管理员') }],
  ] as const) {
    for (const e of entries) {
      const ok = e.ok ?? 200;
      app.openAPIRegistry.registerPath({
        method: e.method,
        path: e.path,
        tags: [tag],
        summary: e.summary,
        ...(e.request !== undefined ? { request: e.request } : {}),
        responses: {
          [ok]: ok === 204 ? { description: '完成' } : json(Any, '结果'),
          ...errors,
          ...extra,
        },
      });
    }
  }
}
