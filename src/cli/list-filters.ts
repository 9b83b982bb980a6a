import { GENRE_NAMES } from '../core/parse/genres.js';
import type { DocumentSummary } from '../storage/store.js';
import { UsageError } from './parse-cli-args.js';

/** The filters `list` shares with `search`. */
export interface ListFilters {
  genre?: string;
  year?: number;
  tag?: string;
  /** 'paid': documents with a member-only part; 'free': wholly free ones. */
  paid?: 'free' | 'paid';
}

/**
 * A genre neither the genre list nor the library's documents know is an error naming the known ones, not
 * a silent empty answer. `libraryGenres` is asked only for a name outside the list (an older library's).
 */
export async function checkGenre(
  genre: string | undefined,
  libraryGenres: () => Promise<ReadonlyArray<string | null>>,
): Promise<void> {
  if (genre === undefined || GENRE_NAMES.includes(genre)) return;
  if ((await libraryGenres()).includes(genre)) return;
  throw new UsageError(`unknown genre "${genre}" (genres: ${GENRE_NAMES.join('、')})`);
}

/** The documents that pass every given filter. */
export function filterDocuments(docs: readonly DocumentSummary[], filters: ListFilters): DocumentSummary[] {
  return docs.filter(
    (d) =>
      (filters.genre === undefined || d.genre === filters.genre) &&
      (filters.year === undefined || d.year === filters.year) &&
      (filters.tag === undefined || d.tags.includes(filters.tag)) &&
      (filters.paid === undefined || d.paid === (filters.paid === 'paid')),
  );
}

/** How many documents hold each genre, year and tag, most first (years newest first). */
export interface Facets {
  genres: Array<[string, number]>;
  years: Array<[number, number]>;
  tags: Array<[string, number]>;
}

function counted<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** Every genre, year and tag of the documents with its count. */
export function facetsOf(docs: readonly DocumentSummary[]): Facets {
  const byCount = <K>(a: [K, number], b: [K, number]): number => b[1] - a[1];
  return {
    genres: [...counted(docs.map((d) => d.genre ?? '未分类'))].sort(byCount),
    years: [...counted(docs.flatMap((d) => (d.year === null ? [] : [d.year])))].sort((a, b) => b[0] - a[0]),
    tags: [...counted(docs.flatMap((d) => d.tags))].sort(byCount),
  };
}
