import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Library } from '../library.js';
import { seedsDir } from '../testing/shared-seeds.js';
import { inADay, signedIn } from '../testing/web-session.js';
import type { IngestSummary } from '../ingest/ingest.js';
import { ingestByCommand } from './command-ingest.js';
import { dailyThroughInbox } from './daily-inbox.js';
import type { BenchDoc, BenchEngine } from './engine.js';
import { cleanedDaily, type DailyFigures, generateDaily, peerDaily, searchesBeside } from './daily.js';
import { readWebConfig } from '../web/config.js';
import { generateCorpus } from './generate/corpus-generator.js';
import { harvestSeeds } from './generate/seed-material.js';
import { Fts5TrigramEngine } from './peers/fts5-trigram.js';
import { groongaDailyUnderLoad, sucaiDailyUnderLoad, type DailyUnderLoad } from './daily-http.js';
import { groongaHttp, httpFailed, spreadIds, sucaiHttp, type HttpRun, type SucaiHttpFigures } from './http-bench.js';
import type { HttpFigures, LoadOptions } from './http-load.js';
import { printHttp } from './http-report.js';
import { GroongaEngine, groongaInstalled } from './peers/groonga.js';
import { ScanEngine } from './peers/scan.js';
import { DEFAULT_QUERIES, loadQueries } from './queries.js';
import { measureQueries } from './measure-queries.js';
import { time } from './stats.js';
import { cleanDocuments, sucaiQueries } from './sucai-engine.js';
import { f1, printDaily, printTable, type EngineFigures } from './report.js';

const log = (s: string): boolean => process.stderr.write(`${s}\n`);

function corpusFor(chars: number, seed: number): { dir: string; generated: boolean } {
  const dir = join('bench', 'corpus', `${seed}-${chars}`);
  if (existsSync(join(dir, 'manifest.json'))) return { dir, generated: false };
  rmSync(dir, { recursive: true, force: true });
  const material = harvestSeeds(seedsDir());
  const t = performance.now();
  const millions = `${(chars / 1e6).toFixed(1)}M`;
  const corpus = generateCorpus(material, {
    dir: join(dir, 'files'),
    chars,
    seed,
    onProgress: (c) => process.stderr.write(`\rgenerate: ${(c / 1e6).toFixed(1)}M / ${millions} chars`),
  });
  process.stderr.write('\n');
  const manifest = { files: corpus.files, chars: corpus.chars, manifest: corpus.manifest };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  log(`generate: ${corpus.files} files, ${(corpus.chars / 1e6).toFixed(1)}M chars in ${seconds} s`);
  return { dir, generated: true };
}

const USAGE = `usage: npm run bench -- [options]
  --chars N              library size in characters of generated raw files (default 10000000)
  --corpus DIR           a corpus of files instead of the generated one
  --queries FILE         the query set (JSON) instead of the built-in one
  --seed N               the generator's seed (default 42)
  --out DIR              where the run's JSON goes (default bench/runs)
  --engines LIST         of sucai,scan,fts5-trigram,groonga (default all)
  --http-seconds N       seconds per HTTP endpoint (default 3 below 10M characters, else 5)
  --http-connections N   keep-alive connections of the HTTP load (default 16)
  --no-http              skip the HTTP load`;

/** The command line's options, or the exit code once the usage is printed (asked for, or a bad option). */
function options(): ReturnType<typeof parseBenchArgs>['values'] | number {
  try {
    const { values } = parseBenchArgs();
    if (!values.help) return values;
    process.stdout.write(`${USAGE}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
}

function parseBenchArgs() {
  return parseArgs({
    options: {
      chars: { type: 'string', default: '10000000' },
      corpus: { type: 'string' },
      queries: { type: 'string' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: join('bench', 'runs') },
      engines: { type: 'string', default: 'sucai,scan,fts5-trigram,groonga' },
      // HTTP load on loopback: seconds per endpoint (3 below 10M characters, else 5) and connections.
      'http-seconds': { type: 'string' },
      'http-connections': { type: 'string', default: '16' },
      'no-http': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}

async function main(): Promise<number> {
  const values = options();
  if (typeof values === 'number') return values;
  const chars = Number(values.chars);
  const seed = Number(values.seed);
  const wanted = new Set(values.engines!.split(','));
  const queries = values.queries ? loadQueries(values.queries) : DEFAULT_QUERIES;
  // The daily updates' searches stay exact, comparable with runs before the any-punctuation mode.
  const exactQueries = queries.filter((q) => q.punctuation === undefined);
  const httpLoad: LoadOptions | null = values['no-http']
    ? null
    : {
        seconds: Number(values['http-seconds'] ?? (chars < 10_000_000 ? 3 : 5)),
        connections: Number(values['http-connections']),
      };
  let http: (SucaiHttpFigures & { documentPages: number }) | null = null;
  let groongaSearch: HttpFigures | null = null;
  let groongaDaily: DailyUnderLoad | null = null;
  let sucaiDaily: DailyUnderLoad | null = null;
  const corpusDir = values.corpus ?? join(corpusFor(chars, seed).dir, 'files');
  const work = mkdtempSync(join(tmpdir(), 'sucai-bench-'));
  const engines: Record<string, EngineFigures> = {};
  const counts = new Map<string, Record<string, number>>();
  try {
    // sucai: raw files to searchable library, cleaning and structure included.
    log(`sucai: ingesting ${corpusDir}`);
    const dbPath = join(work, 'sucai.db');
    let library = await Library.open(dbPath);
    // Timed until its last merges are done too (its documents are searchable a little before).
    const [summary, ingestMs] = await time(async () => {
      const s = await library.ingest([corpusDir], {
        onProgress: (p) => {
          const read = `${p.filesDone}/${p.filesTotal} files, ${(p.chars / 1e6).toFixed(1)}M chars`;
          process.stderr.write(`\rsucai ingest: ${read}`);
        },
      });
      await library.settle();
      return s;
    });
    process.stderr.write('\n');
    log(
      `sucai: ${summary.documents} documents (${summary.duplicates} duplicates linked, ` +
        `${summary.rejected.length} rejected) in ${(ingestMs / 1000).toFixed(1)} s`,
    );
    const sucaiIndexBytes = await library.store.indexBytes();
    const sucaiBytes = await library.store.sizeBytes();
    await library.close();
    const [, coldMs] = await time(async () => {
      library = await Library.open(dbPath);
      await library.count('主题教育');
    });
    let sq = sucaiQueries(library);
    engines['sucai'] = {
      installed: true,
      ingestCharsPerSec: summary.chars / (ingestMs / 1000),
      indexBytes: sucaiIndexBytes,
      dbBytes: sucaiBytes,
      textBytes: 0,
      peakRssBytes: 0,
      coldStartMs: coldMs,
      // Timed before the peers' copy of the texts exists: a serving process holds no such heap.
      ...(await measureQueries('sucai', queries, sq.count, sq.top, counts)),
    };
    engines['sucai'].peakRssBytes = process.resourceUsage().maxRSS * 1024;
    if (httpLoad) {
      // The same exact queries Groonga answers below, from the web server in a process of its own.
      // The server reads its search threads from the environment, as `npm start` does.
      const threads = readWebConfig(process.env).searchThreads;
      log(
        `sucai: HTTP load, ${httpLoad.connections} connections, ${httpLoad.seconds} s an endpoint, ` +
          `server with ${threads} search threads`,
      );
      const ids = spreadIds((await library.list()).map((d) => d.id));
      // A VIP of the library, signed in: the same load with its session cookie (issue 26).
      const vip = await signedIn(library, 'bench-vip', { vipUntil: inADay() });
      const vipHeaders = { cookie: vip.headers['cookie']! };
      http = { ...(await sucaiHttp(dbPath, exactQueries, ids, httpLoad, vipHeaders)), documentPages: ids.length };
    }
    let docs: BenchDoc[] = await cleanDocuments(library);
    const textBytes = docs.reduce((n, d) => n + d.units.reduce((m, u) => m + Buffer.byteLength(u.text), 0), 0);
    engines['sucai'].textBytes = textBytes;

    // Daily updates: 1000 new documents into the full library, and search latency while they come in.
    // Five for sucai, each on files of its own (see below); the peers take in the files of two of them,
    // beside searches (sucai's 'next') and quiet (sucai's 'quiet'), as sucai cleaned them.
    const dailyRuns = [
      { name: 'cold', note: 'ingest thread started, code compiled', searching: true, warm: false },
      { name: 'warmed', note: 'library opened again and warmed up first', searching: true, warm: true },
      { name: 'next', note: 'thread and workers kept', searching: true, warm: false },
      { name: 'quiet', note: 'thread kept, no searches meanwhile', searching: false, warm: false },
      { name: 'command', note: 'a new `sucai ingest` process, no searches meanwhile', searching: false, warm: false },
      // Through the inbox folder (see daily-inbox.ts): dropped in, taken by the serving process's watcher.
      { name: 'inbox', note: 'moved into the watched inbox, searches beside', searching: true, warm: false },
      { name: 'inbox-quiet', note: 'moved into the watched inbox, no searches', searching: false, warm: false },
    ];
    const dailyDirs = values.corpus
      ? []
      : dailyRuns.map((r, k) => generateDaily(join(work, `daily-${r.name}`), seed, k));
    // One more for the servers, each taking it while its search API is under the HTTP load.
    const httpDailyDir = values.corpus || !httpLoad ? null : generateDaily(join(work, 'daily-http'), seed, 99);
    let httpDailyDocs: BenchDoc[] = [];
    const peerRuns: Array<{ name: string; docs: BenchDoc[]; searching: boolean }> = [];
    if (!values.corpus) {
      const firstId = docs.reduce((m, d) => Math.max(m, d.id), 0);
      if (httpDailyDir) httpDailyDocs = await cleanedDaily(httpDailyDir, work, firstId);
      for (const [name, k] of [
        ['next', 2],
        ['quiet', 3],
      ] as const) {
        const cleaned = await cleanedDaily(dailyDirs[k]!, work, firstId);
        peerRuns.push({ name, docs: cleaned, searching: dailyRuns[k]!.searching });
      }
    }

    const peers: Array<{ name: string; make: () => BenchEngine; installed: () => boolean }> = [
      { name: 'scan', make: () => new ScanEngine(), installed: () => true },
      { name: 'fts5-trigram', make: () => new Fts5TrigramEngine(join(work, 'fts5.db')), installed: () => true },
      { name: 'groonga', make: () => new GroongaEngine(join(work, 'groonga')), installed: groongaInstalled },
    ];
    for (const peer of peers) {
      if (!wanted.has(peer.name)) continue;
      if (!peer.installed()) {
        log(`${peer.name}: not installed (run scripts/install-groonga.sh); skipped`);
        engines[peer.name] = {
          installed: false,
          ingestCharsPerSec: 0,
          indexBytes: 0,
          textBytes,
          peakRssBytes: 0,
          classes: {},
        };
        continue;
      }
      log(`${peer.name}: loading`);
      const engine = peer.make();
      const { ms } = await engine.load(docs);
      engines[peer.name] = {
        installed: true,
        ingestCharsPerSec: peer.name === 'scan' ? 0 : summary.chars / (ms / 1000),
        indexBytes: await engine.sizeBytes(),
        textBytes,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        ...(await measureQueries(
          peer.name,
          queries.filter((q) => q.punctuation === undefined || engine.anyPunctuation === true),
          (q) => engine.count(q),
          (q, n) => engine.top(q, n),
          counts,
        )),
      };
      if (httpLoad && engine instanceof GroongaEngine) {
        log(`groonga: HTTP load, ${httpLoad.connections} connections, ${httpLoad.seconds} s`);
        groongaSearch = await groongaHttp(engine, exactQueries, httpLoad);
        if (httpDailyDocs.length > 0) {
          groongaDaily = await groongaDailyUnderLoad(engine, httpDailyDocs, exactQueries, httpLoad);
          log(
            `groonga: ${groongaDaily.documents} new documents loaded under the search load in ${f1(groongaDaily.ms)} ms`,
          );
        }
      }
      const daily = await peerDaily(engine, exactQueries, peerRuns, log);
      if (daily.length > 0) engines[peer.name]!.daily = daily;
      await engine.close();
    }

    // sucai's daily updates (the peers' copy of the texts let go first, as above). Five times: the cold one
    // is this process's first ingest, which starts its ingest thread and compiles its code; then the
    // library is opened again and warmed up as a serving process does at start (Library.warmIngest), and its
    // first ingest timed; the next finds thread and workers as the last left them; the quiet one has no
    // searches beside it (they take a core of the two); the command one is `sucai ingest` in a process of
    // its own, as a daily cron job runs it, nothing warmed and no searches beside it.
    docs = [];
    const daily: DailyFigures[] = [];
    for (const [k, { name, note, searching, warm }] of values.corpus ? [] : dailyRuns.entries()) {
      let warmUp: DailyFigures['warmUp'];
      if (warm) {
        await library.close();
        library = await Library.open(dbPath);
        sq = sucaiQueries(library);
        const { files, ms } = await library.warmIngest();
        warmUp = { files, ms };
        const seconds = (ms / 1000).toFixed(2);
        log(`daily: library opened again, ingest warmed up on its ${files} latest files in ${seconds} s`);
      }
      const dir = dailyDirs[k]!;
      // Searchable when the ingest answers; its merges go on after, and the searches timed with them.
      const ingest = async (): Promise<{ summary: IngestSummary; searchable: number; settledMs: number }> => {
        const started = performance.now();
        if (name === 'command') {
          const run = await ingestByCommand(dbPath, [dir]);
          return { summary: run.summary, searchable: run.searchableMs, settledMs: run.exitedMs };
        }
        if (name.startsWith('inbox')) return dailyThroughInbox(library, dir, join(work, `inbox-${name}`));
        const summary = await library.ingest([dir]);
        const searchable = performance.now() - started;
        await library.settle();
        return { summary, searchable, settledMs: performance.now() - started };
      };
      const { result, ...latency } = await searchesBeside(ingest, sq.top, exactQueries, searching);
      const figures: DailyFigures = {
        run: name,
        documents: result.summary.documents,
        ms: result.searchable,
        settledMs: result.settledMs,
        ...latency,
        ...(warmUp ? { warmUp } : {}),
      };
      daily.push(figures);
      const beside = searching
        ? `; top-20 p95 ${f1(figures.idleTopP95Ms)} ms idle, ${f1(figures.duringTopP95Ms)} ms during ` +
          `(${figures.queriesDuring} queries)`
        : '';
      const settled = `${name === 'command' ? 'exited after' : 'merged by'} ${(figures.settledMs / 1000).toFixed(2)} s`;
      log(
        `daily (${name}: ${note}): ${figures.documents} new documents searchable in ` +
          `${(figures.ms / 1000).toFixed(2)} s, ${settled}${beside}`,
      );
    }
    await library.close();
    if (httpLoad && httpDailyDir) {
      sucaiDaily = await sucaiDailyUnderLoad(dbPath, httpDailyDir, join(work, 'inbox-http'), exactQueries, httpLoad);
      log(`sucai: ${sucaiDaily.documents} new documents searchable under the search load in ${f1(sucaiDaily.ms)} ms`);
    }

    const mismatches = [...counts.entries()]
      .filter(([, byEngine]) => new Set(Object.values(byEngine)).size > 1)
      .map(([query, byEngine]) => ({ query, counts: byEngine }));
    const classes = [...new Set(queries.map((q) => q.class))];
    printTable(engines, classes);
    printDaily(daily, engines);
    const httpRun: HttpRun | null =
      http && httpLoad
        ? {
            ...httpLoad,
            queries: exactQueries.length,
            documentPages: http.documentPages,
            sucaiSearch: http.search,
            sucaiDocument: http.document,
            sucaiSearchClosedLoop: http.searchClosedLoop,
            groongaSearch,
            ...(http.vipSearch ? { vipSearch: http.vipSearch } : {}),
            ...(http.vipDocument ? { vipDocument: http.vipDocument } : {}),
            ...(sucaiDaily ? { dailyUnderLoad: { sucai: sucaiDaily, groonga: groongaDaily } } : {}),
          }
        : null;
    if (httpRun) printHttp(httpRun);
    const result = {
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryBytes: totalmem(), node: process.version },
      chars: summary.chars,
      docs: summary.documents,
      engines,
      daily,
      ...(httpRun ? { http: httpRun } : {}),
      mismatches,
    };
    mkdirSync(values.out!, { recursive: true });
    // Named by the size asked for, or for a corpus of your own by the characters it held (not the default size).
    const day = new Date().toISOString().slice(0, 10);
    const file = join(values.out!, `${day}-${values.corpus ? summary.chars : chars}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`\nwritten ${file}`);
    if (mismatches.length > 0) {
      log(`\nMISMATCH: engines disagree on ${mismatches.length} queries:`);
      for (const m of mismatches) log(`  ${m.query}: ${JSON.stringify(m.counts)}`);
      return 1;
    }
    log('all engines returned identical hit counts on every query');
    const failed = httpRun !== null && httpFailed(httpRun);
    if (failed) {
      log('\nHTTP: some requests failed under load (see the failures column)');
      return 1;
    }
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
