import type { OpenAPIHono } from '@hono/zod-openapi';
import type { WebContext } from '../app.js';
import { accessFor } from '../reader/models.js';
import { SITE_NAME } from '../views/layout.js';
import { atomFeed, type AtomEntry } from '../views/atom.js';
import { BrowseQuerySchema, parseQuery } from './reader-pages.js';

const ENTRIES = 30;
const SUMMARY_CHARS = 160;

/** /feed.atom: the newest documents (of a genre, of a tag), each with the start of its free text. */
export function mountFeeds(app: OpenAPIHono, ctx: WebContext): void {
  app.get('/feed.atom', async (c) => {
    const q = parseQuery(BrowseQuerySchema.omit({ page: true }), c.req.query());
    const newest = (await ctx.catalog.newest())
      .filter((d) => (q.genre === undefined || d.genre === q.genre) && (q.tag === undefined || d.tags.includes(q.tag)))
      .slice(0, ENTRIES);
    // A feed reader sends the cookie of a signed-in browser rarely; when it does, it gets its tier's text.
    const access = accessFor(ctx, c.get('viewer'));
    const entries: AtomEntry[] = [];
    for (const d of newest) {
      const doc = await ctx.documents.get(d.id, access);
      if (doc === null) continue;
      const text = doc.view.paragraphs.map((p) => p.text).join(' ');
      entries.push({
        id: d.id,
        title: d.title,
        updated: d.addedAt,
        summary: text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text,
        categories: [...(d.genre !== null ? [d.genre] : []), ...d.tags],
      });
    }
    const url = new URL(c.req.url);
    const what = [q.genre, q.tag].filter((x) => x !== undefined).join(' · ');
    const body = atomFeed({
      title: what === '' ? `${SITE_NAME} · 最新文档` : `${SITE_NAME} · ${what}`,
      origin: url.origin,
      self: `${url.pathname}${url.search}`,
      updated: newest[0]?.addedAt ?? new Date(0).toISOString(),
      entries,
    });
    return c.body(body, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });
}
