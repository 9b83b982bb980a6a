import { parentPort, workerData } from 'node:worker_threads';
import type { DownloadRequest } from '../storage/member-store.js';
import { openSqliteMemberStore } from '../storage/sqlite/sqlite-member-store.js';

/** What a racing worker is told: its library file, the barrier all start at, and what to do. */
export interface RaceTask {
  path: string;
  /** Int32Array over a SharedArrayBuffer: [workers ready, go]. */
  barrier: SharedArrayBuffer;
  workers: number;
  op: { kind: 'redeem'; userId: number; code: string } | { kind: 'reserve'; request: DownloadRequest; times: number };
}

/** A worker of the members' race tests: opens its own connection, waits for every worker, then acts at once. */
const task = workerData as RaceTask;
const store = openSqliteMemberStore(task.path);
const barrier = new Int32Array(task.barrier);
if (Atomics.add(barrier, 0, 1) + 1 === task.workers) {
  Atomics.store(barrier, 1, 1);
  Atomics.notify(barrier, 1);
} else {
  Atomics.wait(barrier, 1, 0);
}
const op = task.op;
let result: unknown;
if (op.kind === 'redeem') {
  result = await store.redeemCode(op.userId, op.code);
} else {
  const taken: Array<number | null> = [];
  for (let i = 0; i < op.times; i++) taken.push(await store.reserveDownload(op.request));
  result = taken;
}
await store.close();
parentPort!.postMessage(result);
