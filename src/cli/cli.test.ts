import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { CLI, killCliWhen, runCli } from '../testing/run-cli.js';
import { writeRandomDocuments } from '../testing/random-documents.js';
import { readSeed, seedFiles, seedsDir } from '../testing/shared-seeds.js';
import { tempDir } from '../testing/temp-dir.js';

interface ListedDoc {
  id: number;
  title: string;
  compilationId: number | null;
  sourceFile: string;
}

function list(db: string): ListedDoc[] {
  const r = runCli(['--db', db, 'list', '--json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as ListedDoc[];
}

describe('sucai CLI', () => {
  const dir = tempDir();
  const db = join(dir, 'lib.db');
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const f of seedFiles()) copyFileSync(join(seedsDir(), f), join(seeds, f));

  it('ingests a folder, shows progress and a summary, exit 0', () => {
    const r = runCli(['--db', db, 'ingest', seeds]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /入库：5\/5 个文件/);
    assert.match(r.stdout, /新文档：16 篇/);
    // What was cut, rule by rule, in Chinese: the seeds carry ads, watermarks and paywall markers.
    assert.match(r.stdout, /清除：\d+ 处（[^）]*广告 \d+[^）]*）/);
    assert.match(r.stdout, /水印 \d+/);
    assert.match(r.stdout, /付费标记 \d+/);
    assert.equal(list(db).length, 16);
  });

  it('lists by the paid filter as search filters, and refuses a meaningless one', () => {
    const paid = JSON.parse(runCli(['--db', db, 'list', '--paid', 'paid', '--json']).stdout) as ListedDoc[];
    const free = JSON.parse(runCli(['--db', db, 'list', '--paid', 'free', '--json']).stdout) as ListedDoc[];
    // Seeds 000 and 002 turn paid inside and 003's 5th to 12th articles are paid by their marker; every
    // other seed has more than one paragraph, so the default free share leaves it a paid part too.
    assert.equal(paid.length, 16);
    assert.equal(free.length, 0);
    assert.equal(runCli(['--db', db, 'list', '--paid', 'vip']).status, 2);
  });

  it('rebuilds a missing index on open with progress, and searches it', () => {
    const copy = join(dir, 'rebuild.db');
    copyFileSync(db, copy);
    const raw = new Database(copy);
    raw.exec('DELETE FROM postings; DELETE FROM segments;');
    raw.close();
    const r = runCli(['--db', copy, 'search', '党建', '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /索引：旧版 sucai 的库，正在从已存文本重建，16\/16 篇/);
    const before = runCli(['--db', db, 'search', '党建', '--json']);
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(before.stdout));
  });

  it('stops quietly when the reader of its output has gone, keeping its exit code', () => {
    // `head -c 0` exits at once, so every write meets a closed pipe.
    for (const args of [['list'], ['search', '党建', '--json'], ['ingest', seeds]]) {
      const command = `"${process.execPath}" "${CLI}" --db "${db}" ${args.join(' ')}`;
      const pipeline = `${command} | head -c 0; echo "exit \${PIPESTATUS[0]}" >&2`;
      const r = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8' });
      assert.match(r.stderr, /exit 0\s*$/, args.join(' '));
      assert.doesNotMatch(r.stderr, /EPIPE|Error/, args.join(' '));
    }
  });

  it('is idempotent when the same folder is ingested again', () => {
    const r = runCli(['--db', db, 'ingest', seeds, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as { alreadyStored: number; documents: number };
    assert.equal(summary.alreadyStored, 5);
    assert.equal(summary.documents, 0);
    assert.equal(list(db).length, 16);
  });

  it('links the same text in another encoding, and a near-duplicate, as sources of the stored document', () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    const text = readSeed('004_61eaccc42b378d20.txt');
    writeFileSync(join(other, 'gbk.txt'), iconv.encode(text, 'gb18030'));
    const near = text.replace('大胆探索、勇于创新', '大胆探索、敢于创新').replaceAll('上派范文网', '某某文库网');
    writeFileSync(join(other, 'near.txt'), near);
    const r = runCli(['--db', db, 'ingest', other, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as { documents: number; duplicates: number; nearDuplicates: number };
    assert.equal(summary.documents, 0);
    assert.equal(summary.duplicates, 2);
    assert.equal(summary.nearDuplicates, 1);
    const docs = list(db);
    assert.equal(docs.length, 16);
    const id = docs.find((d) => d.sourceFile.includes('004_'))!.id;
    const shown = JSON.parse(runCli(['--db', db, 'show', String(id), '--json']).stdout) as {
      sources: Array<{ path: string; near: boolean }>;
    };
    assert.equal(shown.sources.length, 3);
    assert.ok(shown.sources.some((s) => s.path.endsWith('near.txt') && s.near));
  });

  it('links the same article wrapped in HTML or DOCX as another source', async () => {
    const wrapped = join(dir, 'wrapped');
    mkdirSync(wrapped);
    const lines = readSeed('002_9b796a64e49f5dc7.txt')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    const body = lines
      .slice(1)
      .map((l) => `<p>${l}</p>`)
      .join('');
    const html =
      `<html><head><title>${lines[0]}</title></head><body><nav>首页 | 范文</nav>` +
      `<article><h1>${lines[0]}</h1>${body}</article><footer>友情链接</footer></body></html>`;
    writeFileSync(join(wrapped, 'page.html'), html);
    const docx = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    writeFileSync(join(wrapped, 'report.docx'), await Packer.toBuffer(docx));
    const r = runCli(['--db', db, 'ingest', wrapped, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as { documents: number; duplicates: number };
    assert.deepEqual([summary.documents, summary.duplicates], [0, 2]);
    const id = list(db).find((d) => d.sourceFile.includes('002_'))!.id;
    const shown = JSON.parse(runCli(['--db', db, 'show', String(id), '--json']).stdout) as {
      sources: Array<{ path: string; format: string }>;
    };
    assert.deepEqual(shown.sources.map((s) => s.format).sort(), ['docx', 'html', 'text']);
  });

  it('shows a document in the JSON contract', () => {
    const doc = list(db).find((d) => d.sourceFile.includes('000_'))!;
    const r = runCli(['--db', db, 'show', String(doc.id), '--json']);
    assert.equal(r.status, 0, r.stderr);
    const shown = JSON.parse(r.stdout) as {
      text: string;
      roles: string[];
      outline: unknown[];
      paid: { freeChars: number } | null;
      placeholders: unknown[];
      removed: Array<{ rule: string }>;
    };
    assert.equal(shown.roles.length, shown.text.split('\n').length);
    assert.equal(shown.outline.length, 15);
    assert.ok(shown.paid && shown.paid.freeChars > 0);
    assert.ok(shown.removed.some((x) => x.rule === 'ad-block'));
    const human = runCli(['--db', db, 'show', String(doc.id)]);
    assert.match(human.stdout, /提纲\n {2}一、学习宣传贯彻党的XX大精神工作开展情况\n {4}（一）/);
  });

  it('searches with scopes and filters, and rejects a malformed query with exit 2', () => {
    const r = runCli(['--db', db, 'search', '宣讲', '--json', '--limit', '3']);
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout) as { total: number; hits: Array<{ title: string; snippets: unknown[] }> };
    assert.ok(result.total >= 3);
    assert.equal(result.hits.length, 3);
    assert.equal(result.hits[0]!.title, '关于全市理论宣讲工作汇报');
    const byYear = JSON.parse(runCli(['--db', db, 'search', '主题教育', '--json', '--year', '2023']).stdout) as {
      total: number;
    };
    // 002 names 2023 in its title; the 12 articles of 003 are dated by the campaign they report on.
    assert.equal(byYear.total, 13);
    const human = runCli(['--db', db, 'search', '蜜雪冰城']);
    assert.match(human.stdout, /共 1 篇[\s\S]*«蜜雪冰城»/);
    const bad = runCli(['--db', db, 'search', '"未闭合', '--json']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /quote/i);
    assert.equal(runCli(['--db', db, 'search', 'x', '--scope', 'nowhere']).status, 2);
  });

  it('reports unreadable files by name with the reason, stores the rest, exit 3', () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'empty.txt'), '');
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3];
    writeFileSync(join(mixed, 'image.txt'), Buffer.from(png));
    writeFileSync(join(mixed, 'report.pdf'), '%PDF-1.4\n');
    const cut = Buffer.from('某某工作总结\n\n今年以来，我们扎实推进各项工作。', 'utf8');
    writeFileSync(join(mixed, 'cut.txt'), cut.subarray(0, cut.length - 2));
    writeFileSync(join(mixed, 'good.txt'), '一个新的工作汇报\n\n今年以来，全局上下扎实推进各项工作，取得明显成效。');
    const before = list(db).length;
    const r = runCli(['--db', db, 'ingest', mixed]);
    assert.equal(r.status, 3, r.stdout + r.stderr);
    for (const name of ['empty.txt', 'image.txt', 'report.pdf']) {
      assert.match(r.stdout, new RegExp(`✗ .*${name.replace('.', '\\.')}: `));
    }
    // A file cut short inside a character is stored with what it holds, the damage named.
    assert.match(r.stdout, /! .*cut\.txt: damaged UTF-8: cut short inside a character at byte \d+/);
    assert.equal(list(db).length, before + 2);
    const stored = list(db);
    assert.equal(stored.length, new Set(stored.map((d) => d.id)).size, 'nothing stored twice');
  });

  it('keeps a consistent library when killed mid-batch, and completes on the next run', async () => {
    const corpus = join(dir, 'corpus');
    writeRandomDocuments(corpus, 120, 7);
    const killedDb = join(dir, 'killed.db');
    const env = { SUCAI_BATCH_BYTES: '20000' };
    const { killed } = await killCliWhen(['--db', killedDb, 'ingest', corpus], /入库：\d+\/120/, env);
    assert.ok(killed, 'the ingest was killed before it finished');
    const partial = list(killedDb);
    assert.ok(partial.length > 0 && partial.length < 120, `partial library holds ${partial.length}`);
    for (const d of partial.slice(0, 5)) {
      assert.equal(runCli(['--db', killedDb, 'show', String(d.id), '--json']).status, 0);
    }
    const rerun = runCli(['--db', killedDb, 'ingest', corpus], env);
    assert.equal(rerun.status, 0, rerun.stderr);
    const complete = list(killedDb);
    assert.equal(complete.length, 120);
    assert.equal(new Set(complete.map((d) => /^第(\d+)号/.exec(d.title)?.[1])).size, 120, 'every document once');
    const count = JSON.parse(runCli(['--db', killedDb, 'search', '第7号单位', '--json']).stdout) as { total: number };
    assert.equal(count.total, 1);
  });
});
