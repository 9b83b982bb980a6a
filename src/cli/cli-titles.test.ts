import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../testing/run-cli.js';
import { readSeed } from '../testing/shared-seeds.js';
import { tempDir } from '../testing/temp-dir.js';

interface Place {
  id: number;
  title: string;
  position: number;
  count: number;
}

interface Hit {
  id: number;
  title: string;
  compilation: Place | null;
  snippets: Array<{ ord: number; kind: string; text: string }>;
}

function json<T>(args: string[]): T {
  const r = runCli(args);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

describe('sucai CLI: compilation titles and retitled reposts', () => {
  const dir = tempDir();
  const db = join(dir, 'titles.db');
  const COMPILATION = '主题教育开展情况阶段性工作总结材料汇编（12篇）';
  const REPOST = '2021年乡镇基层治理创新经验交流材料';
  const original = readSeed('004_61eaccc42b378d20.txt');

  it('ingests a 12-article compilation, an article and its repost under another title, date and year', () => {
    const first = join(dir, 'first');
    mkdirSync(first);
    writeFileSync(join(first, 'compilation.txt'), readSeed('003_f863d41575c9a514.txt'));
    writeFileSync(join(first, 'article.txt'), original);
    assert.equal(runCli(['--db', db, 'ingest', first]).status, 0);
    const later = join(dir, 'later');
    mkdirSync(later);
    const repost = original
      .replace('关于全市理论宣讲工作汇报', REPOST)
      .replace('时间:2024-02-09', '时间:2021-06-01')
      .replaceAll('关于全市理论宣讲工作汇报,', `${REPOST},`);
    writeFileSync(join(later, 'repost.txt'), repost);
    const summary = json<{ documents: number; duplicates: number }>(['--db', db, 'ingest', later, '--json']);
    assert.deepEqual([summary.documents, summary.duplicates], [0, 1]);
  });

  it('lists and shows each article with its compilation and its place there', () => {
    const docs = json<Array<{ id: number; compilation: Place | null }>>(['--db', db, 'list', '--json']);
    const articles = docs.filter((d) => d.compilation !== null);
    assert.deepEqual(
      articles.map((d) => `${d.compilation!.position}/${d.compilation!.count}`),
      Array.from({ length: 12 }, (_, i) => `${i + 1}/12`),
    );
    assert.ok(articles.every((d) => d.compilation!.title === COMPILATION));
    const third = articles[2]!;
    const shown = json<{ compilation: Place; compilationId: number }>(['--db', db, 'show', String(third.id), '--json']);
    assert.deepEqual(shown.compilation, { id: shown.compilationId, title: COMPILATION, position: 3, count: 12 });
    assert.match(runCli(['--db', db, 'show', String(third.id)]).stdout, /汇编：《主题教育开展情况.*》 3\/12/);
    assert.match(runCli(['--db', db, 'list']).stdout, /\[汇编 \d+ 《主题教育开展情况[^》]*》 3\/12\]/);
  });

  it('finds the articles by words of the compilation title, shown as coming from it', () => {
    for (const scope of ['all', 'title']) {
      const found = json<{ total: number; hits: Hit[] }>([
        '--db',
        db,
        'search',
        '阶段性工作总结',
        '--json',
        '--scope',
        scope,
        '--limit',
        '20',
      ]);
      assert.equal(found.total, 12, scope);
      for (const hit of found.hits) {
        assert.equal(hit.snippets[0]!.kind, 'compilation');
        assert.equal(hit.snippets[0]!.ord, -1);
        assert.equal(hit.compilation!.title, COMPILATION);
      }
    }
    // An article's own title outranks the compilation's: 主题教育 stands in both for some articles.
    const both = json<{ hits: Hit[] }>([
      '--db',
      db,
      'search',
      '主题教育',
      '--json',
      '--scope',
      'title',
      '--limit',
      '20',
    ]);
    const ownTitle = both.hits.findIndex((h) => !h.title.includes('主题教育'));
    assert.ok(ownTitle > 0 && both.hits.slice(ownTitle).every((h) => !h.title.includes('主题教育')));
    const human = runCli(['--db', db, 'search', '阶段性工作总结', '--limit', '1']).stdout;
    assert.match(human, /\[汇编 \d+\/12\]\n {4}〔汇编标题〕 主题教育开展情况«阶段性工作总结»材料汇编/);
    assert.equal(
      json<{ total: number }>(['--db', db, 'search', '阶段性工作总结', '--json', '--scope', 'outline']).total,
      0,
    );
  });

  it("keeps the repost's title and date as a source, and finds the document by it", () => {
    const docs = json<Array<{ id: number; title: string }>>(['--db', db, 'list', '--json']);
    const id = docs.find((d) => d.title === '关于全市理论宣讲工作汇报')!.id;
    const shown = json<{
      year: number;
      sources: Array<{ path: string; title: string; publishedAt: string; year: number; near: boolean }>;
    }>(['--db', db, 'show', String(id), '--json']);
    assert.deepEqual(
      shown.sources.map((s) => [s.path.split('/').pop(), s.title, s.publishedAt.slice(0, 10), s.year]),
      [
        ['article.txt', '关于全市理论宣讲工作汇报', '2024-02-09', 2024],
        ['repost.txt', REPOST, '2021-06-01', 2021],
      ],
    );
    assert.match(runCli(['--db', db, 'show', String(id)]).stdout, /repost\.txt（近似） · 《2021年乡镇基层治理/);
    for (const scope of ['all', 'title']) {
      const found = json<{ hits: Hit[] }>(['--db', db, 'search', '基层治理创新', '--json', '--scope', scope]);
      assert.deepEqual(
        found.hits.map((h) => [h.id, h.snippets[0]!.kind]),
        [[id, 'repost']],
      );
    }
    // --year filters by the document's own year, not its reposts'.
    const byYear = (year: string) =>
      json<{ total: number }>(['--db', db, 'search', '基层治理创新', '--json', '--year', year]);
    assert.deepEqual([byYear('2024').total, byYear('2021').total], [1, 0]);
  });
});
