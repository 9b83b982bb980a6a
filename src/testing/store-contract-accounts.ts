import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { loginKey } from '../core/accounts/credentials.js';
import { AccountTakenError } from '../storage/accounts.js';
import type { LibraryStore } from '../storage/store.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const later = (ms: number): Date => new Date(NOW.getTime() + ms);
const hashOf = (id: string): string => createHash('sha256').update(id).digest('hex');

function session(id: string, userId: number, expiresInMs = 3_600_000) {
  const at = NOW.toISOString();
  return { idHash: hashOf(id), userId, createdAt: at, lastSeenAt: at, expiresAt: later(expiresInMs).toISOString() };
}

/** The AccountStore behaviour every LibraryStore must have (run from runStoreContract): `open` gives an empty store. */
export function runAccountContract(open: () => Promise<LibraryStore>): void {
  describe('accounts', () => {
    it('creates accounts unique by name case-insensitively and by e-mail, and finds them by either', async () => {
      const store = await open();
      const a = store.accounts;
      const zhang = await a.createUser(
        { name: 'Zhang_San', email: 'Zhang@Example.cn', passwordHash: 'h1', role: 'member' },
        NOW,
      );
      assert.equal(zhang.name, 'Zhang_San');
      assert.equal(zhang.role, 'member');
      assert.equal(zhang.vipUntil, null);
      assert.equal(zhang.createdAt, NOW.toISOString());
      await assert.rejects(
        a.createUser({ name: 'ｚｈａｎｇ_ｓａｎ', email: null, passwordHash: 'h', role: 'member' }, NOW),
        (e: unknown) => e instanceof AccountTakenError && e.field === 'name',
      );
      await assert.rejects(
        a.createUser({ name: 'lisi', email: 'zhang@example.CN', passwordHash: 'h', role: 'member' }, NOW),
        (e: unknown) => e instanceof AccountTakenError && e.field === 'email',
      );
      // A name equal to another's e-mail would make a login mean two accounts.
      await assert.rejects(
        a.createUser({ name: 'zhang@example.cn', email: null, passwordHash: 'h', role: 'member' }, NOW),
        AccountTakenError,
      );
      const li = await a.createUser({ name: '李四', email: null, passwordHash: 'h2', role: 'admin' }, NOW);
      assert.equal((await a.userByLogin(loginKey('ZHANG_san')))?.id, zhang.id);
      assert.equal((await a.userByLogin(loginKey('zhang@example.cn')))?.id, zhang.id);
      assert.equal((await a.userByLogin(loginKey('李四')))?.role, 'admin');
      assert.equal(await a.userByLogin(loginKey('王五')), null);
      assert.deepEqual((await a.userById(li.id))?.name, '李四');
      assert.equal(await a.userById(9999), null);
      assert.deepEqual(
        (await a.listUsers()).map((u) => u.name),
        ['Zhang_San', '李四'],
      );
      await store.close();
    });

    it('keeps sessions by hash, rotates one at login, expires them, and ends all of an account', async () => {
      const store = await open();
      const a = store.accounts;
      const u = await a.createUser({ name: 'wang', email: null, passwordHash: 'h', role: 'member' }, NOW);
      const v = await a.createUser({ name: 'zhao', email: null, passwordHash: 'h', role: 'member' }, NOW);
      await a.createSession(session('first', u.id), null);
      assert.equal((await a.session(hashOf('first'), NOW))?.user.id, u.id);
      // Rotated: the session the login came in with is gone in the same write.
      await a.createSession(session('second', u.id), hashOf('first'));
      assert.equal(await a.session(hashOf('first'), NOW), null);
      assert.equal((await a.session(hashOf('second'), NOW))?.session.userId, u.id);
      assert.equal(await a.session(hashOf('second'), later(3_600_001)), null, 'expired');
      assert.equal(await a.session(hashOf('second'), NOW), null, 'an expired session is deleted');
      await a.createSession(session('third', u.id), null);
      await a.touchSession(hashOf('third'), later(1000), later(7_200_000));
      const touched = (await a.session(hashOf('third'), later(5_000_000)))!;
      assert.equal(touched.session.lastSeenAt, later(1000).toISOString());
      await a.createSession(session('fourth', u.id), null);
      await a.createSession(session('theirs', v.id), null);
      assert.equal(await a.deleteUserSessions(u.id), 2);
      assert.equal(await a.session(hashOf('fourth'), NOW), null);
      assert.equal((await a.session(hashOf('theirs'), NOW))?.user.id, v.id, "another account's stays");
      await a.deleteSession(hashOf('theirs'));
      assert.equal(await a.session(hashOf('theirs'), NOW), null);
      await store.close();
    });

    it('changes a password ending every other session, and sets role and VIP expiry', async () => {
      const store = await open();
      const a = store.accounts;
      const u = await a.createUser({ name: 'chen', email: null, passwordHash: 'old', role: 'member' }, NOW);
      await a.createSession(session('here', u.id), null);
      await a.createSession(session('there', u.id), null);
      await a.setPassword(u.id, 'new', hashOf('here'));
      assert.equal((await a.userById(u.id))?.passwordHash, 'new');
      assert.ok(await a.session(hashOf('here'), NOW));
      assert.equal(await a.session(hashOf('there'), NOW), null);
      await a.setPassword(u.id, 'newer', null);
      assert.equal(await a.session(hashOf('here'), NOW), null);
      await a.setRole(u.id, 'admin');
      await a.setVipUntil(u.id, '2027-01-01T00:00:00.000Z');
      const after = (await a.userById(u.id))!;
      assert.equal(after.role, 'admin');
      assert.equal(after.vipUntil, '2027-01-01T00:00:00.000Z');
      await store.close();
    });

    it('counts failed logins per key in a sliding window, forgets old ones and clears on request', async () => {
      const store = await open();
      const a = store.accounts;
      for (let i = 0; i < 3; i++) await a.recordLoginFailure(['user:wang', 'addr:10.0.0.1'], later(i * 60_000), NOW);
      await a.recordLoginFailure(['addr:10.0.0.1'], later(10 * 60_000), NOW);
      assert.equal(await a.loginFailures('user:wang', NOW), 3);
      assert.equal(await a.loginFailures('addr:10.0.0.1', NOW), 4);
      assert.equal(await a.loginFailures('user:wang', later(60_000)), 2, 'the window slides');
      assert.equal(await a.loginFailures('user:li', NOW), 0);
      // Attempts before the window are forgotten as new ones come.
      await a.recordLoginFailure(['user:wang'], later(20 * 60_000), later(15 * 60_000));
      assert.equal(await a.loginFailures('user:wang', new Date(0)), 1);
      await a.recordLoginFailure(['user:wang', 'addr:10.0.0.9'], later(21 * 60_000), NOW);
      await a.forgetLoginFailure(['user:wang', 'addr:10.0.0.9'], later(21 * 60_000));
      assert.equal(await a.loginFailures('user:wang', new Date(0)), 1, 'one attempt taken back');
      assert.equal(await a.loginFailures('addr:10.0.0.9', new Date(0)), 0);
      await a.clearLoginFailures(['user:wang']);
      assert.equal(await a.loginFailures('user:wang', new Date(0)), 0);
      assert.equal(await a.loginFailures('addr:10.0.0.1', NOW), 4);
      await store.close();
    });
  });
}
