import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchDoc, BenchEngine, BenchQuery } from '../engine.js';
import { normalizeText } from '../../core/normalize.js';

/** True when Debian's groonga-bin is installed. */
export function groongaInstalled(): boolean {
  return spawnSync('groonga', ['--version'], { encoding: 'utf8' }).status === 0;
}

function escape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** The documents as rows of the Units table (one a unit), each as JSON. */
function rowsOf(docs: readonly BenchDoc[]): string[] {
  const rows: string[] = [];
  for (const d of docs) {
    for (const u of d.units) {
      rows.push(JSON.stringify({ doc: d.id, heading: u.heading, genre: d.genre ?? '', text: u.text }));
    }
  }
  return rows;
}

/**
 * Groonga 13 (TokenBigram, NormalizerAuto, WITH_POSITION), the engine a CJK search expert would pick:
 * loaded with its command-line tool, queried (and given a daily update's rows) through its HTTP server on
 * 127.0.0.1 only.
 */
export class GroongaEngine implements BenchEngine {
  readonly name = 'groonga';
  private server: ChildProcess | null = null;
  private readonly port = 20000 + Math.floor(Math.random() * 20000);

  constructor(private readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  private get db(): string {
    return join(this.dir, 'db');
  }

  async load(docs: readonly BenchDoc[]): Promise<{ ms: number }> {
    const rows = rowsOf(docs);
    const commands = [
      'table_create Units TABLE_NO_KEY',
      'column_create Units doc COLUMN_SCALAR UInt32',
      'column_create Units heading COLUMN_SCALAR Bool',
      'column_create Units genre COLUMN_SCALAR ShortText',
      'column_create Units text COLUMN_SCALAR LongText',
      'load --table Units',
      `[${rows.join(',\n')}]`,
      'table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto',
      'column_create Terms units_text COLUMN_INDEX|WITH_POSITION Units text',
      '',
    ].join('\n');
    const file = join(this.dir, 'load.grn');
    writeFileSync(file, commands);
    const t = performance.now();
    const r = spawnSync('sh', ['-c', `groonga -n ${this.db} < ${file} > /dev/null`], { stdio: 'inherit' });
    const ms = performance.now() - t;
    rmSync(file);
    if (r.status !== 0) throw new Error(`groonga: load failed (exit ${r.status})`);
    const serve = ['-s', '--bind-address', '127.0.0.1', '--port', String(this.port), '--protocol', 'http', this.db];
    this.server = spawn('groonga', serve, { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`http://127.0.0.1:${this.port}/d/status`);
        break;
      } catch {
        await new Promise((r2) => setTimeout(r2, 100));
      }
    }
    return { ms };
  }

  readonly searchesDuringAdd = true;

  /** Rows loaded through the server (its index column updated as they come in), while it serves searches. */
  async add(docs: readonly BenchDoc[]): Promise<{ ms: number }> {
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${this.port}/d/load?table=Units`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `[${rowsOf(docs).join(',')}]`,
    });
    const body = (await response.json()) as [[number, ...unknown[]], number];
    const ms = performance.now() - t;
    const rows = docs.reduce((n, d) => n + d.units.length, 0);
    if (body[0][0] !== 0 || body[1] !== rows) {
      throw new Error(`groonga: load of ${rows} rows answered ${JSON.stringify(body).slice(0, 200)}`);
    }
    return { ms };
  }

  private filter(q: BenchQuery): string {
    let f = `text @ "${escape(normalizeText(q.text))}"`;
    if (q.scope === 'outline') f += ' && heading == true';
    if (q.genre !== undefined) f += ` && genre == "${escape(q.genre)}"`;
    return f;
  }

  /** Its HTTP server, once loaded. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private selectPath(params: Record<string, string>): string {
    // cache=no: Groonga keeps the last results of identical selects by default, which would time a lookup,
    // not a search.
    return `/d/select?${new URLSearchParams({ table: 'Units', cache: 'no', ...params }).toString()}`;
  }

  private async select(params: Record<string, string>): Promise<unknown> {
    const body = (await (await fetch(`${this.url}${this.selectPath(params)}`)).json()) as [unknown, unknown];
    return body[1];
  }

  /** The select `top` sends: ranked units with snippets and the hit count (the HTTP load asks it). */
  topPath(q: BenchQuery, n: number): string {
    return this.selectPath(this.topParams(q, n));
  }

  private topParams(q: BenchQuery, n: number): Record<string, string> {
    return {
      filter: this.filter(q),
      output_columns: 'doc,_score,snippet_html(text)',
      sort_keys: '-_score',
      limit: String(n * 4),
    };
  }

  async count(q: BenchQuery): Promise<number> {
    const result = (await this.select({
      filter: this.filter(q),
      limit: '0',
      drilldown: 'doc',
      drilldown_limit: '0',
    })) as Array<Array<[number]>>;
    return result[1]?.[0]?.[0] ?? 0;
  }

  async top(q: BenchQuery, n: number): Promise<number> {
    const result = (await this.select(this.topParams(q, n))) as Array<Array<unknown>>;
    const rows = (result[0] ?? []).slice(2) as Array<[number]>;
    return Math.min(n, new Set(rows.map((r) => r[0])).size);
  }

  async sizeBytes(): Promise<number> {
    return readdirSync(this.dir).reduce((n, f) => n + statSync(join(this.dir, f)).size, 0);
  }

  async close(): Promise<void> {
    this.server?.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
