import assert from 'node:assert/strict';
import { it } from 'node:test';
import { mapBounded } from './map-bounded.js';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

it('maps in the items’ order with at most `limit` calls in flight', async () => {
  let inFlight = 0;
  let most = 0;
  const items = Array.from({ length: 50 }, (_, k) => k);
  const out = await mapBounded(items, 4, async (n) => {
    most = Math.max(most, ++inFlight);
    await tick((n * 7) % 5);
    inFlight--;
    return n * 2;
  });
  assert.deepEqual(
    out,
    items.map((n) => n * 2),
  );
  assert.equal(most, 4);
  assert.deepEqual(await mapBounded([], 4, async () => 1), []);
});

it('starts no new call after one fails, and rejects with its error', async () => {
  const started: number[] = [];
  const items = Array.from({ length: 40 }, (_, k) => k);
  await assert.rejects(
    mapBounded(items, 3, async (n) => {
      started.push(n);
      await tick(1);
      if (n === 5) throw new Error('disk full at 5');
      return n;
    }),
    /disk full at 5/,
  );
  await tick(20);
  assert.ok(started.length < 12, `started ${started.length} of 40`);
});
