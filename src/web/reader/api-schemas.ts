import { z } from '@hono/zod-openapi';

/** The JSON the reader API answers with, as documented in /api/openapi.json. */

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string().openapi({ example: '文档不存在' }) }) })
  .openapi('Error');

const CompilationPlaceSchema = z
  .object({ id: z.number().int(), title: z.string(), position: z.number().int(), count: z.number().int() })
  .nullable()
  .openapi('CompilationPlace');

export const DocumentSummarySchema = z
  .looseObject({
    id: z.number().int(),
    title: z.string(),
    genre: z.string().nullable(),
    year: z.number().int().nullable(),
    publishedAt: z.string().nullable(),
    tags: z.array(z.string()),
    paid: z.boolean().openapi({ description: '含会员内容' }),
    addedAt: z.string().openapi({ description: '收录时间（ISO 8601）' }),
    compilation: CompilationPlaceSchema,
  })
  .openapi('DocumentSummary');

const OutlineSetSchema = z
  .object({
    parent: z.string().nullable(),
    headings: z.array(z.object({ text: z.string(), paragraph: z.number().int() })),
    at: z.number().int(),
  })
  .nullable()
  .openapi('OutlineSet', { description: '提纲命中的同级提纲（排比组）' });

const SnippetSchema = z
  .object({
    ord: z.number().int().openapi({ description: '0 标题，1+i 第 i 段，-1 别名标题' }),
    kind: z.string(),
    section: z.string().nullable().openapi({ description: '所在小节的标题' }),
    text: z.string(),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
    set: OutlineSetSchema,
  })
  .openapi('Snippet');

export const SearchResponseSchema = z
  .looseObject({
    total: z.number().int(),
    pages: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(
      z.looseObject({
        id: z.number().int(),
        title: z.string(),
        genre: z.string().nullable(),
        year: z.number().int().nullable(),
        publishedAt: z.string().nullable(),
        paid: z.boolean(),
        compilation: CompilationPlaceSchema,
        snippets: z.array(SnippetSchema),
      }),
    ),
    help: z
      .object({
        terms: z.array(z.object({ term: z.string(), total: z.number().int() })),
        inAllScopes: z.number().int().nullable(),
        withAnyPunctuation: z.number().int().nullable(),
      })
      .nullable()
      .openapi({ description: '无结果时：各词单独的命中数等' }),
  })
  .openapi('SearchResponse');

export const SuggestResponseSchema = z
  .object({
    suggestions: z.array(z.object({ kind: z.enum(['title', 'heading']), text: z.string(), url: z.string() })),
  })
  .openapi('SuggestResponse');

const OutlineEntrySchema = z
  .looseObject({
    level: z.number().int(),
    kind: z.string(),
    text: z.string(),
    paragraph: z.number().int(),
    free: z.boolean().openapi({ description: '位于免费部分' }),
  })
  .openapi('OutlineEntry');

export const ReaderViewSchema = z
  .looseObject({
    title: z.string(),
    subtitle: z.string().nullable(),
    signature: z.string().nullable(),
    source: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: z.string().nullable(),
    genre: z.string().nullable(),
    year: z.number().int().nullable(),
    tags: z.array(z.string()),
    paragraphs: z.array(
      z.looseObject({
        index: z.number().int(),
        text: z.string(),
        role: z.string(),
        level: z.number().int().nullable(),
        placeholders: z.array(z.object({ text: z.string(), offset: z.number().int() })),
      }),
    ),
    outline: z.array(OutlineEntrySchema),
    truncated: z.boolean().openapi({ description: '其后还有会员内容' }),
    totalChars: z.number().int(),
    shownChars: z.number().int(),
  })
  .openapi('ReaderView', { description: '读者可见的文档：游客只得免费部分与整篇提纲' });

export const DocumentResponseSchema = z
  .looseObject({
    id: z.number().int(),
    view: ReaderViewSchema,
    summary: z.looseObject({ addedAt: z.string(), paid: z.boolean(), compilation: CompilationPlaceSchema }),
    sources: z.array(
      z.object({
        name: z.string(),
        title: z.string().nullable(),
        publishedAt: z.string().nullable(),
        near: z.boolean(),
      }),
    ),
    related: z.array(z.object({ id: z.number().int(), title: z.string() })),
    siblings: z.array(DocumentSummarySchema),
  })
  .openapi('Document');

export const OutlineResponseSchema = z
  .object({ id: z.number().int(), title: z.string(), outline: z.array(OutlineEntrySchema), text: z.string() })
  .openapi('Outline');

const FacetsSchema = z.object({
  genres: z.array(z.tuple([z.string(), z.number().int()])),
  years: z.array(z.tuple([z.number().int(), z.number().int()])),
  tags: z.array(z.tuple([z.string(), z.number().int()])),
});

export const FacetsResponseSchema = FacetsSchema.openapi('Facets');

const DaySchema = z.object({ day: z.string(), documents: z.array(DocumentSummarySchema) }).openapi('UpdateDay');

export const HomeResponseSchema = z
  .looseObject({
    documents: z.number().int(),
    days: z.array(DaySchema),
    genres: z.array(z.tuple([z.string(), z.number().int()])),
    tags: z.array(z.tuple([z.string(), z.number().int()])),
  })
  .openapi('Home');

export const UpdatesResponseSchema = z
  .object({ days: z.array(DaySchema), page: z.number().int(), pages: z.number().int(), documents: z.number().int() })
  .openapi('Updates');

export const BrowseResponseSchema = z
  .looseObject({ page: z.number().int(), total: z.number().int(), documents: z.array(DocumentSummarySchema) })
  .openapi('DocumentList');
