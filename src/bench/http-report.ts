/** The HTTP figures as a table, and the load targets beside them (figures only, never a failure). */
import type { HttpRun } from './http-bench.js';
import type { HttpFigures } from './http-load.js';
import { f1 } from './report.js';

const log = (s: string): boolean => process.stderr.write(`${s}\n`);

export interface HttpTarget {
  target: string;
  /** Null when it cannot be judged (Groonga missing). */
  met: boolean | null;
  measured: string;
}

/** The load targets of issue 25, judged on one run. */
export function httpTargets(run: HttpRun): HttpTarget[] {
  const s = run.sucaiSearch;
  const c = run.sucaiSearchClosedLoop;
  const g = run.groongaSearch;
  const d = run.sucaiDocument;
  const rps = (f: HttpFigures): string => `${f.requestsPerSec.toFixed(0)} req/s`;
  return [
    {
      target: "search API ≥ 3× Groonga's req/s at a p99 no higher",
      met: g === null ? null : c.requestsPerSec >= 3 * g.requestsPerSec && c.p99Ms <= g.p99Ms,
      measured:
        g === null
          ? 'no Groonga in this run'
          : `${(c.requestsPerSec / g.requestsPerSec).toFixed(2)}×, p99 ${f1(c.p99Ms)} vs ${f1(g.p99Ms)} ms (closed loop)`,
    },
    {
      target: 'search API ≥ 1000 req/s with p99 ≤ 50 ms',
      met: s.requestsPerSec >= 1000 && s.p99Ms <= 50,
      measured: `${rps(s)}, p99 ${f1(s.p99Ms)} ms`,
    },
    { target: 'document page ≥ 2000 req/s', met: d.requestsPerSec >= 2000, measured: rps(d) },
    ...dailyTargets(run),
  ];
}

/** The daily update under the search load: searchable within half Groonga's time under the same load. */
function dailyTargets(run: HttpRun): HttpTarget[] {
  const daily = run.dailyUnderLoad;
  if (daily === undefined) return [];
  const { sucai, groonga } = daily;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const load = (f: HttpFigures): string => `${f.requestsPerSec.toFixed(0)} req/s p99 ${f1(f.p99Ms)} ms`;
  return [
    {
      target: "a daily update through the inbox under the search load, searchable within half Groonga's time",
      met: groonga === null ? null : sucai.ms <= groonga.ms / 2,
      measured:
        groonga === null
          ? `${seconds(sucai.ms)}; no Groonga in this run`
          : `${seconds(sucai.ms)} vs ${seconds(groonga.ms)} (${(groonga.ms / sucai.ms).toFixed(2)}×); ` +
            `searches meanwhile ${load(sucai.search)} vs ${load(groonga.search)}`,
    },
  ];
}

/** The server's own cost per request, VIP against guest, when both were read. */
function cpuRatio(guest: HttpFigures, vip: HttpFigures): string {
  const [g, v] = [guest.serverCpuUsPerRequest, vip.serverCpuUsPerRequest];
  return g === undefined || v === undefined
    ? ''
    : `; server CPU per request ${(v / g).toFixed(2)}× (${v.toFixed(0)} vs ${g.toFixed(0)} µs)`;
}

/** A VIP's figures beside a guest's: within 10% when req/s ≥ 0.9× and p99 ≤ 1.1× (issue 26). */
export function vipTarget(name: string, guest: HttpFigures, vip: HttpFigures): HttpTarget {
  const rate = vip.requestsPerSec / guest.requestsPerSec;
  const p99 = vip.p99Ms / guest.p99Ms;
  return {
    target: `VIP within 10% of anonymous, ${name}`,
    met: rate >= 0.9 && p99 <= 1.1,
    measured: `req/s ${rate.toFixed(2)}×, p99 ${p99.toFixed(2)}× (${vip.requestsPerSec.toFixed(0)} vs ${guest.requestsPerSec.toFixed(0)} req/s, ${f1(vip.p99Ms)} vs ${f1(guest.p99Ms)} ms)${cpuRatio(guest, vip)}`,
  };
}

/** The load targets of issue 26, when the run has the VIP's figures. */
export function vipTargets(run: HttpRun): HttpTarget[] {
  const targets: HttpTarget[] = [];
  if (run.vipSearch) targets.push(vipTarget('GET /api/search', run.sucaiSearch, run.vipSearch));
  if (run.vipDocument) targets.push(vipTarget('GET /documents/:id', run.sucaiDocument, run.vipDocument));
  return targets;
}

export function printHttp(run: HttpRun): void {
  log(
    `\nHTTP on loopback (autocannon, ${run.connections} connections, ${run.seconds} s each; ` +
      `${run.queries} queries, ${run.documentPages} document pages)`,
  );
  log(
    `${'endpoint'.padEnd(28)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'server µs'.padStart(11)}  failures`,
  );
  const row = (name: string, f: HttpFigures): void => {
    const cpu = f.serverCpuUsPerRequest === undefined ? '—' : f.serverCpuUsPerRequest.toFixed(0);
    const cells = [f.requestsPerSec.toFixed(0), f1(f.p50Ms), f1(f.p99Ms)].map((c) => c.padStart(9)).join('');
    log(`${name.padEnd(28)}${cells}${cpu.padStart(11)}  ${f.failures}`);
  };
  row('sucai GET /api/search', run.sucaiSearch);
  row('sucai GET /documents/:id', run.sucaiDocument);
  if (run.vipSearch) row('  as VIP GET /api/search', run.vipSearch);
  if (run.vipDocument) row('  as VIP GET /documents/:id', run.vipDocument);
  log('closed loop (node:http, a new connection whenever the server closes one):');
  row('sucai GET /api/search', run.sucaiSearchClosedLoop);
  if (run.groongaSearch) row('groonga GET /d/select', run.groongaSearch);
  const g = run.groongaSearch;
  if (g) {
    const s = run.sucaiSearchClosedLoop;
    const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
    log(
      `sucai/groonga: req/s ${ratio(s.requestsPerSec, g.requestsPerSec)}, p50 ${ratio(s.p50Ms, g.p50Ms)}, ` +
        `p99 ${ratio(s.p99Ms, g.p99Ms)}`,
    );
  }
  const daily = run.dailyUnderLoad;
  if (daily) {
    log(`a daily update of ${daily.sucai.documents} documents under the search load (closed loop):`);
    row('  sucai searches meanwhile', daily.sucai.search);
    if (daily.groonga) row('  groonga searches meanwhile', daily.groonga.search);
  }
  log('targets (issue 25):');
  const print = (t: HttpTarget): void => {
    const mark = t.met === null ? 'not judged' : t.met ? 'met' : 'not met';
    log(`  ${mark.padEnd(10)} ${t.target}: ${t.measured}`);
  };
  httpTargets(run).forEach(print);
  const vip = vipTargets(run);
  if (vip.length > 0) {
    log('targets (issue 26):');
    vip.forEach(print);
  }
}
