import type { Access } from '../../core/access/reader-view.js';
import { z } from '@hono/zod-openapi';
import { SEARCH_SCOPES, type SearchOptions } from '../../core/search/search-options.js';

export const PAGE_SIZE = 20;
/** Deep pages cost as much as all the pages before them; nobody reads past this many. */
export const MAX_PAGE = 50;

/** The scopes by the names the results page's tabs give them. */
export const SCOPE_LABELS: Readonly<Record<(typeof SEARCH_SCOPES)[number], string>> = {
  all: '全文',
  title: '标题',
  outline: '提纲',
  opening: '开头',
  intro: '帽段',
  closing: '结尾',
  sentence: '金句',
};

const text = (max: number) => z.string().trim().min(1).max(max);

/** A search as the results page and /api/search take it: one schema validates both and documents the API. */
export const SearchParamsSchema = z.object({
  q: text(200).openapi({ description: '查询词：空格分隔的词都须出现，-词 排除，"…" 为短语', example: '走深走实' }),
  scope: z
    .enum(SEARCH_SCOPES)
    .default('all')
    .openapi({ description: '范围：全文、标题、提纲、开头、帽段、结尾、金句' }),
  genre: text(20).optional().openapi({ description: '文种，如 讲话、方案、总结' }),
  year: z.coerce.number().int().min(1900).max(2100).optional().openapi({ description: '年份' }),
  tag: text(40).optional().openapi({ description: '标签' }),
  paid: z.enum(['free', 'paid']).optional().openapi({ description: 'free：全文免费的文档；paid：含会员内容的文档' }),
  sort: z.enum(['relevance', 'newest']).default('relevance').openapi({ description: '排序：相关度或最新' }),
  punct: z
    .enum(['any', 'exact'])
    .default('any')
    .openapi({ description: 'any：查询词中的标点可匹配任一标点（默认）；exact：标点须一致' }),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).openapi({ description: '页码，从 1 起' }),
});

export type SearchParams = z.infer<typeof SearchParamsSchema>;

/**
 * The engine's options for a reader's search: with access 'free' (a reader without the paid part) paid text
 * neither matches nor shows. Access comes from the viewer's tier, never from a parameter anyone can send.
 */
export function searchOptions(p: SearchParams, access: Access, overrides: Partial<SearchOptions> = {}): SearchOptions {
  return {
    scope: p.scope,
    ...(p.genre !== undefined ? { genre: p.genre } : {}),
    ...(p.year !== undefined ? { year: p.year } : {}),
    ...(p.tag !== undefined ? { tag: p.tag } : {}),
    ...(p.paid !== undefined ? { paid: p.paid } : {}),
    sort: p.sort,
    punctuation: p.punct,
    limit: PAGE_SIZE,
    offset: (p.page - 1) * PAGE_SIZE,
    ...overrides,
    access,
  };
}

/** Query-string values a form sent empty (an unchosen filter) are absent, not invalid. */
export function withoutEmpty(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== ''));
}

/** The address of a search (the page or a link to another page, tab or filter of it); defaults left out. */
export function searchUrl(p: Partial<SearchParams>, path = '/search'): string {
  const params = new URLSearchParams();
  const defaults: Partial<Record<string, unknown>> = { scope: 'all', sort: 'relevance', punct: 'any', page: 1 };
  for (const [key, value] of Object.entries(p)) {
    if (value === undefined || value === defaults[key]) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}
