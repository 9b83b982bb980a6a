import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { Library } from '../library.js';
import { seedsDir } from '../testing/shared-seeds.js';
import { tempDir } from '../testing/temp-dir.js';
import { ingestInThread } from './ingest-thread.js';

const dir = tempDir();

it('ingests in a thread of its own: progress relayed, documents searchable from the calling thread', async () => {
  const library = await Library.open(join(dir, 'thread.db'));
  const seen: number[] = [];
  let searchesMeanwhile = 0;
  let finished = false;
  const ingest = library.ingest([seedsDir()], { onProgress: (p) => seen.push(p.filesDone) }).finally(() => (finished = true));
  while (!finished) {
    await library.search('党建');
    searchesMeanwhile++;
    await new Promise((r) => setImmediate(r));
  }
  const summary = await ingest;
  assert.equal(summary.documents, 16);
  assert.equal(seen[seen.length - 1], summary.files);
  assert.ok(searchesMeanwhile > 0);
  assert.ok((await library.count('党建')) > 0);
  await library.close();
});

it('reports a library the thread cannot open, naming it', async () => {
  await assert.rejects(ingestInThread(dir, [seedsDir()]), (e: Error) => e.message.includes(dir) && /cannot open the library/.test(e.message));
});
