/** The benchmark's figures and how they are printed on the terminal. */
import { DAILY_FILES, type DailyFigures } from './daily.js';

const log = (s: string): boolean => process.stderr.write(`${s}\n`);

export interface ClassFigures {
  queries: number;
  countP50Ms: number;
  countP95Ms: number;
  countMaxMs: number;
  topP50Ms: number;
  topP95Ms: number;
  topMaxMs: number;
}

export interface EngineFigures {
  installed: boolean;
  ingestCharsPerSec: number;
  indexBytes: number;
  /** Whole database on disk (sucai keeps texts and original files too). */
  dbBytes?: number;
  textBytes: number;
  peakRssBytes: number;
  coldStartMs?: number;
  classes: Record<string, ClassFigures>;
  /** Every timed run of every query (ms), so one slow query behind a class figure can be found. */
  queries?: QueryFigures[];
  /** A peer's daily updates (sucai's are the result's own `daily`). */
  daily?: DailyFigures[];
}

export interface QueryFigures {
  text: string;
  class: string;
  scope: string;
  genre?: string;
  countMs: number[];
  topMs: number[];
}

/** A figure to three significant digits or so. */
export const f1 = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The engines' ingest, index and latency figures by query class, with peer / sucai ratios. */
export function printTable(engines: Record<string, EngineFigures>, classes: string[]): void {
  const names = Object.keys(engines).filter((n) => engines[n]!.installed);
  const su = engines['sucai']!;
  const ratio = (a: number, b: number): string => (a > 0 && b > 0 ? `${f1(b / a)}×` : '-');
  log('');
  log(
    `text: ${(su.textBytes / 1e6).toFixed(1)} MB UTF-8; sucai database ${((su.dbBytes ?? 0) / 1e6).toFixed(1)} MB ` +
      `in all (index, texts, original files), cold start ${f1(su.coldStartMs ?? 0)} ms`,
  );
  log(
    `${'engine'.padEnd(14)} ${'ingest chars/s'.padStart(15)} ` +
      `${'index/text'.padStart(11)} ${'peak RSS MB'.padStart(12)}`,
  );
  for (const n of names) {
    const e = engines[n]!;
    const rate = (e.ingestCharsPerSec ? Math.round(e.ingestCharsPerSec).toLocaleString('en-US') : '-').padStart(15);
    const index = (e.indexBytes ? (e.indexBytes / e.textBytes).toFixed(2) + '×' : '-').padStart(11);
    log(`${n.padEnd(14)} ${rate} ${index} ${(e.peakRssBytes / 1e6).toFixed(0).padStart(12)}`);
  }
  log('');
  log(`latency ms (p50 / p95 / max), count and top-20 with snippets; ratio = peer / sucai at p95`);
  log(`${'class'.padEnd(9)} ${names.map((n) => `${n} count`.padStart(26) + `${n} top`.padStart(24)).join('')}`);
  for (const cls of classes) {
    const cells = names.map((n) => {
      const c = engines[n]!.classes[cls];
      if (!c) return ''.padStart(50);
      const r = n === 'sucai' ? '' : ` ${ratio(su.classes[cls]!.countP95Ms, c.countP95Ms)}`;
      const rt = n === 'sucai' || c.topP95Ms === 0 ? '' : ` ${ratio(su.classes[cls]!.topP95Ms, c.topP95Ms)}`;
      const top = c.topP95Ms ? `${f1(c.topP50Ms)}/${f1(c.topP95Ms)}/${f1(c.topMaxMs)}${rt}` : '-';
      return `${f1(c.countP50Ms)}/${f1(c.countP95Ms)}/${f1(c.countMaxMs)}${r}`.padStart(26) + top.padStart(24);
    });
    log(`${cls.padEnd(9)} ${cells.join('')}`);
  }
}

/** sucai's daily updates beside each peer's on the same files (sucai's 'next' beside searches, 'quiet' without). */
export function printDaily(daily: readonly DailyFigures[], engines: Record<string, EngineFigures>): void {
  if (daily.length === 0) return;
  const peers = Object.keys(engines).filter((n) => (engines[n]!.daily?.length ?? 0) > 0);
  const cell = (d: DailyFigures | undefined): string =>
    d === undefined
      ? '-'
      : d.queriesDuring > 0
        ? `${(d.ms / 1000).toFixed(2)} s, p95 ${f1(d.idleTopP95Ms)}/${f1(d.duringTopP95Ms)} ms`
        : `${(d.ms / 1000).toFixed(2)} s`;
  log('');
  log(
    `daily updates of ${DAILY_FILES} new files (new documents each): searchable after; top-20 p95 idle/during; ` +
      'ratio = peer / sucai time',
  );
  log(`${'run'.padEnd(16)} ${'sucai'.padStart(30)}${peers.map((n) => n.padStart(38)).join('')}`);
  for (const d of daily) {
    const cells = peers.map((n) => {
      const p = engines[n]!.daily!.find((x) => x.run === d.run);
      return `${cell(p)}${p ? ` ${f1(p.ms / d.ms)}×` : ''}`.padStart(38);
    });
    log(`${`${d.run} (${d.documents})`.padEnd(16)} ${cell(d).padStart(30)}${cells.join('')}`);
  }
}
