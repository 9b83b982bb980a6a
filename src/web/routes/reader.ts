import type { OpenAPIHono } from '@hono/zod-openapi';
import type { WebContext } from '../app.js';
import { html } from '../html.js';
import { layout } from '../views/layout.js';

/** The reader's pages and their JSON under /api/. */
export function mountReaderRoutes(app: OpenAPIHono, ctx: WebContext): void {
  app.get('/', async (c) => {
    const docs = await ctx.catalog.documents();
    return c.html(layout({ title: '公文素材库', nav: 'home', body: html`<p>${docs.length} 篇</p>` }));
  });
}
