import type { WebContext } from '../app.js';
import { HttpError, notFound } from '../errors.js';
import type { BrowseModel } from '../views/browse.js';
import { BROWSE_PAGE_SIZE } from '../views/browse.js';
import type { DocumentPageModel } from '../views/document.js';
import type { HomeModel } from '../views/home.js';
import type { ResultsModel } from '../views/results.js';
import type { UpdatesModel } from '../views/updates.js';
import type { ReaderDocument } from './reader-documents.js';
import { accessOf, rightsOf } from '../../core/access/tiers.js';
import type { Access } from '../../core/access/reader-view.js';
import type { Viewer } from '../../core/access/viewer.js';
import { searchModel } from './search-model.js';
import type { SearchParams } from './search-params.js';
import { SEARCH_SCOPES } from '../../core/search/search-options.js';
import { searchOptions } from './search-params.js';

/** The page models every route builds from: the HTML pages render them, the API returns them as JSON. */

const HOME_DAYS = 3;
const UPDATE_DAYS_PER_PAGE = 7;
const EXAMPLES = ['走深走实', '高质量发展', '以学促干'];

export async function homeModel(ctx: WebContext): Promise<HomeModel> {
  const facets = await ctx.catalog.facets();
  return {
    documents: (await ctx.catalog.documents()).length,
    days: (await ctx.catalog.days()).slice(0, HOME_DAYS),
    genres: facets.genres,
    tags: facets.tags.slice(0, 24),
    examples: EXAMPLES,
  };
}

export async function updatesModel(ctx: WebContext, page: number): Promise<UpdatesModel> {
  const days = await ctx.catalog.days();
  const pages = Math.max(1, Math.ceil(days.length / UPDATE_DAYS_PER_PAGE));
  if (page > pages) throw notFound('这一页');
  return {
    days: days.slice((page - 1) * UPDATE_DAYS_PER_PAGE, page * UPDATE_DAYS_PER_PAGE),
    page,
    pages,
    documents: (await ctx.catalog.documents()).length,
  };
}

export async function browseModel(
  ctx: WebContext,
  filter: { genre?: string | undefined; tag?: string | undefined },
  page: number,
): Promise<BrowseModel> {
  const all = (await ctx.catalog.newest()).filter(
    (d) =>
      (filter.genre === undefined || (d.genre ?? '未分类') === filter.genre) &&
      (filter.tag === undefined || d.tags.includes(filter.tag)),
  );
  if (page > 1 && (page - 1) * BROWSE_PAGE_SIZE >= all.length) throw notFound('这一页');
  return {
    ...filter,
    page,
    total: all.length,
    documents: all.slice((page - 1) * BROWSE_PAGE_SIZE, page * BROWSE_PAGE_SIZE),
  };
}

/** How much of a document the viewer reads, by the configured tiers. */
export function accessFor(ctx: WebContext, viewer: Viewer): Access {
  return accessOf(viewer, ctx.config.tiers);
}

export async function resultsModel(ctx: WebContext, params: SearchParams, viewer: Viewer): Promise<ResultsModel> {
  const access = accessFor(ctx, viewer);
  const search = await searchModel(ctx.library, ctx.catalog, ctx.documents, params, access);
  const scopeCounts: ResultsModel['scopeCounts'] = {};
  for (const scope of SEARCH_SCOPES) {
    scopeCounts[scope] =
      scope === params.scope
        ? search.total
        : await ctx.library.count(params.q, searchOptions(params, access, { scope }));
  }
  return { search, facets: await ctx.catalog.facets(), scopeCounts };
}

/** A document id from a path: a positive whole number, else a 400 (a 404 when no document has it). */
export function documentId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0) throw new HttpError(400, 'bad_request', '文档编号应为正整数');
  return Number(raw);
}

/** A document as the viewer may read it (the free part alone unless its tier reads all). */
export async function readerDocument(ctx: WebContext, id: number, viewer: Viewer): Promise<ReaderDocument> {
  const doc = await ctx.documents.get(id, accessFor(ctx, viewer));
  if (doc === null) throw notFound('文档');
  return doc;
}

export async function documentModel(ctx: WebContext, id: number, viewer: Viewer): Promise<DocumentPageModel> {
  const doc = await readerDocument(ctx, id, viewer);
  const siblings = doc.summary.compilationId === null ? [] : await ctx.catalog.compilation(doc.summary.compilationId);
  const rights = rightsOf(viewer, ctx.config.tiers);
  const formats = rights.downloadsPerDay > 0 ? rights.formats : [];
  return { doc, related: await ctx.related.of(id, doc.view), siblings: [...siblings], viewer, formats };
}
