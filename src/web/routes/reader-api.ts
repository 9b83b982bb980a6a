import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { outlineText } from '../../core/access/reader-view.js';
import type { WebContext } from '../app.js';
import {
  BrowseResponseSchema,
  DocumentResponseSchema,
  ErrorSchema,
  FacetsResponseSchema,
  HomeResponseSchema,
  OutlineResponseSchema,
  SearchResponseSchema,
  SuggestResponseSchema,
  UpdatesResponseSchema,
} from '../reader/api-schemas.js';
import {
  accessFor,
  browseModel,
  documentId,
  documentModel,
  homeModel,
  readerDocument,
  updatesModel,
} from '../reader/models.js';
import { searchModel } from '../reader/search-model.js';
import { SearchParamsSchema } from '../reader/search-params.js';
import { suggestions } from '../reader/suggest.js';
import { BrowseQuerySchema, PageSchema } from './reader-pages.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(ErrorSchema, '参数有误'),
  404: json(ErrorSchema, '不存在'),
  500: json(ErrorSchema, '服务器错误'),
};
const IdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .openapi({ param: { name: 'id', in: 'path' }, example: '1', description: '文档编号' }),
});

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['检索'],
  summary: '检索文档',
  description: '与结果页相同的检索：范围、筛选、排序、分页；游客只检索免费部分（会员内容既不命中也不显示）。',
  request: { query: SearchParamsSchema },
  responses: { 200: json(SearchResponseSchema, '命中的文档与片段'), ...errors },
});

const suggestRoute = createRoute({
  method: 'get',
  path: '/api/suggest',
  tags: ['检索'],
  summary: '输入提示',
  description: '含有所输入文字的标题与提纲。',
  request: { query: z.object({ q: z.string().max(100).openapi({ example: '主题教育' }) }) },
  responses: { 200: json(SuggestResponseSchema, '提示'), ...errors },
});

const documentRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags: ['阅读'],
  summary: '一篇文档',
  description: '读者可见的文档（游客：免费部分、整篇提纲），来源、相关文档与所在汇编。',
  request: { params: IdParams },
  responses: { 200: json(DocumentResponseSchema, '文档'), ...errors },
});

const outlineRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}/outline',
  tags: ['阅读'],
  summary: '文档提纲',
  request: { params: IdParams },
  responses: { 200: json(OutlineResponseSchema, '提纲及其纯文本'), ...errors },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/documents',
  tags: ['阅读'],
  summary: '文档列表',
  description: '按文种或标签列出文档，最新收录的在前，每页 50 篇。',
  request: { query: BrowseQuerySchema },
  responses: { 200: json(BrowseResponseSchema, '文档列表'), ...errors },
});

const homeRoute = createRoute({
  method: 'get',
  path: '/api/home',
  tags: ['首页'],
  summary: '首页数据',
  description: '文档总数、最近几天的更新、文种与热门标签。',
  responses: { 200: json(HomeResponseSchema, '首页'), 500: errors[500] },
});

const updatesRoute = createRoute({
  method: 'get',
  path: '/api/updates',
  tags: ['首页'],
  summary: '每日更新',
  request: { query: z.object({ page: PageSchema }) },
  responses: { 200: json(UpdatesResponseSchema, '按收录日期分组的文档'), ...errors },
});

const facetsRoute = createRoute({
  method: 'get',
  path: '/api/facets',
  tags: ['首页'],
  summary: '文种、年份与标签及其篇数',
  responses: { 200: json(FacetsResponseSchema, '分面'), 500: errors[500] },
});

/** The reader's JSON API: every page's data, validated and documented from the same schemas. */
export function mountReaderApi(app: OpenAPIHono, ctx: WebContext): void {
  app.openapi(searchRoute, async (c) => {
    const access = accessFor(ctx, c.get('viewer'));
    const m = await searchModel(ctx.library, ctx.catalog, ctx.documents, c.req.valid('query'), access);
    return c.json(m, 200);
  });
  app.openapi(suggestRoute, async (c) => {
    return c.json(
      {
        suggestions: await suggestions(
          ctx.library,
          ctx.catalog,
          c.req.valid('query').q,
          accessFor(ctx, c.get('viewer')),
        ),
      },
      200,
    );
  });
  app.openapi(documentRoute, async (c) => {
    const m = await documentModel(ctx, documentId(c.req.valid('param').id), c.get('viewer'));
    return c.json(
      {
        id: m.doc.id,
        view: m.doc.view,
        summary: m.doc.summary,
        sources: m.doc.sources,
        related: m.related,
        siblings: m.siblings,
      },
      200,
    );
  });
  app.openapi(outlineRoute, async (c) => {
    const doc = await readerDocument(ctx, documentId(c.req.valid('param').id), c.get('viewer'));
    return c.json(
      { id: doc.id, title: doc.view.title, outline: doc.view.outline, text: outlineText(doc.view.outline) },
      200,
    );
  });
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await browseModel(ctx, { genre: q.genre, tag: q.tag }, q.page), 200);
  });
  app.openapi(homeRoute, async (c) => c.json(await homeModel(ctx), 200));
  app.openapi(updatesRoute, async (c) => c.json(await updatesModel(ctx, c.req.valid('query').page), 200));
  app.openapi(facetsRoute, async (c) => c.json(await ctx.catalog.facets(), 200));
}
