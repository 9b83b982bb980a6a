import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
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

it('calls a document paid when a reader without access misses part of it: by its marker or the free share', async () => {
  const dir = tempDir();
  const files: Record<string, string> = {
    '一段话的通知.txt': '关于一段话免费材料的通知\n\n全文只有一段话，读者可以看到全部内容，没有会员部分。\n',
    '三段话的总结.txt':
      '关于三段话默认份额材料的总结\n\n第一段是免费部分的开头，交代背景。\n\n第二段是会员部分，没有付费标记也只给前百分之三十。\n\n第三段继续会员部分的内容。\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const library = await Library.open(join(dir, 'paid.db'));
  await library.ingest([dir], { thread: false, workers: false });
  const paid = Object.fromEntries((await library.list()).map((d) => [d.title, d.paid]));
  assert.deepEqual(paid, { 关于一段话免费材料的通知: false, 关于三段话默认份额材料的总结: true });
  const [share] = (await library.list()).filter((d) => d.paid);
  assert.equal((await library.show(share!.id))!.paid, true);
  // The search filter agrees with the badge: 免费 is what a guest reads whole.
  assert.equal(await library.count('材料', { paid: 'free' }), 1);
  assert.equal((await library.search('材料', { paid: 'paid' })).hits[0]?.title, '关于三段话默认份额材料的总结');
  await library.close();
});
