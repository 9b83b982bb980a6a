import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayKey } from '../core/members/day-key.js';
import { normalizeCode } from '../core/members/redeem-code.js';
import type { Actor, MemberStore } from '../storage/member-store.js';

/** What the contract is run on: a fresh, empty store and the means to give it accounts and documents. */
export interface MemberFixture {
  store: MemberStore;
  /** Makes an account (what accounts' store does) and gives its id. */
  addUser(name: string, role?: 'member' | 'admin'): Promise<number>;
  /** Ids of documents stored in the library beside the store (at least three). */
  documents: number[];
  /** A second store on the same data over a connection of its own (what a second process would have). */
  another(): Promise<MemberStore>;
  close(): Promise<void>;
}

const ADMIN: Actor = { userId: null, name: 'cli:test' };
const NOW = new Date('2026-03-01T04:00:00Z');
const DAY = 86_400_000;

/**
 * The behaviour every MemberStore must have (SQLite today; PostgreSQL next runs the same): `open` gives a
 * fixture over an empty store.
 */
export function runMemberStoreContract(name: string, open: () => Promise<MemberFixture>): void {
  describe(`MemberStore contract: ${name}`, () => {
    it('grants VIP by days from the later of now and the expiry, by a date, and revokes; all audited', async () => {
      const f = await open();
      const { store } = f;
      const id = await f.addUser('Zhang');
      assert.deepEqual(await store.findAccount('zhang'), { id, name: 'Zhang', role: 'member', vipUntil: null });
      assert.equal(await store.findAccount('nobody'), null);
      const first = await store.grantVip(ADMIN, id, { days: 30 }, NOW);
      assert.equal(first?.vipUntil, new Date(NOW.getTime() + 30 * DAY).toISOString());
      const later = new Date(NOW.getTime() + 10 * DAY);
      const second = await store.grantVip(ADMIN, id, { days: 5 }, later);
      assert.equal(second?.vipUntil, new Date(NOW.getTime() + 35 * DAY).toISOString());
      const exact = await store.grantVip(ADMIN, id, { until: '2027-01-01T00:00:00Z' }, later);
      assert.equal(exact?.vipUntil, '2027-01-01T00:00:00.000Z');
      assert.equal((await store.account(id))?.vipUntil, '2027-01-01T00:00:00.000Z');
      const revoked = await store.revokeVip({ userId: null, name: 'cli:root' }, id, later);
      assert.equal(revoked?.vipUntil, null);
      assert.equal((await store.account(id))?.vipUntil, null);
      assert.equal(await store.grantVip(ADMIN, 9999, { days: 1 }, NOW), null);
      assert.equal(await store.revokeVip(ADMIN, 9999, NOW), null);
      await assert.rejects(store.grantVip(ADMIN, id, { days: 0 }, NOW), RangeError);
      await assert.rejects(store.grantVip(ADMIN, id, { until: 'soon' }, NOW), RangeError);
      const log = await store.auditLog();
      assert.deepEqual(
        log.map((e) => [e.action, e.actor.name, e.target?.name, e.days]),
        [
          ['revoke', 'cli:root', 'Zhang', null],
          ['grant', 'cli:test', 'Zhang', null],
          ['grant', 'cli:test', 'Zhang', 5],
          ['grant', 'cli:test', 'Zhang', 30],
        ],
      );
      assert.equal(log[0]!.before, '2027-01-01T00:00:00.000Z');
      assert.equal(log[0]!.after, null);
      assert.equal(log[3]!.before, null);
      assert.equal(log[3]!.at, NOW.toISOString());
      assert.deepEqual(
        (await store.auditLog({ limit: 2, before: log[1]!.id })).map((e) => e.id),
        [log[2]!.id, log[3]!.id],
      );
      await f.close();
    });

    it('makes batches of distinct codes, redeems each once, extending from the later of now and expiry', async () => {
      const f = await open();
      const { store } = f;
      const admin = await f.addUser('admin', 'admin');
      const li = await f.addUser('li');
      const wang = await f.addUser('wang');
      const batch = await store.createCodes({ userId: admin, name: 'admin' }, { count: 5, days: 30, tier: 'vip' }, NOW);
      assert.equal(batch.codes.length, 5);
      assert.equal(new Set(batch.codes).size, 5);
      for (const c of batch.codes) assert.equal(normalizeCode(c), c);
      const [a, b] = batch.codes as [string, string];
      const done = await store.redeemCode(li, a.toLowerCase().replace(/-/g, ' '), NOW);
      assert.ok(done.ok);
      assert.equal(done.account.vipUntil, new Date(NOW.getTime() + 30 * DAY).toISOString());
      assert.equal(done.days, 30);
      assert.equal(done.batchId, batch.id);
      assert.deepEqual(await store.redeemCode(li, a, NOW), { ok: false, reason: 'used' });
      assert.deepEqual(await store.redeemCode(wang, a, NOW), { ok: false, reason: 'used' });
      assert.deepEqual(await store.redeemCode(wang, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', NOW), { ok: false, reason: 'unknown' });
      assert.deepEqual(await store.redeemCode(wang, '不是卡密', NOW), { ok: false, reason: 'unknown' });
      assert.equal((await store.account(wang))?.vipUntil, null);
      // A second code on a running VIP adds to its end.
      const again = await store.redeemCode(li, b, new Date(NOW.getTime() + DAY));
      assert.ok(again.ok);
      assert.equal(again.account.vipUntil, new Date(NOW.getTime() + 60 * DAY).toISOString());
      const [summary] = await store.listCodeBatches();
      assert.deepEqual(summary, {
        id: batch.id,
        createdAt: NOW.toISOString(),
        createdBy: 'admin',
        tier: 'vip',
        days: 30,
        count: 5,
        redeemed: 2,
      });
      const log = await store.auditLog();
      assert.deepEqual(
        log.map((e) => [e.action, e.actor.name, e.target?.name ?? null, e.batchId]),
        [
          ['redeem', 'li', 'li', batch.id],
          ['redeem', 'li', 'li', batch.id],
          ['codes', 'admin', null, batch.id],
        ],
      );
      assert.equal(log[0]!.note, b.slice(-4));
      await assert.rejects(store.createCodes(ADMIN, { count: 0, days: 30, tier: 'vip' }), RangeError);
      await assert.rejects(store.createCodes(ADMIN, { count: 1, days: 0, tier: 'vip' }), RangeError);
      await f.close();
    });

    it('gives one success when a code is redeemed twice at the same moment, through two connections', async () => {
      const f = await open();
      const other = await f.another();
      const users = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((n) => f.addUser(n)));
      const { codes } = await f.store.createCodes(ADMIN, { count: 1, days: 7, tier: 'vip' }, NOW);
      const code = codes[0]!;
      const results = await Promise.all(users.map((u, i) => (i % 2 ? other : f.store).redeemCode(u, code, NOW)));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.deepEqual(
        results.filter((r) => !r.ok),
        [1, 2, 3].map(() => ({ ok: false, reason: 'used' })),
      );
      const vip = await Promise.all(users.map(async (u) => (await f.store.account(u))?.vipUntil ?? null));
      assert.equal(vip.filter((v) => v !== null).length, 1);
      assert.equal((await f.store.auditLog()).filter((e) => e.action === 'redeem').length, 1);
      await other.close();
      await f.close();
    });

    it('keeps favourites in folders, each member seeing only their own', async () => {
      const f = await open();
      const { store } = f;
      const [d1, d2, d3] = f.documents as [number, number, number];
      const me = await f.addUser('me');
      const you = await f.addUser('you');
      const speeches = await store.createFolder(me, '讲话稿', NOW);
      assert.notEqual(speeches, 'exists');
      if (speeches === 'exists') return;
      assert.equal(await store.createFolder(me, '讲话稿'), 'exists');
      const yours = await store.createFolder(you, '讲话稿');
      assert.notEqual(yours, 'exists');
      if (yours === 'exists') return;
      const fav1 = (await store.addFavourite(me, d1, speeches.id, NOW))!;
      assert.equal(fav1.folderId, speeches.id);
      assert.equal(typeof fav1.title, 'string');
      const fav2 = (await store.addFavourite(me, d2, null, new Date(NOW.getTime() + 1000)))!;
      assert.equal(await store.addFavourite(me, 999_999, null), null, 'no such document');
      assert.equal(await store.addFavourite(me, d3, yours.id), null, "another member's folder");
      assert.deepEqual(
        (await store.favourites(me)).map((v) => v.documentId),
        [d2, d1],
      );
      assert.deepEqual(
        (await store.favourites(me, speeches.id)).map((v) => v.id),
        [fav1.id],
      );
      assert.deepEqual(
        (await store.favourites(me, null)).map((v) => v.id),
        [fav2.id],
      );
      assert.deepEqual(await store.favourites(you), []);
      assert.equal(await store.favourite(you, fav1.id), null);
      assert.equal((await store.favouriteOf(me, d1))?.id, fav1.id);
      assert.equal(await store.favouriteOf(you, d1), null);
      // Favouriting again moves it; another member's ids are as good as none.
      assert.equal((await store.addFavourite(me, d1, null))?.id, fav1.id);
      assert.equal((await store.moveFavourite(me, fav1.id, speeches.id))?.folderId, speeches.id);
      assert.equal(await store.moveFavourite(you, fav1.id, null), null);
      assert.equal(await store.moveFavourite(me, fav1.id, yours.id), null);
      assert.equal(await store.removeFavourite(you, fav1.id), false);
      assert.equal(await store.renameFolder(you, speeches.id, 'x'), null);
      assert.equal(await store.deleteFolder(you, speeches.id), false);
      assert.deepEqual(
        (await store.folders(me)).map((x) => [x.name, x.count]),
        [['讲话稿', 1]],
      );
      const other = (await store.createFolder(me, '方案')) as { id: number };
      assert.equal(await store.renameFolder(me, other.id, '讲话稿'), 'exists');
      const renamed = await store.renameFolder(me, other.id, '实施方案');
      assert.deepEqual(
        renamed,
        (await store.folders(me)).find((x) => x.id === other.id),
      );
      assert.equal((renamed as { name: string }).name, '实施方案');
      // Deleting a folder keeps its favourites, out of any folder.
      assert.equal(await store.deleteFolder(me, speeches.id), true);
      assert.equal((await store.favourite(me, fav1.id))?.folderId, null);
      assert.equal(await store.removeFavourite(me, fav1.id), true);
      assert.equal(await store.removeFavourite(me, fav1.id), false);
      assert.deepEqual(
        (await store.favourites(me)).map((v) => v.id),
        [fav2.id],
      );
      await f.close();
    });

    it('keeps the latest read of each document, newest first, per member', async () => {
      const f = await open();
      const { store } = f;
      const [d1, d2, d3] = f.documents as [number, number, number];
      const me = await f.addUser('reader');
      const you = await f.addUser('other');
      await store.recordRead(me, d1, new Date(NOW.getTime() + 1));
      await store.recordRead(me, d2, new Date(NOW.getTime() + 2));
      await store.recordRead(me, d3, new Date(NOW.getTime() + 3));
      await store.recordRead(me, d1, new Date(NOW.getTime() + 4));
      await store.recordRead(you, d2, new Date(NOW.getTime() + 5));
      assert.deepEqual(
        (await store.recentReads(me)).map((r) => r.documentId),
        [d1, d3, d2],
      );
      assert.deepEqual(
        (await store.recentReads(me, 2)).map((r) => r.documentId),
        [d1, d3],
      );
      assert.deepEqual(
        (await store.recentReads(you)).map((r) => r.documentId),
        [d2],
      );
      await f.close();
    });

    it('counts downloads against the quota of the local day; a released one is not counted', async () => {
      const f = await open();
      const { store } = f;
      const [d1] = f.documents as [number];
      const me = await f.addUser('downloader');
      const you = await f.addUser('someone');
      const day = dayKey(NOW);
      const request = {
        subject: `user:${me}`,
        userId: me,
        day,
        limit: 2,
        documentId: d1,
        title: '标题',
        format: 'docx',
      };
      const first = await store.reserveDownload(request, NOW);
      assert.ok(first !== null);
      const failed = await store.reserveDownload(request, NOW);
      assert.ok(failed !== null);
      assert.equal(await store.reserveDownload(request, NOW), null, 'two in flight fill a quota of two');
      await store.releaseDownload(failed);
      assert.equal(await store.downloadsUsed(request.subject, day, NOW), 1);
      await store.completeDownload(first, NOW);
      const second = await store.reserveDownload({ ...request, format: 'txt' }, NOW);
      assert.ok(second !== null);
      await store.completeDownload(second, new Date(NOW.getTime() + 1000));
      assert.equal(await store.reserveDownload(request, NOW), null);
      assert.equal(await store.downloadsUsed(request.subject, day, NOW), 2);
      // The next local day starts afresh; another member has a quota of their own; null counts but never refuses.
      assert.ok((await store.reserveDownload({ ...request, day: '2026-03-02' }, NOW)) !== null);
      assert.ok((await store.reserveDownload({ ...request, subject: `user:${you}`, userId: you }, NOW)) !== null);
      assert.ok((await store.reserveDownload({ ...request, limit: null }, NOW)) !== null);
      const history = await store.downloadHistory(me);
      assert.deepEqual(
        history.map((h) => [h.documentId, h.format]),
        [
          [d1, 'txt'],
          [d1, 'docx'],
        ],
      );
      assert.equal((await store.download(me, history[0]!.id))?.format, 'txt');
      assert.equal(await store.download(you, history[0]!.id), null);
      assert.deepEqual(await store.downloadHistory(you), []);
      assert.deepEqual(
        (await store.downloadHistory(me, { limit: 1, before: history[0]!.id })).map((h) => h.id),
        [history[1]!.id],
      );
      await f.close();
    });

    it('lets a reservation never completed lapse, so a process that died gives the download back', async () => {
      const f = await open();
      const me = await f.addUser('crashed');
      const request = {
        subject: `user:${me}`,
        userId: me,
        day: dayKey(NOW),
        limit: 1,
        documentId: f.documents[0]!,
        title: '标题',
        format: 'md',
      };
      assert.ok((await f.store.reserveDownload(request, NOW)) !== null);
      assert.equal(await f.store.reserveDownload(request, new Date(NOW.getTime() + 60_000)), null);
      assert.ok((await f.store.reserveDownload(request, new Date(NOW.getTime() + 3_600_000))) !== null);
      await f.close();
    });

    it('never lets many downloads at once through two connections exceed the quota', async () => {
      const f = await open();
      const other = await f.another();
      const me = await f.addUser('burst');
      const request = {
        subject: `user:${me}`,
        userId: me,
        day: dayKey(NOW),
        limit: 3,
        documentId: f.documents[0]!,
        title: '标题',
        format: 'txt',
      };
      const taken = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? other : f.store).reserveDownload(request, NOW)),
      );
      assert.equal(taken.filter((t) => t !== null).length, 3);
      await other.close();
      await f.close();
    });
  });
}
