import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { BenchQuery } from './engine.js';
import { LatencySamples } from './latency-samples.js';

/** Requests a second and latency of one endpoint under a fixed number of connections. */
export interface HttpFigures {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and answers other than 2xx: none in a sound run. */
  failures: number;
  /**
   * The server process's CPU time per request (user and system), where it can be read (Linux): on two cores
   * the load generator shares the machine, and parsing bigger answers slows it, so req/s alone mixes its cost in.
   */
  serverCpuUsPerRequest?: number;
}

/** The CPU time a process has used so far (Linux /proc, in ms); null where it cannot be read. */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SEC;
  } catch {
    return null;
  }
}

/** USER_HZ, 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SEC = 100;

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
  serverPid: number | null = null,
): Promise<HttpFigures> {
  const cpuBefore = serverPid === null ? null : processCpuMs(serverPid);
  const tracker = autocannon({
    url: baseUrl,
    connections: o.connections,
    duration: o.seconds,
    headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  // autocannon's histogram keeps whole milliseconds: at 8 ms a 10% band is under one. Each answer's own
  // latency comes in fractional ms, and the percentiles are read off those.
  const latencies = new LatencySamples();
  tracker.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.add(ms);
  });
  const r = await tracker;
  const cpuAfter = serverPid === null ? null : processCpuMs(serverPid);
  return {
    requests: r.requests.total,
    requestsPerSec: r.requests.total / r.duration,
    p50Ms: latencies.quantile(0.5) ?? r.latency.p50,
    p99Ms: latencies.quantile(0.99) ?? r.latency.p99,
    failures: r.errors + r.timeouts + r.non2xx,
    ...(cpuBefore !== null && cpuAfter !== null && r.requests.total > 0
      ? { serverCpuUsPerRequest: ((cpuAfter - cpuBefore) * 1000) / r.requests.total }
      : {}),
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
 * to /dev/null (written all the same, as a served library writes it); its inbox is `inboxDir` (by default an
 * empty folder beside the library file), not ./data/inbox of wherever the benchmark runs.
 */
export async function spawnSucaiServer(
  dbPath: string,
  inboxDir = join(dirname(dbPath), 'http-bench-inbox'),
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [WEB_MAIN, '--port', '0'], {
    env: {
      ...process.env,
      SUCAI_DB: dbPath,
      SUCAI_INBOX: inboxDir,
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

/**
 * Each path asked once, one after another: compiled code and caches as a serving process has them. The
 * answers' texts, in order.
 */
export async function warm(
  baseUrl: string,
  paths: readonly string[],
  headers: Record<string, string> = {},
): Promise<string[]> {
  const texts: string[] = [];
  for (const path of paths) {
    const r = await fetch(`${baseUrl}${path}`, { headers });
    const text = await r.text();
    if (!r.ok) throw new Error(`${baseUrl}${path}: ${r.status} ${text.slice(0, 200)}`);
    texts.push(text);
  }
  return texts;
}
