import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { effectiveFreeChars } from '../core/access/free-part.js';
import { Library } from '../library.js';
import { runCli } from '../testing/run-cli.js';
import { seedsDir } from '../testing/shared-seeds.js';
import { tempDir } from '../testing/temp-dir.js';

describe('sucai user and --as', () => {
  const dir = tempDir();
  const db = join(dir, 'lib.db');

  it('makes the first admin with the password from stdin, never from an argument', () => {
    assert.equal(runCli(['--db', db, 'ingest', join(seedsDir(), '000_519bf36544b22e16.txt')]).status, 0);
    const r = runCli(['--db', db, 'user', 'add', '站长', '--role', 'admin'], {}, 'admin-password-1\n');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /已创建管理员 站长/);
    assert.equal(runCli(['--db', db, 'user', 'add', '读者'], {}, 'reader-password\n').status, 0);
    const list = JSON.parse(runCli(['--db', db, 'user', 'list', '--json']).stdout) as Array<{
      name: string;
      tier: string;
    }>;
    assert.deepEqual(
      list.map((u) => [u.name, u.tier]),
      [
        ['站长', 'admin'],
        ['读者', 'member'],
      ],
    );
    assert.ok(!runCli(['--db', db, 'user', 'list', '--json']).stdout.includes('argon2'), 'no hash is printed');
  });

  it('makes the first admin of a new install, creating its library; nothing else creates one', () => {
    const fresh = join(dir, 'fresh', 'data', 'sucai.db');
    assert.equal(runCli(['--db', fresh, 'user', 'list']).status, 2, 'a listing needs a library');
    const made = runCli(['--db', fresh, 'user', 'add', 'admin', '--role', 'admin'], {}, 'first-admin-password\n');
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stderr, /new, empty library/);
    assert.match(runCli(['--db', fresh, 'user', 'list']).stdout, /admin/);
  });

  it('refuses a short password, a taken name, a bad role and a password given as an argument', () => {
    const short = runCli(['--db', db, 'user', 'add', '新人'], {}, 'short\n');
    assert.equal(short.status, 1);
    assert.match(short.stderr, /密码至少 8 个字符/);
    const taken = runCli(['--db', db, 'user', 'add', '读者'], {}, 'another-password\n');
    assert.match(taken.stderr, /用户名已被使用/);
    assert.equal(runCli(['--db', db, 'user', 'add', 'x1', '--role', 'root'], {}, 'p\n').status, 2);
    assert.equal(runCli(['--db', db, 'user', 'add', 'x1', 'secret-password']).status, 2);
    assert.equal(runCli(['--db', db, 'user', 'add', 'x1', '--password', 'p']).status, 2);
  });

  it('shows and searches as an account: a member gets the free part, an admin all', async () => {
    const library = await Library.open(db);
    const [doc] = await library.list();
    const parsed = (await library.show(doc!.id))!.parsed;
    await library.close();
    const text = parsed.paragraphs.map((p) => p.text).join('\n');
    const free = effectiveFreeChars(parsed)!;
    const paidWord = text
      .slice(free)
      .replace(/[\s\p{P}]/gu, '')
      .slice(40, 46);
    const asMember = runCli(['--db', db, 'show', String(doc!.id), '--json', '--as', '读者']);
    assert.equal(asMember.status, 0, asMember.stderr);
    const shown = JSON.parse(asMember.stdout) as { text: string };
    assert.ok(shown.text.length <= free && text.startsWith(shown.text));
    assert.ok(!runCli(['--db', db, 'show', String(doc!.id), '--as', '读者']).stdout.includes(paidWord));
    const asAdmin = JSON.parse(runCli(['--db', db, 'show', String(doc!.id), '--json', '--as', '站长']).stdout) as {
      text: string;
    };
    assert.equal(asAdmin.text, text);
    const search = (as: string): number =>
      (JSON.parse(runCli(['--db', db, 'search', paidWord, '--json', '--as', as]).stdout) as { total: number }).total;
    assert.equal(search('读者'), 0, 'paid text does not match for a member');
    assert.equal(search('站长'), 1);
    const unknown = runCli(['--db', db, 'show', String(doc!.id), '--as', '无此人']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no account "无此人"/);
  });
});
