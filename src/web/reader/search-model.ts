import type { Access } from '../../core/access/reader-view.js';
import { parseQuery } from '../../core/search/parse-query.js';
import { QuerySyntaxError, type QueryErrorCode } from '../../core/search/query-syntax-error.js';
import type { SearchHit, Snippet } from '../../core/search/search-options.js';
import type { Library } from '../../library.js';
import type { Catalog } from '../catalog.js';
import { HttpError } from '../errors.js';
import { outlineSet, type OutlineSet } from './outline-set.js';
import type { ReaderDocuments } from './reader-documents.js';
import { MAX_PAGE, PAGE_SIZE, searchOptions, type SearchParams } from './search-params.js';

const QUERY_MESSAGES: Record<QueryErrorCode, string> = {
  empty: '请输入要搜索的词',
  'only-exclusions': '查询只有排除词（-词），请至少给出一个要查找的词',
  'unbalanced-quote': '查询中的引号（"）没有配对',
  'lone-minus': '减号（-）后面要紧跟要排除的词',
  'empty-phrase': '查询中有一对空的引号（""）',
};

/** A malformed query as the client's error (400), in Chinese. */
export function queryError(error: QuerySyntaxError): HttpError {
  return new HttpError(400, `query_${error.code.replace(/-/g, '_')}`, QUERY_MESSAGES[error.code]);
}

export interface HitSnippet extends Snippet {
  /** For a heading hit: the headings of its level under the same parent (its 排比 set), itself among them. */
  set: OutlineSet | null;
}

export interface SearchResultHit {
  id: number;
  title: string;
  genre: string | null;
  year: number | null;
  publishedAt: string | null;
  tags: string[];
  paid: boolean;
  compilation: SearchHit['compilation'];
  snippets: HitSnippet[];
}

/** What one term of a query finds alone, for a search that found nothing. */
export interface TermAlone {
  term: string;
  total: number;
}

export interface SearchModel {
  params: SearchParams;
  total: number;
  pages: number;
  pageSize: number;
  hits: SearchResultHit[];
  /** When nothing was found: each term alone, and the same query everywhere / with any punctuation. */
  help: { terms: TermAlone[]; inAllScopes: number | null; withAnyPunctuation: number | null } | null;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw queryError(error);
    throw error;
  }
}

/** Checks a query's syntax up front (a 400 with a reason, not an empty page). */
export function checkQuery(q: string): string[] {
  try {
    return parseQuery(q).include;
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw queryError(error);
    throw error;
  }
}

/** Runs a reader's search (with the reader's access: see searchOptions): the page of hits with their facts and outline sets, and help when none. */
export async function searchModel(
  library: Library,
  catalog: Catalog,
  docs: ReaderDocuments,
  params: SearchParams,
  access: Access,
): Promise<SearchModel> {
  const terms = checkQuery(params.q);
  const result = await run(() => library.search(params.q, searchOptions(params, access)));
  const hits: SearchResultHit[] = [];
  for (const hit of result.hits) {
    const summary = await catalog.summary(hit.id);
    const needsOutline = hit.snippets.some((s) => s.kind === 'heading');
    const doc = needsOutline ? await docs.get(hit.id, access) : null;
    hits.push({
      id: hit.id,
      title: hit.title,
      genre: summary?.genre ?? null,
      year: summary?.year ?? null,
      publishedAt: summary?.publishedAt ?? null,
      tags: summary?.tags ?? [],
      paid: summary?.paid ?? false,
      compilation: hit.compilation,
      snippets: hit.snippets.map((s) => ({
        ...s,
        set: s.kind === 'heading' && doc !== null ? outlineSet(doc.view.outline, s.ord - 1) : null,
      })),
    });
  }
  let help: SearchModel['help'] = null;
  if (result.total === 0) {
    const count = (q: string, over: Parameters<typeof searchOptions>[2] = {}): Promise<number> =>
      run(() => library.count(q, searchOptions(params, access, over)));
    help = {
      terms: terms.length > 1 ? await Promise.all(terms.map(async (term) => ({ term, total: await count(term) }))) : [],
      inAllScopes: params.scope === 'all' ? null : await count(params.q, { scope: 'all' }),
      withAnyPunctuation: params.punct === 'any' ? null : await count(params.q, { punctuation: 'any' }),
    };
  }
  return {
    params,
    total: result.total,
    pages: Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE)),
    pageSize: PAGE_SIZE,
    hits,
    help,
  };
}
