import { dateLineOf } from '../core/parse/front-matter.js';
import { documentText, type ParsedDocument, type ParsedFile } from '../core/document.js';
import { flatten, sentencesOf, squeeze } from './compare.js';
import { contentLines, type Fixture, type OutlineFact } from './fixture.js';
import { alignOutline } from './outline-match.js';
import type { PageMeta, PaidFacts } from './page.js';
import { check, emptyFigures, type Figures } from './tally.js';

/** What the generator put on the page, as far as the scorer needs it (the clean fixture has none of it). */
export interface PageFacts {
  noise: readonly string[];
  paid: PaidFacts | null;
  meta: PageMeta;
}

/** Per document, what went wrong: what a tuner reads to fix a rule. */
export interface PageFailures {
  lostSentences: string[];
  survivingNoise: string[];
  title?: { want: string; got: string | null };
  genre?: { want: string | null; got: string | null };
  outlineMissing: OutlineFact[];
  outlineExtra: OutlineFact[];
  paid?: string;
  subtitleSignature: string[];
  metadata: string[];
}

export interface PageScore {
  figures: Figures;
  failures: PageFailures;
}

/** The parsed document the fixture became: the one with its title, else the first. */
function primaryOf(parsed: ParsedFile, title: string): ParsedDocument | undefined {
  return parsed.documents.find((d) => d.title === title) ?? parsed.documents[0];
}

const bare = (s: string | null | undefined): string | null => (s ? s.replace(/^[\s\u3000—–―-]+|\s+$/g, '') : null);

function scorePaid(facts: PaidFacts | null, docs: readonly ParsedDocument[]): string | undefined {
  if (facts === null) {
    const paidDoc = docs.find((d) => d.freeChars !== null);
    return paidDoc ? `no paywall, but freeChars ${paidDoc.freeChars} in "${paidDoc.title}"` : undefined;
  }
  const lastFree = flatten(facts.lastFreeParagraph);
  const firstPaid = flatten(facts.firstPaidParagraph);
  const doc = docs.find((d) => flatten(documentText(d)).includes(lastFree)) ?? docs[0];
  if (!doc || doc.freeChars === null) return 'paywall not found (freeChars null)';
  const text = documentText(doc);
  const free = flatten(text.slice(0, doc.freeChars));
  const paid = flatten(text.slice(doc.freeChars));
  if (free.endsWith(lastFree) && paid.startsWith(firstPaid)) return undefined;
  return `free part ends "…${text.slice(Math.max(0, doc.freeChars - 20), doc.freeChars)}", want "…${facts.lastFreeParagraph.slice(-20)}"`;
}

/**
 * Scores one page against its fixture: sentences kept, noise removed, title, genre, outline, paid boundary,
 * subtitle/signature and page metadata. A rejected page (parsed null) has lost everything but its noise.
 */
export function scorePage(fixture: Fixture, facts: PageFacts, parsed: ParsedFile | null): PageScore {
  const f = emptyFigures();
  const fail: PageFailures = {
    lostSentences: [],
    survivingNoise: [],
    outlineMissing: [],
    outlineExtra: [],
    subtitleSignature: [],
    metadata: [],
  };
  const docs = parsed?.documents ?? [];
  const doc = parsed ? primaryOf(parsed, fixture.truth.title) : undefined;
  const truth = fixture.truth;

  // Lines the parser lifts into subtitle or signature are kept, not lost.
  const kept = squeeze(docs.map((d) => [documentText(d), d.subtitle ?? '', d.signature ?? ''].join('\n')).join('\n'));
  // A dated line the parser read as the document's date (2018年12月28日 → publishedAt) is kept too.
  const dates = new Set(docs.flatMap((d) => [d.publishedAt?.slice(0, 10), d.signedAt].filter((x) => x != null)));
  for (const sentence of contentLines(fixture).flatMap(sentencesOf)) {
    const date = dateLineOf(sentence.trim());
    const ok = kept.includes(squeeze(sentence.replace(/^[—－–-]{1,2}/, ''))) || (date !== null && dates.has(date));
    f.content.total++;
    if (ok) f.content.right++;
    else fail.lostSentences.push(sentence);
  }

  const everything = flatten(
    [parsed?.compilation?.title ?? '', ...docs.flatMap((d) => [d.title, documentText(d)])].join('\n'),
  );
  for (const span of facts.noise) {
    const ok = !everything.includes(flatten(span));
    f.noise.total++;
    if (ok) f.noise.right++;
    else fail.survivingNoise.push(span);
  }

  f.title = check(doc?.title === truth.title);
  if (f.title.right === 0) fail.title = { want: truth.title, got: doc?.title ?? null };
  f.genre = check(doc !== undefined && doc.genre === truth.genre);
  if (f.genre.right === 0) fail.genre = { want: truth.genre, got: doc?.genre ?? null };

  const got: OutlineFact[] = docs.flatMap((d) => d.outline.map((o): OutlineFact => [o.level, o.text]));
  const aligned = alignOutline(got, truth.outline);
  f.outline = { matched: aligned.matched, parsed: got.length, truth: truth.outline.length };
  fail.outlineMissing = aligned.missing;
  fail.outlineExtra = aligned.extra;

  const paidProblem = parsed ? scorePaid(facts.paid, docs) : 'page rejected';
  f.paid = check(paidProblem === undefined);
  if (paidProblem !== undefined) fail.paid = paidProblem;

  for (const field of ['subtitle', 'signature'] as const) {
    const want = bare(truth[field]);
    const have = bare(doc?.[field]);
    if (want === null && have === null) continue;
    f.subtitleSignature.total++;
    if (want === have) f.subtitleSignature.right++;
    else fail.subtitleSignature.push(`${field}: want ${JSON.stringify(want)}, got ${JSON.stringify(have)}`);
  }

  for (const field of ['publishedAt', 'source', 'author'] as const) {
    const want = facts.meta[field];
    if (want === undefined) continue;
    const have = doc?.[field] ?? null;
    f.metadata.total++;
    if (want === have) f.metadata.right++;
    else fail.metadata.push(`${field}: want ${JSON.stringify(want)}, got ${JSON.stringify(have)}`);
  }
  return { figures: f, failures: fail };
}
