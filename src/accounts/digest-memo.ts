import { LRUCache } from 'lru-cache';

/**
 * A string function's answers kept for the strings asked most lately. For the digests a signed-in request
 * takes of its session id (the store's key, the CSRF token): two SHA-256 hashes were a tenth of a VIP's
 * document page. The digests are pure, so nothing kept goes stale; the ids are held only as the request's
 * own cookie already is, in this process's memory.
 */
export function memoized(digest: (input: string) => string, max = 10_000): (input: string) => string {
  const kept = new LRUCache<string, string>({ max });
  return (input) => {
    let out = kept.get(input);
    if (out === undefined) {
      out = digest(input);
      kept.set(input, out);
    }
    return out;
  };
}
