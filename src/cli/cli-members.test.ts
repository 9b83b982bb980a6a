import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeCode } from '../core/members/redeem-code.js';
import type { AuditEntry, MemberAccount } from '../storage/member-store.js';
import { openSqliteMemberStore } from '../storage/sqlite/sqlite-member-store.js';
import { addUserRow } from '../testing/member-users.js';
import { runCli } from '../testing/run-cli.js';
import { tempDir } from '../testing/temp-dir.js';

describe('sucai vip, codes and audit', () => {
  const dir = tempDir();
  const db = join(dir, 'members.db');
  void openSqliteMemberStore(db).close();
  addUserRow(db, 'Zhao');

  it('grants VIP by days and until a date, revokes it, and refuses bad input with exit 2', () => {
    const granted = runCli(['--db', db, 'vip', 'grant', 'zhao', '--days', '30', '--json']);
    assert.equal(granted.status, 0, granted.stderr);
    const account = JSON.parse(granted.stdout) as MemberAccount;
    assert.equal(account.name, 'Zhao');
    const ms = Date.parse(account.vipUntil!) - Date.now();
    assert.ok(ms > 29.9 * 86_400_000 && ms <= 30 * 86_400_000, account.vipUntil!);
    const until = runCli(['--db', db, 'vip', 'grant', 'Zhao', '--until', '2030-01-01']);
    assert.equal(until.status, 0, until.stderr);
    assert.match(until.stdout, /已为 Zhao 开通 VIP，到期 2030-01-01T00:00:00\.000Z/);
    const revoked = runCli(['--db', db, 'vip', 'revoke', 'Zhao']);
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stdout, /已取消 Zhao 的 VIP/);
    for (const bad of [
      ['vip', 'grant', 'nobody', '--days', '3'],
      ['vip', 'grant', 'Zhao'],
      ['vip', 'grant', 'Zhao', '--days', '0'],
      ['vip', 'grant', 'Zhao', '--days', '3', '--until', '2030-01-01'],
      ['vip', 'grant', 'Zhao', '--until', 'someday'],
      ['vip', 'revoke'],
      ['vip', 'extend', 'Zhao'],
      ['vip', 'revoke', 'Zhao', '--count', '3'],
    ]) {
      const r = runCli(['--db', db, ...bad]);
      assert.equal(r.status, 2, bad.join(' '));
      assert.match(r.stderr, /^sucai: /);
    }
  });

  it('generates codes as CSV to a new file or stdout, never over an existing file', () => {
    const out = join(dir, 'codes.csv');
    const r = runCli(['--db', db, 'codes', 'generate', '--count', '3', '--days', '90', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /已生成 3 个卡密/);
    const rows = readFileSync(out, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows[0], '卡密,等级,天数,批次,生成时间');
    assert.equal(rows.length, 4);
    for (const row of rows.slice(1)) {
      const [code, tier, days] = row.split(',');
      assert.equal(normalizeCode(code!), code);
      assert.deepEqual([tier, days], ['vip', '90']);
    }
    assert.equal(statSync(out).mode & 0o077, 0, 'readable by the owner alone');
    writeFileSync(join(dir, 'taken.csv'), 'keep me');
    const clash = runCli([
      '--db',
      db,
      'codes',
      'generate',
      '--count',
      '1',
      '--days',
      '1',
      '--out',
      join(dir, 'taken.csv'),
    ]);
    assert.equal(clash.status, 1);
    assert.equal(readFileSync(join(dir, 'taken.csv'), 'utf8'), 'keep me');
    assert.match(clash.stdout, /卡密/, 'the batch made is still shown');
    const stdout = runCli(['--db', db, 'codes', 'generate', '--count', '2', '--days', '7']);
    assert.equal(stdout.status, 0, stdout.stderr);
    assert.equal(stdout.stdout.trim().split('\r\n').length, 3);
    for (const bad of [
      ['--count', '0', '--days', '7'],
      ['--count', '2'],
      ['--days', '7'],
      ['--count', 'x', '--days', '7'],
    ]) {
      assert.equal(runCli(['--db', db, 'codes', 'generate', ...bad]).status, 2, bad.join(' '));
    }
  });

  it('reads the audit log, newest first, as lines or JSON', () => {
    const r = runCli(['--db', db, 'audit', '--json', '--limit', '50']);
    assert.equal(r.status, 0, r.stderr);
    const entries = JSON.parse(r.stdout) as AuditEntry[];
    assert.deepEqual(
      entries.map((e) => e.action),
      ['codes', 'codes', 'codes', 'revoke', 'grant', 'grant'],
    );
    assert.match(entries[0]!.actor.name, /^cli:/);
    const human = runCli(['--db', db, 'audit']);
    assert.equal(human.status, 0);
    assert.match(human.stdout, /cli:\S+ {2}开通 {2}Zhao {2}30 天 {2}到期 无 → 20/);
    assert.equal(runCli(['--db', db, 'audit', '--limit', '0']).status, 2);
    assert.equal(runCli(['--db', join(dir, 'none.db'), 'audit']).status, 2);
  });
});
