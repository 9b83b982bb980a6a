import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { dayKey } from '../../core/members/day-key.js';
import type { Redemption } from '../member-store.js';
import { addUserRow } from '../../testing/member-users.js';
import type { RaceTask } from '../../testing/member-race-worker.js';
import { tempDir } from '../../testing/temp-dir.js';
import { openSqliteMemberStore } from './sqlite-member-store.js';

const WORKER = new URL('../../testing/member-race-worker.js', import.meta.url);
const dir = tempDir();

/** Runs one worker per op, each on its own connection and thread, all released at the same moment. */
function race(path: string, ops: Array<RaceTask['op']>): Promise<unknown[]> {
  const barrier = new SharedArrayBuffer(8);
  return Promise.all(
    ops.map(
      (op) =>
        new Promise<unknown>((resolve, reject) => {
          const task: RaceTask = { path, barrier, workers: ops.length, op };
          const worker = new Worker(WORKER, { workerData: task });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
}

it('gives one success when threads redeem the same code at the same moment', async () => {
  const path = join(dir, 'redeem-race.db');
  const store = openSqliteMemberStore(path);
  const users = ['t1', 't2', 't3', 't4'].map((n) => addUserRow(path, n));
  const { codes } = await store.createCodes({ userId: null, name: 'cli:test' }, { count: 1, days: 30, tier: 'vip' });
  const results = (await race(
    path,
    users.map((userId) => ({ kind: 'redeem' as const, userId, code: codes[0]! })),
  )) as Redemption[];
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.equal(results.filter((r) => !r.ok && r.reason === 'used').length, 3);
  const vip = await Promise.all(users.map(async (u) => (await store.account(u))?.vipUntil ?? null));
  assert.equal(vip.filter((v) => v !== null).length, 1);
  await store.close();
});

it('never lets threads downloading at once exceed the quota', async () => {
  const path = join(dir, 'quota-race.db');
  const store = openSqliteMemberStore(path);
  const userId = addUserRow(path, 'many');
  const request = {
    subject: `user:${userId}`,
    userId,
    day: dayKey(new Date()),
    limit: 5,
    documentId: 1,
    title: '标题',
    format: 'txt',
  };
  const results = (await race(
    path,
    [1, 2, 3, 4].map(() => ({ kind: 'reserve' as const, request, times: 4 })),
  )) as Array<Array<number | null>>;
  assert.equal(results.flat().filter((r) => r !== null).length, 5);
  assert.equal(await store.downloadsUsed(request.subject, request.day), 5);
  await store.close();
});
