import { OpenAPIHono } from '@hono/zod-openapi';
import { contextStorage } from 'hono/context-storage';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { AccountError, Accounts } from '../accounts/accounts.js';
import type { Library } from '../library.js';
import type { Inbox } from '../inbox/inbox.js';
import type { MemberStore } from '../storage/member-store.js';
import { accessLog, type Log } from './access-log.js';
import { mountAccountApi } from './accounts/account-api.js';
import { mountAccountPages } from './accounts/account-routes.js';
import { csrfGuard } from './accounts/csrf.js';
import { sessionMiddleware } from './accounts/sessions.js';
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
import { RecentReads } from './members/recent-reads.js';
import { validationHook } from './validation.js';

export interface WebDeps {
  library: Library;
  config: WebConfig;
  /** Where structured log lines go (one per request); none by default (tests). */
  log?: Log;
  /** The running inbox the admin's uploads go through (none: uploads are refused). */
  inbox?: Inbox;
  /** Accounts and sessions (default: over the library's store, with default limits). */
  accounts?: Accounts;
  /** What members own and what selling VIP records (default: the library's store). */
  members?: MemberStore;
}

/** What every route module is given: the library, the config and the shared read caches. */
export interface WebContext {
  library: Library;
  config: WebConfig;
  catalog: Catalog;
  related: Related;
  /** Documents as readers get them (cut by the reader view), cached. */
  documents: ReaderDocuments;
  /** Accounts, sessions and logins (over the library's store). */
  accounts: Accounts;
  members: MemberStore;
  /** Members' reads of document pages, written coalesced. */
  reads: RecentReads;
  log: Log;
}

export type WebApp = OpenAPIHono;

const FORM_LIMIT = bodyLimit({
  maxSize: 1024 * 1024,
  onError: (c) => errorResponse(c, 413, 'too_large', '请求内容太大'),
});

/**
 * Forms and JSON are small: 1 MB at most (uploads, multipart, have their own limit on their routes). A GET or
 * HEAD is passed by: the limit reads the request's body, which made the adapter build a whole fetch Request
 * for every page and search (12% of the server's main thread under the search load).
 */
const formBodyLimit: MiddlewareHandler = async (c, next) =>
  c.req.method === 'GET' ||
  c.req.method === 'HEAD' ||
  (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
    ? next()
    : FORM_LIMIT(c, next);

/**
 * The whole site as one Hono app: pages, the JSON API under /api/ (OpenAPI at /api/openapi.json), assets
 * and feeds. Pure of the network: `app.request()` serves tests, main.ts serves it over HTTP.
 */
export function createApp(deps: WebDeps): WebApp {
  const log = deps.log ?? (() => {});
  const members = deps.members ?? deps.library.store.members;
  const ctx: WebContext = {
    library: deps.library,
    config: deps.config,
    catalog: new Catalog(deps.library),
    related: new Related(deps.library),
    documents: new ReaderDocuments(deps.library),
    accounts: deps.accounts ?? new Accounts(deps.library.store.accounts),
    members,
    reads: new RecentReads(members),
    log,
  };
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use(accessLog(log));
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
      // Other sites learn nothing of where a reader was; our own forms' POSTs carry their Origin (a
      // no-referrer policy would make browsers send "Origin: null", which the CSRF check cannot vouch for).
      referrerPolicy: 'same-origin',
    }),
  );
  // Who is asking, for every route (c.get('viewer')); then no state changes without the visitor's token.
  app.use(contextStorage());
  app.use(sessionMiddleware(ctx.accounts, ctx.config.trustProxy));
  app.use(formBodyLimit);
  app.use(csrfGuard(ctx.config.trustProxy));
  app.get('/healthz', async (c) => c.json({ status: 'ok', documents: (await ctx.catalog.documents()).length }));
  mountAssets(app);
  mountReaderApi(app, ctx);
  mountReaderPages(app, ctx);
  mountDownloads(app, ctx);
  mountFeeds(app, ctx);
  mountAccountPages(app, ctx);
  mountAccountApi(app, ctx);
  mountAdmin(app, ctx, deps.inbox ?? null);
  mountMembers(app, ctx);
  mountApiDocs(app);
  app.notFound((c) => errorResponse(c, 404, 'not_found', notFound().message));
  app.onError((error, c) => {
    if (error instanceof HttpError) return errorResponse(c, error.status, error.code, error.message);
    if (error instanceof AccountError) return errorResponse(c, error.status, error.code, error.message);
    // Details go to the log only: a client never sees internals.
    log({ event: 'error', method: c.req.method, path: c.req.path, error: String(error), stack: error.stack });
    return errorResponse(c, 500, 'internal', '服务器内部错误，请稍后再试');
  });
  return app;
}
