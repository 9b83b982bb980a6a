import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { WebContext } from '../app.js';
import { HttpError } from '../errors.js';
import {
  browseModel,
  documentId,
  documentModel,
  homeModel,
  readerDocument,
  resultsModel,
  updatesModel,
} from '../reader/models.js';
import { SearchParamsSchema, withoutEmpty } from '../reader/search-params.js';
import { memberExtras } from '../members/document-extras.js';
import { csrfField } from '../members/session-seams.js';
import { validationMessage } from '../validation.js';
import { browsePage } from '../views/browse.js';
import { documentPage, outlinePage } from '../views/document.js';
import { homePage } from '../views/home.js';
import { resultsPage } from '../views/results.js';
import { searchLanding } from '../views/search-landing.js';
import { updatesPage } from '../views/updates.js';

/** A page number from the query string: absent is 1; anything but 1..10000 is a 400. */
export const PageSchema = z.coerce.number().int().min(1).max(10_000).default(1);

/** Validates a page's query with a schema: a 400 in Chinese when it does not fit (forms send strings). */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(withoutEmpty(query));
  if (!parsed.success) throw new HttpError(400, 'bad_request', validationMessage(parsed.error));
  return parsed.data;
}

export const BrowseQuerySchema = z.object({
  genre: z.string().trim().min(1).max(20).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  page: PageSchema,
});

/** The reader's HTML pages: home, results, document, outline, updates, browse by genre or tag. */
export function mountReaderPages(app: OpenAPIHono, ctx: WebContext): void {
  app.get('/', async (c) => c.html(homePage(await homeModel(ctx))));

  app.get('/search', async (c) => {
    const query = withoutEmpty(c.req.query());
    if (query['q'] === undefined) return c.html(searchLanding());
    return c.html(resultsPage(await resultsModel(ctx, parseQuery(SearchParamsSchema, query), c.get('viewer'))));
  });

  app.get('/documents/:id', async (c) => {
    const id = documentId(c.req.param('id'));
    const viewer = c.get('viewer');
    const model = await documentModel(ctx, id, viewer);
    const member = await memberExtras(ctx.members, ctx.reads, viewer, id, csrfField(c));
    return c.body(documentPage({ ...model, favourite: member.favourite }), 200, {
      'content-type': 'text/html; charset=UTF-8',
      ...member.headers,
    });
  });

  app.get('/documents/:id/outline', async (c) =>
    c.html(outlinePage(await readerDocument(ctx, documentId(c.req.param('id')), c.get('viewer')))),
  );

  app.get('/updates', async (c) => {
    const { page } = parseQuery(z.object({ page: PageSchema }), c.req.query());
    return c.html(updatesPage(await updatesModel(ctx, page)));
  });

  app.get('/browse', async (c) => {
    const q = parseQuery(BrowseQuerySchema, c.req.query());
    return c.html(browsePage(await browseModel(ctx, { genre: q.genre, tag: q.tag }, q.page)));
  });
}
