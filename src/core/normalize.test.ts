import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { adoptNormalizationTable, normalizationTable, normalizeText } from './normalize.js';

test('normalization folds width, case and traditional characters, one code unit for one', () => {
  const text = 'ＡＢＣ　學習，Ｘ';
  const normalized = normalizeText(text);
  assert.equal(normalized, 'abc 学习,x');
  assert.equal(normalized.length, text.length);
});

test('a table handed over is used as it is, and anything but a full table is ignored', async () => {
  // A fresh thread has built no table: one handed to it (here: every code unit kept but A → z) is taken.
  const handed = new Uint16Array(65536).map((_, c) => c);
  handed[0x41] = 0x7a;
  const moduleUrl = new URL('./normalize.js', import.meta.url).href;
  const source = `
    const { workerData, parentPort } = await import('node:worker_threads');
    const { adoptNormalizationTable, normalizeText } = await import(workerData.moduleUrl);
    adoptNormalizationTable(workerData.table);
    parentPort.postMessage(normalizeText('A學'));
  `;
  const run = (table: unknown): Promise<string> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData: { moduleUrl, table } });
      worker.once('message', (m: string) => {
        resolve(m);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
  assert.equal(await run(handed), 'z學');
  assert.equal(await run(new Uint16Array(100)), 'a学');
  assert.equal(await run('not a table'), 'a学');
  // Here the table is built already: adopting another changes nothing.
  const built = normalizationTable();
  adoptNormalizationTable(handed);
  assert.equal(normalizationTable(), built);
  assert.equal(normalizeText('A'), 'a');
});
