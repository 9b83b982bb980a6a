import { documentText, type ParsedDocument, type ParsedFile } from '../core/document.js';
import type { Expected, ExpectedDocument } from '../testing/shared-seeds.js';
import { alignOutline } from './outline-match.js';
import { check, emptyFigures, type Figures } from './tally.js';

/**
 * The seed row: expected.json's facts read as parse-file.seeds.test.ts reads them (raw substring checks on
 * title + text + tags, startsWith outlines, the paid boundary by freeEndsWith/paidStartsWith), as counts.
 */

function addOutline(f: Figures, doc: ParsedDocument | undefined, want: ExpectedDocument['outline']): void {
  if (!want) return;
  const got = (doc?.outline ?? []).map((o): [number, string] => [o.level, o.text]);
  const a = alignOutline(got, want);
  f.outline.matched += a.matched;
  f.outline.parsed += got.length;
  f.outline.truth += want.length;
}

function paidRight(doc: ParsedDocument | undefined, paid: ExpectedDocument['paid']): boolean {
  if (!doc) return false;
  if (paid === null || paid === undefined) return doc.freeChars === null;
  if (doc.freeChars === null) return false;
  const text = documentText(doc);
  const free = text.slice(0, doc.freeChars);
  const rest = text.slice(doc.freeChars).replace(/^\n/, '');
  return free.endsWith(paid.freeEndsWith ?? '') && rest.startsWith(paid.paidStartsWith ?? '');
}

/** The compilation seed's boundary: inside article 5's joined sentence, 1-4 free, 6 on wholly paid. */
function compilationPaidRight(docs: readonly ParsedDocument[], joined: string): boolean {
  const fifth = docs[4];
  if (!fifth || fifth.freeChars === null) return false;
  const at = documentText(fifth).indexOf(joined);
  const inside = at >= 0 && fifth.freeChars > at && fifth.freeChars < at + joined.length;
  return inside && docs.slice(0, 4).every((d) => d.freeChars === null) && docs.slice(5).every((d) => d.freeChars === 0);
}

export function scoreSeed(fact: ExpectedDocument, forbidden: readonly string[], parsed: ParsedFile | null): Figures {
  const f = emptyFigures();
  const docs = parsed?.documents ?? [];
  const all = docs.map((d) => `${d.title}\n${documentText(d)}\n${d.tags.join(' ')}`).join('\n');
  for (const s of fact.mustContain ?? []) f.content = sum(f.content, check(all.includes(s)));
  const everywhere = `${parsed?.compilation?.title ?? ''}\n${all}`;
  for (const s of [...forbidden, ...(fact.mustNotContain ?? [])]) {
    f.noise = sum(f.noise, check(parsed !== null && !everywhere.includes(s)));
  }
  if (fact.articles === 1) {
    const doc = docs[0];
    if (fact.title !== undefined) f.title = check(docs.length === 1 && doc?.title === fact.title);
    if (fact.genre !== undefined) f.genre = check(doc?.genre === fact.genre);
    addOutline(f, doc, fact.outline ?? []);
    f.paid = check(paidRight(doc, fact.paid));
    if (fact.publishedAt !== undefined) f.metadata = check(doc?.publishedAt === fact.publishedAt);
  } else {
    f.title = check(parsed?.compilation?.title === fact.compilationTitle);
    (fact.articleTitles ?? []).forEach((t, i) => (f.title = sum(f.title, check(docs[i]?.title === t))));
    addOutline(f, docs[5], fact.outlineOfArticle6);
    if (fact.paid?.joinedText) f.paid = check(compilationPaidRight(docs, fact.paid.joinedText));
  }
  return f;
}

const sum = (a: Figures['content'], b: Figures['content']): Figures['content'] => ({
  right: a.right + b.right,
  total: a.total + b.total,
});

/** Every seed's figures, keyed by file. */
export function scoreSeeds(facts: Expected, parsed: ReadonlyMap<string, ParsedFile | null>): Figures[] {
  return Object.entries(facts.documents).map(([file, fact]) =>
    scoreSeed(fact, facts.forbiddenEverywhere, parsed.get(file) ?? null),
  );
}
