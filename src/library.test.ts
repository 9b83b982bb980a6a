import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { Library } from './library.js';
import { openSqliteStore } from './storage/sqlite/index.js';
import type { LibraryStore } from './storage/store.js';
import { seedFiles, seedsDir } from './testing/shared-seeds.js';
import { tempDir } from './testing/temp-dir.js';

it('reads the search tables only on its first search, then finds what was ingested before and after', async () => {
  const store = await openSqliteStore(join(tempDir(), 'lazy.db'));
  let reads = 0;
  // The store as the engine sees it, counting the loads of its document table.
  const counted: LibraryStore = Object.assign(Object.create(store) as LibraryStore, {
    documents: (afterId?: number) => {
      reads++;
      return store.documents(afterId);
    },
  });
  const library = await Library.over(counted);
  const [first, ...rest] = seedFiles().map((f) => join(seedsDir(), f));
  await library.ingest([first!], { thread: false, workers: false });
  assert.equal(reads, 0, 'an ingest alone loads nothing for searching');
  const before = await library.count('"党"');
  assert.ok(before > 0);
  assert.equal(reads, 1);
  await library.ingest(rest, { thread: false, workers: false });
  const after = await library.count('"党"');
  assert.ok(after > before, `documents ingested after the first search are found (${before} → ${after})`);
  await library.close();
});
