import type { ParsedQuery } from '../core/search/parse-query.js';
import type { SearchOptions } from '../core/search/search-options.js';

/** What a search thread is asked: a search, to load what was written since, or to drop a document (it is ended by terminate). */
export type SearchRequest =
  | { type: 'search'; id: number; query: ParsedQuery; options: SearchOptions }
  | { type: 'refresh'; id: number }
  | { type: 'forget'; id: number; docId: number };

/** What a search thread answers, each for the request of its id; `ready` once, when its tables are loaded. */
export type SearchMessage =
  | { type: 'ready' }
  /** The SearchResult as JSON: a string crosses threads at half the cost of cloning its objects. */
  | { type: 'result'; id: number; json: string }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };

/** What the thread is started with. */
export interface SearchThreadData {
  dbPath: string;
  /** The process's normalization table (see adoptNormalizationTable), so queries normalize alike. */
  normalization: unknown;
}
