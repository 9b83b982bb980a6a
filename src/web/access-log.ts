import type { MiddlewareHandler } from 'hono';

/** One structured log line: an object the server writes as a JSON line. */
export type LogEntry = Record<string, unknown>;
export type Log = (entry: LogEntry) => void;

/** Writes each entry as one JSON line on stdout (what `npm start` logs). */
export const jsonLines: Log = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** One line per request: method, path (without the query, which may hold what a reader searched), status, ms. */
export function accessLog(log: Log): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log({
      event: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
