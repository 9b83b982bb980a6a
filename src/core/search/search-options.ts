import type { CompilationPlace } from '../index/contracts.js';
import type { Snippet } from './snippets.js';

export type { Snippet };

/** Where in a document a search looks: everywhere, or one kind of unit (sentence: within one sentence). */
export const SEARCH_SCOPES = ['all', 'title', 'outline', 'opening', 'intro', 'closing', 'sentence'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/** What a search looks in, for whom, and how much of its result it returns. */
export interface SearchOptions {
  scope?: SearchScope;
  /** With scope 'outline': only headings of this level. */
  level?: number;
  genre?: string;
  year?: number;
  tag?: string;
  /** Only documents with ('paid') or without ('free') a member-only part. */
  paid?: 'free' | 'paid';
  /** 'free': the reader may not see paid text, so paid text neither matches nor shows. Default 'full'. */
  access?: 'full' | 'free';
  /**
   * 'any': each punctuation mark in a term matches any one punctuation mark (学思想，强党性 finds 学思想、强党性;
   * see any-punctuation.ts). Default 'exact'.
   */
  punctuation?: 'exact' | 'any';
  /** 'relevance' (default): best score first; 'newest': newest publication date first, then score. */
  sort?: 'relevance' | 'newest';
  limit?: number;
  offset?: number;
  snippets?: boolean;
}

/** One document found, with its score and the snippets showing the terms. */
export interface SearchHit {
  id: number;
  title: string;
  score: number;
  snippets: Snippet[];
  /** The compilation the document came in, and its place there; null when none. */
  compilation: CompilationPlace | null;
}

/** How many documents match, and the page of them asked for. */
export interface SearchResult {
  total: number;
  hits: SearchHit[];
}
