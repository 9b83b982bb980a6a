import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../testing/run-cli.js';
import { seedFiles, seedsDir } from '../testing/shared-seeds.js';
import { tempDir } from '../testing/temp-dir.js';

interface SearchJson {
  total: number;
  hits: Array<{ id: number }>;
}

function search(db: string, ...args: string[]): SearchJson {
  const r = runCli(['--db', db, 'search', ...args, '--json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as SearchJson;
}

describe('sucai CLI arguments, as users type them', () => {
  const dir = tempDir();
  const db = join(dir, 'lib.db');
  before(() => {
    const r = runCli(['--db', db, 'ingest', ...seedFiles().map((f) => join(seedsDir(), f))]);
    assert.equal(r.status, 0, r.stderr);
  });

  it('takes -term as an exclusion, in any place among the options', () => {
    const all = search(db, '主题教育');
    const withAudit = search(db, '主题教育', '审计');
    assert.ok(withAudit.total > 0 && withAudit.total < all.total, 'the seeds hold 主题教育 with and without 审计');
    const excluded = search(db, '主题教育', '-审计');
    assert.equal(excluded.total, all.total - withAudit.total);
    assert.deepEqual(search(db, '-审计', '--limit', '50', '主题教育'), excluded);
  });

  it('reads options written after --', () => {
    const r = runCli(['--db', db, 'search', '--', '党建', '--limit', '1', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout) as SearchJson;
    assert.ok(result.total > 1, 'more than one document holds 党建');
    assert.equal(result.hits.length, 1);
  });

  it('refuses a library that does not exist instead of creating an empty one', () => {
    const missing = join(dir, 'typo.db');
    for (const args of [['list'], ['show', '1'], ['search', '党建']]) {
      const r = runCli(['--db', missing, ...args]);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /no library at .*typo\.db/);
      assert.equal(existsSync(missing), false, `${args[0]} created the library`);
    }
  });

  it('says so when an option would do nothing', () => {
    const level = runCli(['--db', db, 'search', '党建', '--level', '2']);
    assert.equal(level.status, 2);
    assert.match(level.stderr, /--level needs --scope outline/);
    const unknown = runCli(['--db', db, 'search', '党建', '--lmit', '2']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option "--lmit"/);
  });

  it('matches any punctuation mark where the query has one with --any-punct, highlighting the text’s own', () => {
    // The seeds write 重实践、建新功; exact search for the comma finds nothing.
    assert.equal(search(db, '重实践，建新功').total, 0);
    const any = search(db, '重实践，建新功', '--any-punct');
    assert.ok(any.total > 0);
    assert.deepEqual(
      search(db, '--any-punct', '重实践；建新功', '--limit', '50'),
      search(db, '重实践、建新功', '--limit', '50'),
    );
    assert.equal(search(db, '重实践建新功', '--any-punct').total, 0);
    const human = runCli(['--db', db, 'search', '重实践，建新功', '--any-punct']);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /«重实践、建新功»/);
    const misplaced = runCli(['--db', db, 'list', '--any-punct']);
    assert.equal(misplaced.status, 2);
    assert.match(misplaced.stderr, /--any-punct is not an option of list/);
  });

  it('refuses an option the command does not read', () => {
    const r = runCli(['--db', db, 'list', '--outline']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--outline is not an option of list/);
  });

  it('shows the heading tree alone with --outline and what was cut with --removed, in Chinese', () => {
    const listed = JSON.parse(runCli(['--db', db, 'list', '--json']).stdout) as Array<{ id: number }>;
    const docs = listed.map((d) => {
      const r = runCli(['--db', db, 'show', String(d.id), '--json']);
      return {
        id: d.id,
        ...(JSON.parse(r.stdout) as {
          outline: Array<{ text: string }>;
          removed: Array<{ rule: string; text: string }>;
        }),
      };
    });
    const outlined = docs.find((d) => d.outline.length >= 5)!;
    assert.ok(outlined, 'a seed document has an outline');
    const outline = runCli(['--db', db, 'show', String(outlined.id), '--outline']);
    assert.equal(outline.status, 0, outline.stderr);
    assert.deepEqual(
      outline.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.trim()),
      outlined.outline.map((o) => o.text),
    );
    const cleaned = docs.find((d) => d.removed.length >= 3)!;
    assert.ok(cleaned, 'a seed document had spans removed');
    const removed = runCli(['--db', db, 'show', String(cleaned.id), '--removed']);
    assert.equal(removed.status, 0, removed.stderr);
    assert.match(removed.stdout, new RegExp(`^清除 ${cleaned.removed.length} 处：`));
    for (const span of cleaned.removed) assert.ok(removed.stdout.includes(span.text.trim()), span.text);
    for (const rule of new Set(cleaned.removed.map((r) => r.rule))) {
      assert.ok(!removed.stdout.includes(rule), `rule id ${rule} shown instead of its Chinese name`);
    }
    const human = runCli(['--db', db, 'show', String(cleaned.id)]);
    assert.doesNotMatch(human.stdout.split('\n').slice(-1)[0]!, /site-|ad-block|watermark/);
  });

  it('lists with the filters search takes, and counts every genre, year and tag', () => {
    const all = JSON.parse(runCli(['--db', db, 'list', '--json']).stdout) as Array<{ genre: string | null }>;
    const reports = JSON.parse(runCli(['--db', db, 'list', '--genre', '汇报', '--json']).stdout) as Array<{
      genre: string | null;
    }>;
    assert.ok(reports.length > 0 && reports.length < all.length, `${reports.length} of ${all.length}`);
    assert.ok(reports.every((d) => d.genre === '汇报'));
    const facets = JSON.parse(runCli(['--db', db, 'genres', '--json']).stdout) as { genres: Array<[string, number]> };
    assert.equal(
      facets.genres.reduce((sum, [, n]) => sum + n, 0),
      all.length,
    );
    assert.deepEqual(
      facets.genres.find(([g]) => g === '汇报'),
      ['汇报', reports.length],
    );
    for (const args of [['list'], ['search', '党建']]) {
      const r = runCli(['--db', db, ...args, '--genre', '不存在']);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /unknown genre "不存在" \(genres: 政府工作报告、/);
    }
  });

  it('labels a heading hit with its parent section, a body hit with the heading above it', () => {
    const r = runCli(['--db', db, 'search', '存在问题', '--scope', 'outline', '--json']);
    const result = JSON.parse(r.stdout) as {
      hits: Array<{ title: string; snippets: Array<{ kind: string; text: string; section: string | null }> }>;
    };
    const inSeed = result.hits.find((h) => h.title.startsWith('XX局学习宣传贯彻'))!;
    assert.ok(inSeed, 'the 000 seed has 二、存在问题');
    const heading = inSeed.snippets.find((s) => s.kind === 'heading' && s.text.includes('存在问题'))!;
    assert.equal(heading.section, null, 'a level-1 heading stands under no section');
    const nested = JSON.parse(
      runCli(['--db', db, 'search', '压实主体责任', '--scope', 'outline', '--json']).stdout,
    ) as {
      hits: Array<{ snippets: Array<{ kind: string; section: string | null }> }>;
    };
    const sub = nested.hits[0]!.snippets.find((s) => s.kind === 'heading')!;
    assert.match(sub.section ?? '', /^一、学习宣传贯彻/);
  });
});
