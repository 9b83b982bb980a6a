import type { Access } from '../../core/access/reader-view.js';
import { normalizeText } from '../../core/normalize.js';
import type { Library } from '../../library.js';
import type { Catalog } from '../catalog.js';

export interface Suggestion {
  kind: 'title' | 'heading';
  text: string;
  url: string;
}

const TITLES = 5;
const HEADINGS = 5;

/**
 * What the search box offers while a reader types: titles that contain the text (from the catalog), then
 * headings that do (an outline search with the reader's access; the headings of the member part are the
 * outline's teaser either way, so a guest finds them too).
 */
export async function suggestions(
  library: Library,
  catalog: Catalog,
  q: string,
  access: Access,
): Promise<Suggestion[]> {
  const needle = normalizeText(q.trim());
  if (needle === '') return [];
  const out: Suggestion[] = [];
  for (const d of await catalog.titlesContaining(needle, TITLES)) {
    out.push({ kind: 'title', text: d.title, url: `/documents/${d.id}` });
  }
  // Only a plain word is looked up in headings: a query with its syntax (-x, "…") is for the search page.
  if (/[\s"＂-]/.test(q.trim())) return out;
  const found = await library.search(q.trim(), { scope: 'outline', access, limit: HEADINGS * 2 });
  const seen = new Set<string>();
  for (const hit of found.hits) {
    for (const s of hit.snippets) {
      if (s.kind !== 'heading' || out.length >= TITLES + HEADINGS) continue;
      const text = s.text.replace(/^…|…$/g, '');
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ kind: 'heading', text, url: `/documents/${hit.id}#p${s.ord - 1}` });
    }
  }
  return out;
}
