/** What every engine in the benchmark does, so they can be measured side by side on one query set. */
export interface BenchQuery {
  text: string;
  /** Query class the figures are grouped by: '1', '2', '3-4', '5-8', '9+', 'outline', 'filter', 'absent'. */
  class: string;
  scope: 'all' | 'outline';
  genre?: string;
  /** 'any': each punctuation mark in the query matches any one mark (run by engines with `anyPunctuation`). */
  punctuation?: 'any';
}

/** A cleaned document as the peers index it: one row per unit (title or paragraph). */
export interface BenchDoc {
  id: number;
  genre: string | null;
  units: Array<{ text: string; heading: boolean }>;
}

export interface BenchEngine {
  readonly name: string;
  /** Loads the documents (text already normalized); returns the time taken. */
  load(docs: readonly BenchDoc[]): Promise<{ ms: number }>;
  /**
   * Adds documents to those loaded, searchable when it answers (an engine without it has no daily
   * figures); returns the time taken.
   */
  add?(docs: readonly BenchDoc[]): Promise<{ ms: number }>;
  /** Whether it answers queries with `punctuation: 'any'` (the others skip them). */
  readonly anyPunctuation?: boolean;
  /** Whether searches can run while add does (else only a quiet add is timed). */
  readonly searchesDuringAdd?: boolean;
  /** Number of documents matching exactly. */
  count(q: BenchQuery): Promise<number>;
  /** Top-n ranked documents with snippets; returns how many came back. */
  top(q: BenchQuery, n: number): Promise<number>;
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}
