import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { MemberStore } from '../../storage/member-store.js';
import { READ_EVERY_MS, RecentReads } from './recent-reads.js';

/** A store that only keeps the reads written to it; failing while `down` is set. */
function readsStore(): { store: MemberStore; written: Array<[number, number, string]>; down: { on: boolean } } {
  const written: Array<[number, number, string]> = [];
  const down = { on: false };
  const store = {
    recordRead: async (userId: number, documentId: number, now?: Date) => {
      if (down.on) throw new Error('database is locked');
      written.push([userId, documentId, now!.toISOString()]);
    },
  } as unknown as MemberStore;
  return { store, written, down };
}

it('writes a read at most once a minute per member and document; first reads always', async () => {
  const { store, written } = readsStore();
  let now = Date.parse('2026-12-07T08:00:00Z');
  const reads = new RecentReads(store, () => now);
  await Promise.all([reads.note(1, 10), reads.note(1, 10), reads.note(1, 11), reads.note(2, 10)]);
  assert.deepEqual(
    written.map(([u, d]) => `${u}:${d}`),
    ['1:10', '1:11', '2:10'],
  );
  now += READ_EVERY_MS - 1;
  await reads.note(1, 10);
  assert.equal(written.length, 3, 'a re-read within the minute is not written');
  now += 1;
  await reads.note(1, 10);
  assert.deepEqual(written.at(-1), [1, 10, '2026-12-07T08:01:00.000Z']);
});

it('tries again on the next read when a write failed', async () => {
  const { store, written, down } = readsStore();
  const reads = new RecentReads(store, () => 0);
  down.on = true;
  await assert.rejects(reads.note(1, 10), /locked/);
  down.on = false;
  await reads.note(1, 10);
  assert.equal(written.length, 1);
});

it('stays bounded under many distinct reads', async () => {
  const { store, written } = readsStore();
  let now = 0;
  const reads = new RecentReads(store, () => now);
  for (let d = 0; d < 25_000; d++) await reads.note(1, d);
  now += READ_EVERY_MS;
  await reads.note(1, 0);
  assert.equal(written.length, 25_001);
});
