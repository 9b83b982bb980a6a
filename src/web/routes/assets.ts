import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';

const ASSETS: Readonly<Record<string, string>> = {
  'site.css': 'text/css; charset=utf-8',
  'site.js': 'text/javascript; charset=utf-8',
};

/** The assets, read once at start (copied beside the compiled server by the build). */
function load(): Map<string, Buffer> {
  return new Map(
    Object.keys(ASSETS).map((name) => [name, readFileSync(new URL(`../assets/${name}`, import.meta.url))]),
  );
}

/** /assets/site.css and /assets/site.js: one stylesheet and one small script, cached (their URLs carry a version). */
export function mountAssets(app: Hono): void {
  const files = load();
  app.get('/assets/:name', (c) => {
    const name = c.req.param('name');
    const body = files.get(name);
    if (body === undefined) return c.notFound();
    return c.body(new Uint8Array(body), 200, {
      'content-type': ASSETS[name]!,
      'cache-control': 'public, max-age=86400',
    });
  });
}
