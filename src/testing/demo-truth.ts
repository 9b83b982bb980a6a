import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentText } from '../core/document.js';
import type { StoredDocument } from '../storage/store.js';

/** The demo collection that ships in the repository (`demo/`), found from dist/testing/ or src/testing/. */
export function demoDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'demo');
}

export interface SignatureFact {
  /** The organ lines signed, in order: each is in the signature and none stays a paragraph. */
  lines: string[];
  /** The date line under them, which stays no paragraph either. */
  date: string;
}

/** What one document (or one article of a compilation) is. */
export interface DocumentFacts {
  title?: string;
  genre?: string;
  year?: number;
  subtitle?: string;
  /** Outline entries: numbered headings, 一是 items and lead headings. */
  outline?: number;
  paid?: boolean;
  placeholders?: string[];
  signature?: SignatureFact;
  startsWith?: string;
  mustContain?: string[];
  /** Lead headings that form one parallel set (siblings at one level). */
  leads?: string[];
}

export interface FileFacts extends DocumentFacts {
  site?: string;
  encoding?: string;
  /** This file repeats another's body under its own title: a source of that document, not a document. */
  repostOf?: string;
  compilation?: { title: string; articles: DocumentFacts[] };
}

export interface KnownGap {
  file: string;
  /** 1-based article of a compilation. */
  article?: number;
  /** A field of DocumentFacts, or 'chrome' (expected: a planted string that is still in the text). */
  field: keyof DocumentFacts | 'chrome';
  expected: unknown;
  note: string;
}

export interface DemoTruth {
  chrome: string[];
  documents: Record<string, FileFacts>;
  knownGaps: KnownGap[];
}

export function demoTruth(): DemoTruth {
  return JSON.parse(readFileSync(join(demoDir(), 'truth.json'), 'utf8')) as DemoTruth;
}

/** Everything a reader is shown of a document as its own words: title, frame and text. */
function shownText(doc: StoredDocument): string {
  const p = doc.parsed;
  return [p.title, p.subtitle ?? '', p.signature ?? '', documentText(p)].join('\n');
}

/** True when a planted chrome string is nowhere in what the document shows. */
export function chromeAbsent(doc: StoredDocument, chrome: string): boolean {
  return !shownText(doc).includes(chrome);
}

function signatureHolds(doc: StoredDocument, fact: SignatureFact): boolean {
  const paragraphs = new Set(doc.parsed.paragraphs.map((p) => p.text));
  const signature = doc.parsed.signature ?? '';
  return fact.lines.every((l) => signature.includes(l) && !paragraphs.has(l)) && !paragraphs.has(fact.date);
}

function leadsAreSiblings(doc: StoredDocument, leads: readonly string[]): boolean {
  const entries = leads.map((l) => doc.parsed.outline.find((o) => o.text === l));
  if (entries.some((e) => e === undefined || e.kind !== 'lead')) return false;
  return new Set(entries.map((e) => e!.level)).size === 1;
}

/** Whether one fact of DocumentFacts holds for the stored document, with what sucai made of it. */
export function checkFact(
  doc: StoredDocument,
  field: keyof DocumentFacts,
  expected: unknown,
): { holds: boolean; actual: unknown } {
  const p = doc.parsed;
  switch (field) {
    case 'title':
      return { holds: p.title === expected, actual: p.title };
    case 'genre':
      return { holds: p.genre === expected, actual: p.genre };
    case 'year':
      return { holds: p.year === expected, actual: p.year };
    case 'subtitle':
      return { holds: p.subtitle === expected, actual: p.subtitle };
    case 'outline':
      return { holds: p.outline.length === expected, actual: p.outline.map((o) => `${o.level} ${o.text}`) };
    case 'paid':
      return { holds: (p.freeChars !== null) === expected, actual: p.freeChars };
    case 'placeholders': {
      const found = new Set(p.placeholders.map((ph) => ph.text));
      return { holds: (expected as string[]).every((e) => found.has(e)), actual: [...found] };
    }
    case 'signature':
      return { holds: signatureHolds(doc, expected as SignatureFact), actual: [p.signature, p.publishedAt] };
    case 'startsWith':
      return { holds: documentText(p).startsWith(expected as string), actual: documentText(p).slice(0, 60) };
    case 'mustContain':
      return { holds: (expected as string[]).every((s) => documentText(p).includes(s)), actual: null };
    case 'leads':
      return { holds: leadsAreSiblings(doc, expected as string[]), actual: p.outline };
  }
}
