import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An outline fact: the level and the text the heading must start with. */
export type OutlineFact = [number, string];

/** What a correct parse of one corpus document finds (truth.json). */
export interface Truth {
  title: string;
  genre: string | null;
  year: number | null;
  subtitle: string | null;
  signature: string | null;
  outline: OutlineFact[];
}

/** One real document of the corpus: its lines as published (line 1 the title) and its truth. */
export interface Fixture {
  file: string;
  lines: string[];
  truth: Truth;
}

/** The lines after the title: what the page must carry and the parse must keep. */
export function contentLines(fixture: Fixture): string[] {
  return fixture.lines.slice(1);
}

/** Splits a text into lines, dropping blank ones (the corpus has one paragraph a line). */
export function fixtureLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim().length > 0);
}

/** `eval/corpus` of the package: dist/eval/fixture.js → ../../eval/corpus. */
export function defaultCorpusDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'eval', 'corpus');
}

function truthOf(raw: Partial<Truth> | undefined, firstLine: string): Truth {
  return {
    title: raw?.title ?? firstLine.trim(),
    genre: raw?.genre ?? null,
    year: raw?.year ?? null,
    subtitle: raw?.subtitle ?? null,
    signature: raw?.signature ?? null,
    outline: raw?.outline ?? [],
  };
}

/** Reads the corpus: every document truth.json names whose file is there, in file order. */
export function readCorpus(dir: string): Fixture[] {
  const truthPath = join(dir, 'truth.json');
  if (!existsSync(truthPath)) throw new Error(`no truth.json in ${dir}`);
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { documents?: Record<string, Partial<Truth>> };
  const fixtures: Fixture[] = [];
  for (const file of Object.keys(truth.documents ?? {}).sort()) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const lines = fixtureLines(readFileSync(path, 'utf8'));
    if (lines.length < 2) continue;
    fixtures.push({ file, lines, truth: truthOf(truth.documents?.[file], lines[0]!) });
  }
  return fixtures;
}
