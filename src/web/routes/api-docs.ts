import type { OpenAPIHono } from '@hono/zod-openapi';
import { apiDocsPage, type ApiDocument } from '../views/api-docs.js';

const INFO = {
  openapi: '3.1.0',
  info: {
    title: '公文素材库 API',
    version: '1',
    description:
      '公文素材库的 JSON 接口：每个页面的数据都可在 /api/ 下取得。错误统一为 {"error":{"code","message"}}，message 为中文。' +
      '在账户功能上线前，所有访问者都是游客：只得到每篇文档的免费部分。',
  },
};

/** /api/openapi.json (OpenAPI 3.1, made from the routes' own schemas) and /api/docs, a page of it. */
export function mountApiDocs(app: OpenAPIHono): void {
  app.doc31('/api/openapi.json', INFO);
  let page: string | null = null;
  app.get('/api/docs', (c) => {
    // Made on the first visit: every route is mounted by then.
    page ??= apiDocsPage(app.getOpenAPI31Document(INFO) as unknown as ApiDocument);
    return c.html(page);
  });
}
