import { Agent, request } from 'node:http';
import type { HttpFigures, LoadOptions } from './http-load.js';
import { percentile } from './stats.js';

/** One GET through `agent`, resolved with its status once the whole body has come. */
function get(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A closed-loop load of `connections` clients, each sending its next request when the last has answered,
 * cycling through `paths`. Node's keep-alive agent keeps a connection while the server does and opens a new
 * one when it closes: Groonga's HTTP server answers every request with `Connection: close`, which autocannon
 * does not survive (it counts resets and misses responses), so the two servers are compared through this.
 * Runs for `o.seconds`, or, given `until`, until it settles (a load beside other work).
 */
export async function closedLoop(
  baseUrl: string,
  paths: readonly string[],
  o: LoadOptions,
  until?: Promise<unknown>,
): Promise<HttpFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const urls = paths.map((p) => new URL(p, baseUrl));
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  let stopped = false;
  const stop = (): void => void (stopped = true);
  until?.then(stop, stop);
  const deadline = until === undefined ? started + o.seconds * 1000 : Infinity;
  const client = async (k: number): Promise<void> => {
    for (let i = k; !stopped && performance.now() < deadline; i++) {
      const t = performance.now();
      try {
        const status = await get(agent, urls[i % urls.length]!);
        if (status < 200 || status > 299) failures++;
        else latencies.push(performance.now() - t);
      } catch {
        failures++;
      }
    }
  };
  // Each client starts at its own place in the list, so they do not ask the same query at the same moment.
  await Promise.all(
    Array.from({ length: o.connections }, (_, k) => client(Math.floor((k * urls.length) / o.connections))),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    requestsPerSec: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failures,
  };
}
