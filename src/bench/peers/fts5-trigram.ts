import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BenchDoc, BenchEngine, BenchQuery } from '../engine.js';
import { normalizeText } from '../../core/normalize.js';

/**
 * A plain SQLite FTS5 trigram table, one row per unit: what a SQLite user would reach for. Queries of
 * three or more characters use the trigram index; shorter ones must scan (instr), as FTS5 trigram cannot
 * serve them.
 */
export class Fts5TrigramEngine implements BenchEngine {
  readonly name = 'fts5-trigram';
  private readonly db: Database.Database;

  constructor(private readonly path: string) {
    rmSync(path, { force: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = OFF');
    this.db.exec(
      "CREATE VIRTUAL TABLE units USING fts5(doc UNINDEXED, heading UNINDEXED, genre UNINDEXED, text, tokenize = 'trigram')",
    );
  }

  async load(docs: readonly BenchDoc[]): Promise<{ ms: number }> {
    return this.add(docs);
  }

  /** Rows inserted in one transaction, on the connection searches use (so none run meanwhile). */
  async add(docs: readonly BenchDoc[]): Promise<{ ms: number }> {
    const t = performance.now();
    const insert = this.db.prepare('INSERT INTO units (doc, heading, genre, text) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const d of docs) for (const u of d.units) insert.run(d.id, u.heading ? 1 : 0, d.genre, u.text);
    })();
    return { ms: performance.now() - t };
  }

  private where(q: BenchQuery): { sql: string; params: unknown[] } {
    const needle = normalizeText(q.text);
    const params: unknown[] = [];
    let sql: string;
    if ([...needle].length >= 3) {
      sql = 'units MATCH ?';
      params.push(`text : "${needle.replace(/"/g, '""')}"`);
    } else {
      sql = 'instr(text, ?) > 0';
      params.push(needle);
    }
    if (q.scope === 'outline') sql += ' AND heading = 1';
    if (q.genre !== undefined) {
      sql += ' AND genre = ?';
      params.push(q.genre);
    }
    return { sql, params };
  }

  async count(q: BenchQuery): Promise<number> {
    const { sql, params } = this.where(q);
    return (this.db.prepare(`SELECT COUNT(DISTINCT doc) AS n FROM units WHERE ${sql}`).get(...params) as { n: number })
      .n;
  }

  async top(q: BenchQuery, n: number): Promise<number> {
    const { sql, params } = this.where(q);
    const indexed = sql.startsWith('units MATCH');
    const rows = indexed
      ? (this.db
          .prepare(
            `SELECT doc, snippet(units, 3, '[', ']', '…', 24) AS s FROM units WHERE ${sql} ORDER BY bm25(units) LIMIT ?`,
          )
          .all(...params, n * 4) as Array<{ doc: number }>)
      : (this.db
          .prepare(`SELECT doc, substr(text, max(1, instr(text, ?) - 20), 60) AS s FROM units WHERE ${sql} LIMIT ?`)
          .all(normalizeText(q.text), ...params, n * 4) as Array<{ doc: number }>);
    return new Set(rows.map((r) => r.doc)).size >= n ? n : new Set(rows.map((r) => r.doc)).size;
  }

  async sizeBytes(): Promise<number> {
    return statSync(this.path).size;
  }

  async close(): Promise<void> {
    this.db.close();
    rmSync(this.path, { force: true });
  }
}
