import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a real page must come out as: its title and genre, the document's lines, the page's own lines. */
export interface RealPageTruth {
  title: string;
  genre: string | null;
  /** The document's lines under its title, as the page's content element holds them. */
  content: string[];
  /** Lines only the page prints (navigation, field tables, toolbars, footers): none may survive. */
  noise: string[];
  paid: { lastFreeParagraph: string; firstPaidParagraph: string } | null;
}

export interface RealPage {
  file: string;
  html: string;
  truth: RealPageTruth;
}

/** `eval/real` of the package: dist/eval/real-pages.js → ../../eval/real. */
export function realPagesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'eval', 'real');
}

/** Every page truth.json names, in file order. */
export function readRealPages(dir = realPagesDir()): RealPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as {
    documents: Record<string, RealPageTruth>;
  };
  return Object.keys(truth.documents)
    .sort()
    .map((file) => ({ file, html: readFileSync(join(dir, file), 'utf8'), truth: truth.documents[file]! }));
}
