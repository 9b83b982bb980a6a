import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { webFixture } from '../testing/web-fixture.js';

const fixture = webFixture();

const PATHS = [
  '/',
  '/search',
  '/api/search',
  '/api/suggest',
  '/updates',
  '/api/updates',
  '/browse',
  '/api/documents',
  '/feed.atom',
  '/documents/1',
  '/api/documents/1',
  '/documents/1/download.txt',
  '/documents/1/outline',
];
const KEYS = ['q', 'scope', 'genre', 'year', 'tag', 'paid', 'sort', 'punct', 'page', 'outline', 'level', 'limit'];

/** Values a client might send: words with query syntax, numbers out of range, junk and broken escapes. */
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('走深走实', '"', '-', '""', '-"a b"', '%', '%E4%B', '%zz', '\u0000', '学思想，强党性', '…'),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
  fc.constantFrom('all', 'outline', 'sentence', 'newest', 'free', 'paid', 'exact', 'any', '1', '0', 'NaN', '1e3'),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

function encode(v: string): string {
  // Sometimes sent raw (a broken escape stays broken), mostly encoded.
  return /^%/.test(v) ? v : encodeURIComponent(v);
}

it('answers every query string without a server error, errors in the one shape', async () => {
  const { app } = await fixture;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...PATHS),
      fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 5 }),
      async (path, params) => {
        const qs = params.map(([k, v]) => `${k}=${encode(v)}`).join('&');
        const res = await app.request(qs === '' ? path : `${path}?${qs}`);
        // A guest's download of a document asks it to log in (401): the parameters are checked first.
        const expected = path.includes('/download.') ? [200, 400, 401, 404] : [200, 400, 404];
        assert.ok(expected.includes(res.status), `${path}?${qs}: ${res.status}`);
        if (res.status !== 200 && path.startsWith('/api/')) {
          const body = (await res.json()) as { error: { code: string; message: string } };
          assert.equal(typeof body.error.code, 'string');
          assert.match(body.error.message, /[\u4e00-\u9fff]/);
        } else {
          await res.arrayBuffer();
        }
      },
    ),
    { numRuns: 400, seed: 25 },
  );
});

it('answers odd paths and methods without a server error', async () => {
  const { app } = await fixture;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD'),
      fc.oneof(
        fc.constantFrom('/documents/', '/documents//outline', '/api/documents/%20', '/api/', '/assets/../x', '/%E4%B'),
        fc.string({ maxLength: 40 }).map((s) => `/documents/${encodeURIComponent(s)}`),
        fc.string({ maxLength: 40 }).map((s) => `/api/documents/${encodeURIComponent(s)}/outline`),
      ),
      async (method, path) => {
        const res = await app.request(path, { method });
        assert.ok(res.status < 500, `${method} ${path}: ${res.status}`);
        await res.arrayBuffer();
      },
    ),
    { numRuns: 200, seed: 7 },
  );
});
