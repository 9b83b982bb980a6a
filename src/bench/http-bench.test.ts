import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { Library } from '../library.js';
import { tempDir } from '../testing/temp-dir.js';
import { inADay, signedIn } from '../testing/web-session.js';
import { DEMO_DIR } from '../web/server.js';
import type { BenchQuery } from './engine.js';
import { groongaHttp, spreadIds, sucaiHttp, type HttpRun } from './http-bench.js';
import type { HttpFigures } from './http-load.js';
import { httpTargets } from './http-report.js';
import { GroongaEngine, groongaInstalled } from './peers/groonga.js';

const queries: BenchQuery[] = [
  { text: '主题教育', class: '3-4', scope: 'all' },
  { text: '一是', class: 'outline', scope: 'outline' },
  { text: '蜜雪冰城火锅店', class: 'absent', scope: 'all' },
];
const load = { connections: 2, seconds: 1 };

it('loads the web server of a library file in its own process: search API and document pages', async () => {
  const dbPath = join(tempDir(), 'bench.db');
  const library = await Library.open(dbPath);
  await library.ingest([DEMO_DIR], { thread: false });
  const ids = spreadIds((await library.list()).map((d) => d.id));
  const vip = await signedIn(library, 'bench-vip', { vipUntil: inADay() });
  await library.close();
  assert.ok(ids.length >= 3);
  // The VIP's warm-up answers are checked to be a VIP's (no paywall, more hits) before its load.
  const run = await sucaiHttp(dbPath, queries, ids, load, { cookie: vip.headers['cookie']! });
  for (const figures of [run.search, run.searchClosedLoop, run.document, run.vipSearch!, run.vipDocument!]) {
    assert.ok(figures.requests > 0, 'requests were answered');
    assert.equal(figures.failures, 0);
    assert.ok(figures.p50Ms <= figures.p99Ms);
  }
});

it(
  "loads Groonga's HTTP server with the same queries",
  { skip: !groongaInstalled() && 'groonga not installed (scripts/install-groonga.sh)' },
  async () => {
    const groonga = new GroongaEngine(join(tempDir(), 'groonga'));
    try {
      await groonga.load([{ id: 1, genre: '讲话', units: [{ text: '扎实开展主题教育。一是学。', heading: false }] }]);
      const figures = await groongaHttp(groonga, queries, load);
      assert.ok(figures.requests > 0);
      assert.equal(figures.failures, 0);
    } finally {
      await groonga.close();
    }
  },
);

it('spreads document pages over the library and judges the targets of the issue', () => {
  assert.deepEqual(spreadIds([1, 2, 3]), [1, 2, 3]);
  assert.deepEqual(spreadIds([10, 20, 30, 40, 50, 60], 3), [10, 30, 50]);
  const f = (requestsPerSec: number, p99Ms: number): HttpFigures => ({
    requests: 1,
    requestsPerSec,
    p50Ms: p99Ms / 2,
    p99Ms,
    failures: 0,
  });
  const run: HttpRun = {
    connections: 16,
    seconds: 5,
    queries: 3,
    documentPages: 3,
    sucaiSearch: f(1500, 40),
    sucaiSearchClosedLoop: f(1200, 30),
    sucaiDocument: f(1900, 20),
    groongaSearch: f(500, 35),
  };
  assert.deepEqual(
    httpTargets(run).map((t) => t.met),
    [false, true, false],
  );
  assert.equal(httpTargets({ ...run, groongaSearch: f(400, 35) })[0]!.met, true);
  assert.equal(httpTargets({ ...run, groongaSearch: null })[0]!.met, null);
});
