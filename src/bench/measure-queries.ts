import type { BenchQuery } from './engine.js';
import type { ClassFigures, EngineFigures, QueryFigures } from './report.js';
import { median, percentile, time } from './stats.js';

/** Timed runs of each query; a figure is their median. */
const REPEAT = 3;
/** Untimed passes over the whole set before the timed ones. */
const WARM_PASSES = 3;

/**
 * One engine's figures over the query set: per class the p50/p95/max of count and top-20 (each the median of
 * REPEAT runs), and every run of every query. Each query's hit count goes into `counts` under the engine's
 * name, so the run can fail when engines disagree.
 */
export async function measureQueries(
  name: string,
  queries: readonly BenchQuery[],
  count: (q: BenchQuery) => Promise<number>,
  top: ((q: BenchQuery, n: number) => Promise<number>) | null,
  counts: Map<string, Record<string, number>>,
): Promise<Pick<EngineFigures, 'classes' | 'queries'>> {
  const byClass = new Map<string, { count: number[]; top: number[] }>();
  const perQuery: QueryFigures[] = [];
  // Untimed passes first, as a serving process has run before its next query: compiled code and the
  // system's file cache warm for every engine alike (cold start is measured on its own). Several, so that
  // functions called once a query are compiled before the timed runs too.
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    for (const q of queries) {
      await count(q);
      if (top) await top(q, 20);
    }
  }
  for (const q of queries) {
    const key = `${q.text}|${q.scope}|${q.genre ?? ''}|${q.punctuation ?? ''}`;
    const countTimes: number[] = [];
    const topTimes: number[] = [];
    let n = 0;
    for (let r = 0; r < REPEAT; r++) {
      const [c, ms] = await time(() => count(q));
      n = c;
      countTimes.push(ms);
      if (top) topTimes.push((await time(() => top(q, 20)))[1]);
    }
    counts.set(key, { ...(counts.get(key) ?? {}), [name]: n });
    perQuery.push({
      text: q.text,
      class: q.class,
      scope: q.scope,
      ...(q.genre !== undefined ? { genre: q.genre } : {}),
      countMs: countTimes,
      topMs: topTimes,
    });
    const entry = byClass.get(q.class) ?? { count: [], top: [] };
    entry.count.push(median(countTimes));
    if (top) entry.top.push(median(topTimes));
    byClass.set(q.class, entry);
  }
  const out: Record<string, ClassFigures> = {};
  for (const [cls, e] of byClass) {
    out[cls] = {
      queries: e.count.length,
      countP50Ms: percentile(e.count, 50),
      countP95Ms: percentile(e.count, 95),
      countMaxMs: Math.max(...e.count),
      topP50Ms: percentile(e.top, 50),
      topP95Ms: percentile(e.top, 95),
      topMaxMs: e.top.length ? Math.max(...e.top) : 0,
    };
  }
  return { classes: out, queries: perQuery };
}
