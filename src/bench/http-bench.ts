import { closedLoop } from './closed-loop.js';
import type { DailyUnderLoad } from './daily-http.js';
import type { BenchQuery } from './engine.js';
import {
  loadPaths,
  spawnSucaiServer,
  sucaiSearchPaths,
  warm,
  type HttpFigures,
  type LoadOptions,
} from './http-load.js';
import type { GroongaEngine } from './peers/groonga.js';

/** The HTTP figures of one benchmark run: sucai's search API and document page, Groonga's select. */
export interface HttpRun {
  connections: number;
  seconds: number;
  /** Queries in the set each connection cycles through, and document pages likewise. */
  queries: number;
  documentPages: number;
  /** autocannon's figures. */
  sucaiSearch: HttpFigures;
  sucaiDocument: HttpFigures;
  /** The search API again through the closed-loop client Groonga is loaded with (see closed-loop.ts). */
  sucaiSearchClosedLoop: HttpFigures;
  /** Through the closed-loop client; null when Groonga is not installed or not asked for. */
  groongaSearch: HttpFigures | null;
  /** The search API and document pages again as a signed-in VIP (its session cookie on every request). */
  vipSearch?: HttpFigures;
  vipDocument?: HttpFigures;
  /** A daily update taken by each server while its search API is under this load (see daily-http.ts). */
  dailyUnderLoad?: { sucai: DailyUnderLoad; groonga: DailyUnderLoad | null };
}

/** Whether any request of the run failed: a sound run has none. */
export function httpFailed(run: HttpRun): boolean {
  return [
    run.sucaiSearch,
    run.sucaiDocument,
    run.sucaiSearchClosedLoop,
    run.groongaSearch,
    run.vipSearch,
    run.vipDocument,
    run.dailyUnderLoad?.sucai.search,
    run.dailyUnderLoad?.groonga?.search,
  ].some((f) => f !== null && f !== undefined && f.failures > 0);
}

/** At most this many document pages, spread over the library, so the cache does not hold just one. */
const DOCUMENT_PAGES = 200;

/** Document ids spread evenly over `ids`. */
export function spreadIds(ids: readonly number[], n = DOCUMENT_PAGES): number[] {
  if (ids.length <= n) return [...ids];
  return Array.from({ length: n }, (_, k) => ids[Math.floor((k * ids.length) / n)]!);
}

/** The paywall's invitation, on a document page a reader without access gets. */
const PAYWALL = 'class="paywall"';

/**
 * Fails unless the VIP's answers are a VIP's: no document page with the paywall's invitation (and the guest's
 * with it on some), and a search counting paid text (more hits than the guest's on some query). Otherwise the
 * figures would be of guest pages under a cookie.
 */
export function assertVipAnswers(
  guest: { documents: readonly string[]; searches: readonly string[] },
  vip: { documents: readonly string[]; searches: readonly string[] },
): void {
  if (vip.documents.some((page) => page.includes(PAYWALL)))
    throw new Error('VIP load: a document page shows the paywall');
  if (!guest.documents.some((page) => page.includes(PAYWALL))) {
    throw new Error('VIP load: no document page has a paid part, so the VIP figures would not differ from a guest');
  }
  const total = (json: string): number => (JSON.parse(json) as { total: number }).total;
  if (!vip.searches.some((json, k) => total(json) > total(guest.searches[k]!))) {
    throw new Error('VIP load: no search finds more as VIP than as guest: the session is not in force');
  }
}

export interface SucaiHttpFigures {
  search: HttpFigures;
  searchClosedLoop: HttpFigures;
  document: HttpFigures;
  vipSearch?: HttpFigures;
  vipDocument?: HttpFigures;
}

/** Rounds of guest and VIP loads, taken in turn. */
const ROUNDS = 3;

/**
 * The same paths loaded as a guest and as a VIP in turn, ROUNDS times, and each one's median round (by req/s):
 * this machine's speed swings within minutes, and a ratio of two loads minutes apart measured the swing.
 */
async function alternated(
  server: { url: string; pid: number },
  paths: readonly string[],
  o: LoadOptions,
  vipHeaders: Record<string, string>,
): Promise<{ guest: HttpFigures; vip: HttpFigures }> {
  const guest: HttpFigures[] = [];
  const vip: HttpFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    guest.push(await loadPaths(server.url, paths, o, {}, server.pid));
    vip.push(await loadPaths(server.url, paths, o, vipHeaders, server.pid));
  }
  return { guest: medianRound(guest), vip: medianRound(vip) };
}

function medianRound(rounds: readonly HttpFigures[]): HttpFigures {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  // A failure in any round is a failure of the figure.
  return { ...median, failures: rounds.reduce((n, r) => n + r.failures, 0) };
}

/**
 * sucai's web server over the library file `dbPath` in a process of its own, loaded on its search API (the
 * queries) and on document pages (`documentIds`), as a guest and then, given `vipHeaders` (a VIP's session
 * cookie), as that VIP; the server stopped after.
 */
export async function sucaiHttp(
  dbPath: string,
  queries: readonly BenchQuery[],
  documentIds: readonly number[],
  o: LoadOptions,
  vipHeaders: Record<string, string> | null = null,
): Promise<SucaiHttpFigures> {
  const server = await spawnSucaiServer(dbPath);
  try {
    const searchPaths = sucaiSearchPaths(queries);
    const documentPaths = documentIds.map((id) => `/documents/${id}`);
    const guest = { searches: await warm(server.url, searchPaths), documents: await warm(server.url, documentPaths) };
    const searchClosedLoop = await closedLoop(server.url, searchPaths, o);
    if (vipHeaders === null) {
      const search = await loadPaths(server.url, searchPaths, o, {}, server.pid);
      return { search, searchClosedLoop, document: await loadPaths(server.url, documentPaths, o, {}, server.pid) };
    }
    const vip = {
      searches: await warm(server.url, searchPaths, vipHeaders),
      documents: await warm(server.url, documentPaths, vipHeaders),
    };
    assertVipAnswers(guest, vip);
    const searches = await alternated(server, searchPaths, o, vipHeaders);
    const documents = await alternated(server, documentPaths, o, vipHeaders);
    return {
      search: searches.guest,
      searchClosedLoop,
      document: documents.guest,
      vipSearch: searches.vip,
      vipDocument: documents.vip,
    };
  } finally {
    await server.stop();
  }
}

/**
 * Groonga's own HTTP server answering the same queries with the select its peer sends for a top 20, through
 * the closed-loop client (it closes every connection, which autocannon cannot follow).
 */
export async function groongaHttp(
  groonga: GroongaEngine,
  queries: readonly BenchQuery[],
  o: LoadOptions,
): Promise<HttpFigures> {
  const paths = queries.map((q) => groonga.topPath(q, 20));
  await warm(groonga.url, paths);
  return closedLoop(groonga.url, paths, o);
}
