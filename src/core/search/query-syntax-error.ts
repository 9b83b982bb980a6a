export const QUERY_ERROR_CODES = [
  'empty',
  'only-exclusions',
  'unbalanced-quote',
  'lone-minus',
  'empty-phrase',
] as const;
export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[number];

const MESSAGES: Record<QueryErrorCode, string> = {
  empty: 'the query is empty',
  'only-exclusions': 'the query only excludes (-term): give at least one term to search for',
  'unbalanced-quote': 'the query has an opening quote (") without a closing one',
  'lone-minus': 'a "-" must be followed by the term to exclude',
  'empty-phrase': 'the query has an empty phrase ("")',
};

/** A malformed query: `code` for programs, `message` for people. */
export class QuerySyntaxError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    readonly query: string,
  ) {
    super(`${MESSAGES[code]}: ${JSON.stringify(query)}`);
    this.name = 'QuerySyntaxError';
  }
}
