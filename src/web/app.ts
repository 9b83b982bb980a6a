import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Library } from '../library.js';
import type { Inbox } from '../inbox/inbox.js';
import type { MemberStore } from '../storage/member-store.js';
import { accessLog, type Log } from './access-log.js';
import { mountAdmin } from './admin/mount-admin.js';
import { mountMembers } from './members/mount-members.js';
import { Catalog } from './catalog.js';
import type { WebConfig } from './config.js';
import { errorResponse, HttpError, notFound } from './errors.js';
import { ReaderDocuments } from './reader/reader-documents.js';
import { Related } from './related.js';
import { mountApiDocs } from './routes/api-docs.js';
import { mountAssets } from './routes/assets.js';
import { mountDownloads } from './routes/downloads.js';
import { mountFeeds } from './routes/feeds.js';
import { mountReaderApi } from './routes/reader-api.js';
import { mountReaderPages } from './routes/reader-pages.js';
import { validationHook } from './validation.js';

export interface WebDeps {
  library: Library;
  config: WebConfig;
  /** Where structured log lines go (one per request); none by default (tests). */
  log?: Log;
  /** The running inbox the admin's uploads go through (none: uploads are refused). */
  inbox?: Inbox;
  /** What members own and what selling VIP records (on the library's file: see openSqliteMemberStore). */
  members: MemberStore;
  /** Runs first on every request and sets the viewer (accounts' session middleware; a test's stand-in). */
  identify?: MiddlewareHandler;
}

/** What every route module is given: the library, the config and the shared read caches. */
export interface WebContext {
  library: Library;
  config: WebConfig;
  catalog: Catalog;
  related: Related;
  /** Documents as readers get them (cut by the reader view), cached. */
  documents: ReaderDocuments;
  members: MemberStore;
  log: Log;
}

export type WebApp = OpenAPIHono;

/**
 * The whole site as one Hono app: pages, the JSON API under /api/ (OpenAPI at /api/openapi.json), assets
 * and feeds. Pure of the network: `app.request()` serves tests, main.ts serves it over HTTP.
 */
export function createApp(deps: WebDeps): WebApp {
  const log = deps.log ?? (() => {});
  const ctx: WebContext = {
    library: deps.library,
    config: deps.config,
    catalog: new Catalog(deps.library),
    related: new Related(deps.library),
    documents: new ReaderDocuments(deps.library),
    members: deps.members,
    log,
  };
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use(accessLog(log));
  if (deps.identify !== undefined) app.use(deps.identify);
  // Pages load only our own stylesheet and script: an injected <script> or inline handler would not run.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.get('/healthz', async (c) => c.json({ status: 'ok', documents: (await ctx.catalog.documents()).length }));
  mountAssets(app);
  mountReaderApi(app, ctx);
  mountReaderPages(app, ctx);
  mountDownloads(app, ctx);
  mountFeeds(app, ctx);
  mountAdmin(app, ctx, deps.inbox ?? null);
  mountMembers(app, ctx);
  mountApiDocs(app);
  app.notFound((c) => errorResponse(c, 404, 'not_found', notFound().message));
  app.onError((error, c) => {
    if (error instanceof HttpError) return errorResponse(c, error.status, error.code, error.message);
    // Details go to the log only: a client never sees internals.
    log({ event: 'error', method: c.req.method, path: c.req.path, error: String(error), stack: error.stack });
    return errorResponse(c, 500, 'internal', '服务器内部错误，请稍后再试');
  });
  return app;
}
