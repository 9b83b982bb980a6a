import { normalizeText } from '../normalize.js';
import { QuerySyntaxError } from './query-syntax-error.js';

export interface ParsedQuery {
  /** Normalized terms that must all occur (each exactly). */
  include: string[];
  /** Normalized terms whose documents are excluded. */
  exclude: string[];
}

/**
 * Parses a query: terms separated by white space (ASCII or U+3000) must all occur; `-term` excludes;
 * `"…"` keeps a phrase with spaces together (also after a minus: -"a b").
 */
export function parseQuery(input: string): ParsedQuery {
  const include: string[] = [];
  const exclude: string[] = [];
  const s = input.replace(/\u3000/g, ' ').replace(/＂/g, '"');
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let negative = false;
    if (s[i] === '-') {
      negative = true;
      i++;
      if (i >= s.length || /\s/.test(s[i]!)) throw new QuerySyntaxError('lone-minus', input);
    }
    let term: string;
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError('unbalanced-quote', input);
      term = s.slice(i + 1, end);
      if (term.trim().length === 0) throw new QuerySyntaxError('empty-phrase', input);
      i = end + 1;
    } else {
      const start = i;
      while (i < s.length && !/\s/.test(s[i]!) && s[i] !== '"') i++;
      term = s.slice(start, i);
      if (s[i] === '"') throw new QuerySyntaxError('unbalanced-quote', input);
    }
    const normalized = normalizeText(term);
    (negative ? exclude : include).push(normalized);
  }
  if (include.length === 0) throw new QuerySyntaxError(exclude.length > 0 ? 'only-exclusions' : 'empty', input);
  return { include: [...new Set(include)], exclude: [...new Set(exclude)] };
}
