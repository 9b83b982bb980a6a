import assert from 'node:assert/strict';
import { it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { effectiveFreeChars } from '../core/access/free-part.js';
import type { ParsedDocument } from '../core/document.js';
import { webFixture } from '../testing/web-fixture.js';
import { aDayAgo, inADay, signedIn } from '../testing/web-session.js';

/** A run of this many characters of paid text in a response is a leak. */
const RUN = 10;
const fixture = webFixture();

function windows(text: string, into: Set<string>): void {
  for (let i = 0; i + RUN <= text.length; i++) into.add(text.slice(i, i + RUN));
}

/** Where a document's free part ends for a reader without access: its marker, or the default share. */
const freeEnd = (doc: ParsedDocument): number | null => effectiveFreeChars(doc);

/** Runs any guest may read: of every document's free part, titles and headings (the outline is the teaser). */
function openRuns(docs: readonly ParsedDocument[]): Set<string> {
  const open = new Set<string>();
  for (const doc of docs) {
    const text = doc.paragraphs.map((p) => p.text).join('\n');
    windows(text.slice(0, freeEnd(doc) ?? text.length), open);
    windows(doc.title, open);
    for (const o of doc.outline) windows(o.text, open);
    for (const p of doc.paragraphs) if (p.level !== null) windows(p.text, open);
  }
  return open;
}

/** Every 10-character run of a document's paid body text that no guest may read elsewhere. */
function paidRuns(doc: ParsedDocument, open: ReadonlySet<string>): Set<string> {
  const runs = new Set<string>();
  const free = freeEnd(doc);
  if (free === null) return runs;
  let start = 0;
  for (const p of doc.paragraphs) {
    const end = start + p.text.length;
    if (end > free && p.level === null) {
      const paid = p.text.slice(Math.max(0, free - start));
      for (let i = 0; i + RUN <= paid.length; i++) {
        const run = paid.slice(i, i + RUN);
        if (!open.has(run)) runs.add(run);
      }
    }
    start = end + 1;
  }
  return runs;
}

/** Probes for searches: short pieces of paid text a guest might type. */
function paidProbes(doc: ParsedDocument): string[] {
  const free = freeEnd(doc);
  if (free === null) return [];
  const paid = doc.paragraphs
    .map((p) => p.text)
    .join('\n')
    .slice(free)
    .replace(/[\s\p{P}]/gu, '');
  return [0.1, 0.5, 0.9].map((f) => paid.slice(Math.floor(paid.length * f), Math.floor(paid.length * f) + 4));
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
}

/** What a response says as text: JSON's strings, markup without its tags, a Word file's text. */
async function responseText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('wordprocessingml')) {
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    return Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes).replace(/<[^>]+>/g, ''))
      .join('\n');
  }
  const body = await res.text();
  if (type.includes('json')) {
    const out: string[] = [];
    strings(JSON.parse(body), out);
    return out.join('\n');
  }
  // Tags are dropped so a run split by <mark> or a slot is still found; attributes (data-copy) are kept as text.
  const attributes = [...body.matchAll(/="([^"]*)"/g)].map((m) => m[1]!);
  return [body.replace(/<[^>]+>/g, ''), ...attributes]
    .join('\n')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

/** The addresses of one route path, with its parameters filled for every document and its queries probed. */
function addresses(path: string, ids: number[], queries: string[], facets: string[]): string[] {
  const q = encodeURIComponent;
  if (path.startsWith('/assets/')) return [];
  const filled = path.includes(':id') ? ids.map((id) => path.replace(':id', String(id))) : [path.replace(/:\w+/g, '1')];
  const out: string[] = [];
  for (const url of filled) {
    out.push(url);
    if (url.includes('/download.')) out.push(`${url}?outline=1`);
  }
  if (path === '/search' || path === '/api/search') {
    for (const query of queries) {
      for (const scope of ['all', 'title', 'outline', 'opening', 'intro', 'closing', 'sentence']) {
        out.push(`${path}?q=${q(query)}&scope=${scope}`);
      }
      out.push(`${path}?q=${q(query)}&punct=exact&sort=newest`);
    }
  }
  if (path === '/api/suggest') for (const query of queries) out.push(`${path}?q=${q(query)}`);
  if (path === '/feed.atom' || path === '/browse' || path === '/api/documents') {
    for (const f of facets) out.push(`${path}?genre=${q(f)}`, `${path}?tag=${q(f)}`);
  }
  if (path === '/updates' || path === '/api/updates') out.push(`${path}?page=1`);
  return out;
}

/** What the crawl found: how many responses, and whether any held paid text (a VIP's must). */
interface Crawl {
  responses: number;
  paidSeen: number;
}

/**
 * Visits every route of the app's own route table (a new route cannot be missed) for every document and
 * probe, as the visitor of `headers`; with `entitled` false, fails on any 10-character run of paid text.
 * State-changing routes are sent without a token (what a script on a page could do): refused, and their
 * refusals hold no text either.
 */
async function crawl(headers: Record<string, string>, entitled: boolean): Promise<Crawl> {
  const { app, library } = await fixture;
  const docs = await library.list();
  const parsed = await Promise.all(docs.map(async (d) => (await library.show(d.id))!.parsed));
  const paid = parsed.filter((p) => freeEnd(p) !== null);
  assert.ok(paid.length > parsed.length / 2, 'the test library has documents with a paid part');
  const open = openRuns(parsed);
  const runs = new Set(paid.flatMap((p) => [...paidRuns(p, open)]));
  assert.ok(runs.size > 1000);
  const queries = [...paid.flatMap(paidProbes).filter((p) => p.length === 4), '推动', '主题教育'];
  const facets = [...new Set(docs.flatMap((d) => [d.genre ?? '', ...d.tags]).filter(Boolean))];
  const gets = [...new Set(app.routes.filter((r) => r.method === 'GET' || r.method === 'ALL').map((r) => r.path))];
  const posts = [
    ...new Set(
      app.routes.filter((r) => r.method === 'POST' || r.method === 'DELETE').map((r) => `${r.method} ${r.path}`),
    ),
  ];
  assert.ok(
    gets.includes('/documents/:id') && gets.includes('/api/search') && gets.includes('/account'),
    'the route table is read',
  );
  const visits: Array<[string, string]> = [
    ...gets.flatMap((path) =>
      addresses(
        path,
        docs.map((d) => d.id),
        queries,
        facets,
      ).map((url): [string, string] => ['GET', url]),
    ),
    ...posts.map((p): [string, string] => [p.split(' ')[0]!, p.split(' ')[1]!.replace(/:\w+/g, String(docs[0]!.id))]),
  ];
  const withoutToken = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'x-csrf-token'));
  let responses = 0;
  let paidSeen = 0;
  for (const [method, url] of visits) {
    const res = await app.request(url, { method, headers: method === 'GET' ? headers : withoutToken });
    assert.ok(res.status < 500, `${method} ${url}: ${res.status}`);
    if (method !== 'GET')
      assert.ok(res.status === 403 || res.status === 401, `${method} ${url} without a token: ${res.status}`);
    const text = await responseText(res);
    responses++;
    for (let i = 0; i + RUN <= text.length; i++) {
      const run = text.slice(i, i + RUN);
      if (!runs.has(run)) continue;
      if (!entitled) assert.fail(`${method} ${url} gives paid text: ${run}`);
      paidSeen++;
      break;
    }
  }
  assert.ok(responses > docs.length * 5);
  return { responses, paidSeen };
}

it('never gives a guest a run of paid text, through any route of the app', async () => {
  await crawl({}, false);
});

it('never gives a member, or a VIP whose VIP has expired, a run of paid text', async () => {
  const { library } = await fixture;
  await crawl((await signedIn(library, 'crawl-member')).headers, false);
  await crawl((await signedIn(library, 'crawl-expired', { vipUntil: aDayAgo() })).headers, false);
});

it('gives a VIP the paid text (the crawl sees it when it is there)', async () => {
  const { library } = await fixture;
  const { paidSeen } = await crawl((await signedIn(library, 'crawl-vip', { vipUntil: inADay() })).headers, true);
  assert.ok(paidSeen > 10, `a VIP's responses hold paid text (${paidSeen})`);
});
