import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { BenchQuery } from './engine.js';

/** Requests a second and latency of one endpoint under a fixed number of connections. */
export interface HttpFigures {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and answers other than 2xx: none in a sound run. */
  failures: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
}

/**
 * Loads `baseUrl` with autocannon for `seconds` over `connections` keep-alive connections, each cycling
 * through `paths` in order (so every connection asks the whole query set, not one cached answer); `headers`
 * on every request (a session cookie: the figures of a signed-in reader).
 */
export async function loadPaths(
  baseUrl: string,
  paths: readonly string[],
  o: LoadOptions,
  headers: Record<string, string> = {},
): Promise<HttpFigures> {
  const r = await autocannon({
    url: baseUrl,
    connections: o.connections,
    duration: o.seconds,
    headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    requests: r.requests.total,
    requestsPerSec: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    failures: r.errors + r.timeouts + r.non2xx,
  };
}

/** sucai's search API for each query, URL-encoded; exact punctuation, as the peers search. */
export function sucaiSearchPaths(queries: readonly BenchQuery[]): string[] {
  return queries.map((q) => {
    const params = new URLSearchParams({ q: q.text, scope: q.scope, punct: q.punctuation ?? 'exact' });
    if (q.genre !== undefined) params.set('genre', q.genre);
    return `/api/search?${params.toString()}`;
  });
}

export interface SpawnedServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const WEB_MAIN = fileURLToPath(new URL('../web/main.js', import.meta.url));

/**
 * `node dist/web/main.js` on a free loopback port over the library file `dbPath`, in a process of its own so
 * the load generator does not share its event loop; resolves once `/healthz` answers. Its access log goes
 * to /dev/null (written all the same, as a served library writes it); its inbox is an empty folder beside the
 * library file, not ./data/inbox of wherever the benchmark runs.
 */
export async function spawnSucaiServer(dbPath: string): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [WEB_MAIN, '--port', '0'], {
    env: {
      ...process.env,
      SUCAI_DB: dbPath,
      SUCAI_INBOX: join(dirname(dbPath), 'http-bench-inbox'),
      HOST: '127.0.0.1',
      SUCAI_DEMO: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let said = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      said += chunk;
      const m = /at (http:\/\/\S+)/.exec(said);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`sucai server exited (${code}) before listening: ${said.trim()}`)));
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i >= 100) throw new Error(`sucai server at ${url}: /healthz did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      // Its own pid only, SIGTERM: the server finishes what is in flight and closes the library.
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
