import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Finds `../shared/seeds` beside the project (as in CI), walking up from this file. */
export function seedsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, '..', 'shared', 'seeds');
    if (existsSync(join(candidate, 'expected.json'))) return resolve(candidate);
    dir = dirname(dir);
  }
  throw new Error('shared/seeds not found beside the project (expected ../shared/seeds/expected.json)');
}

export function seedFiles(): string[] {
  return readdirSync(seedsDir())
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function readSeed(name: string): string {
  return readFileSync(join(seedsDir(), name), 'utf8');
}

export type OutlineFact = [number, string];

export interface ExpectedDocument {
  articles: number;
  title?: string;
  rawTitle?: string;
  genre?: string;
  year?: number;
  publishedAt?: string;
  tags?: string[];
  paid?: { freeEndsWith?: string; paidStartsWith?: string; joinedText?: string } | null;
  outline?: OutlineFact[];
  outlineOfArticle6?: OutlineFact[];
  compilationTitle?: string;
  articleTitles?: string[];
  mustContain?: string[];
  mustNotContain?: string[];
  placeholders?: { atLeast: number; examples: string[] };
  titleOccurrencesInBody?: number;
  joinedParagraphs?: Array<[string, string]>;
}

export interface ExpectedSearch {
  query: string;
  mustHit?: string[];
  mustMiss?: string[];
  firstHit?: string;
  total?: number;
}

export interface Expected {
  forbiddenEverywhere: string[];
  documents: Record<string, ExpectedDocument>;
  search: ExpectedSearch[];
}

export function expected(): Expected {
  return JSON.parse(readFileSync(join(seedsDir(), 'expected.json'), 'utf8')) as Expected;
}
