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
});
