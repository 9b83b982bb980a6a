import { randomInt } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedLoop } from './closed-loop.js';
import type { BenchDoc, BenchQuery } from './engine.js';
import { spawnSucaiServer, sucaiSearchPaths, warm, type HttpFigures, type LoadOptions } from './http-load.js';
import type { GroongaEngine } from './peers/groonga.js';

/** A daily update taken by a serving process while its search API is under load. */
export interface DailyUnderLoad {
  documents: number;
  /** From the files' arrival (sucai: moved into the inbox; Groonga: its load sent) until searchable. */
  ms: number;
  /** The search load meanwhile (closed loop, the HTTP load's connections). */
  search: HttpFigures;
}

/** The search load runs this long before the files arrive, as they arrive at a server already answering. */
const LOAD_FIRST_MS = 500;

/** A daily update not searchable after this long has failed (a rejected probe would wait for ever). */
const PROBE_GIVEN_UP_MS = 300_000;

/** A run of common characters no generated file holds, so the probe is found only once it is searchable. */
function probeText(): string {
  const pool = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
  return Array.from({ length: 12 }, () => pool[randomInt(pool.length)]).join('');
}

/**
 * sucai's server (a process of its own over `dbPath`) under the search load while the folder `files` is moved
 * into its inbox, as a sync tool delivers a day's files; searchable when a probe file, named to sort last and
 * so written in the run's last batch, is found through the search API.
 */
export async function sucaiDailyUnderLoad(
  dbPath: string,
  files: string,
  inboxDir: string,
  queries: readonly BenchQuery[],
  o: LoadOptions,
): Promise<DailyUnderLoad> {
  const probe = probeText();
  // In the title, which every reader may search (a body's paid part a guest's search would not find).
  writeFileSync(
    join(files, '~探针.txt'),
    `关于基准探针${probe}的通知\n\n${'这是每日更新的一份探针文件，随当日文件一并收录。\n\n'.repeat(3)}`,
  );
  const server = await spawnSucaiServer(dbPath, inboxDir);
  try {
    const paths = sucaiSearchPaths(queries);
    await warm(server.url, paths);
    const before = await documentCount(server.url);
    const probePath = `${server.url}/api/search?${new URLSearchParams({ q: probe, punct: 'exact' }).toString()}`;
    let searchable: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => (searchable = resolve));
    const load = closedLoop(server.url, paths, o, taken);
    await new Promise((r) => setTimeout(r, LOAD_FIRST_MS));
    const started = performance.now();
    mkdirSync(inboxDir, { recursive: true });
    renameSync(files, join(inboxDir, 'daily'));
    for (;;) {
      const found = (await (await fetch(probePath)).json()) as { total: number };
      if (found.total > 0) break;
      if (performance.now() - started > PROBE_GIVEN_UP_MS) {
        searchable();
        throw new Error(`daily under load: the probe file was not searchable after ${PROBE_GIVEN_UP_MS / 1000} s`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - started;
    searchable();
    return { documents: (await documentCount(server.url)) - before, ms, search: await load };
  } finally {
    await server.stop();
  }
}

async function documentCount(url: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { documents: number }).documents;
}

/** Groonga's server under the same search load while it loads the same files' cleaned documents. */
export async function groongaDailyUnderLoad(
  groonga: GroongaEngine,
  docs: readonly BenchDoc[],
  queries: readonly BenchQuery[],
  o: LoadOptions,
): Promise<DailyUnderLoad> {
  let loaded: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (loaded = resolve));
  const load = closedLoop(
    groonga.url,
    queries.map((q) => groonga.topPath(q, 20)),
    o,
    done,
  );
  await new Promise((r) => setTimeout(r, LOAD_FIRST_MS));
  const { ms } = await groonga.add(docs);
  loaded();
  return { documents: docs.length, ms, search: await load };
}
