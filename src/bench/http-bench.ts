import { closedLoop } from './closed-loop.js';
import type { BenchQuery } from './engine.js';
import { loadPaths, spawnSucaiServer, sucaiSearchPaths, type HttpFigures, type LoadOptions } from './http-load.js';
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
}

/** At most this many document pages, spread over the library, so the cache does not hold just one. */
const DOCUMENT_PAGES = 200;

/** Document ids spread evenly over `ids`. */
export function spreadIds(ids: readonly number[], n = DOCUMENT_PAGES): number[] {
  if (ids.length <= n) return [...ids];
  return Array.from({ length: n }, (_, k) => ids[Math.floor((k * ids.length) / n)]!);
}

/** Each path asked once, one after another: compiled code and caches as a serving process has them. */
async function warm(baseUrl: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const r = await fetch(`${baseUrl}${path}`);
    if (!r.ok) throw new Error(`${baseUrl}${path}: ${r.status} ${(await r.text()).slice(0, 200)}`);
    await r.arrayBuffer();
  }
}

/**
 * sucai's web server over the library file `dbPath` in a process of its own, loaded on its search API (the
 * queries) and on document pages (`documentIds`); the server stopped after.
 */
export async function sucaiHttp(
  dbPath: string,
  queries: readonly BenchQuery[],
  documentIds: readonly number[],
  o: LoadOptions,
): Promise<{ search: HttpFigures; searchClosedLoop: HttpFigures; document: HttpFigures }> {
  const server = await spawnSucaiServer(dbPath);
  try {
    const searchPaths = sucaiSearchPaths(queries);
    const documentPaths = documentIds.map((id) => `/documents/${id}`);
    await warm(server.url, searchPaths);
    await warm(server.url, documentPaths);
    const search = await loadPaths(server.url, searchPaths, o);
    const searchClosedLoop = await closedLoop(server.url, searchPaths, o);
    const document = await loadPaths(server.url, documentPaths, o);
    return { search, searchClosedLoop, document };
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
