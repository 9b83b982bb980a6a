import type { OpenAPIHono } from '@hono/zod-openapi';

/** /api/openapi.json (OpenAPI 3.1, made from the routes' own schemas). */
export function mountApiDocs(app: OpenAPIHono): void {
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: '公文素材库 API', version: '1', description: '公文素材库的 JSON 接口：检索、阅读、下载与更新。' },
  });
}
