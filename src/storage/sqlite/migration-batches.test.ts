import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { Library } from '../../library.js';
import { batchesAsBeforeSchema11 } from '../../testing/batches-as-before-schema11.js';
import { seedsDir } from '../../testing/shared-seeds.js';
import { tempDir } from '../../testing/temp-dir.js';

it('gives a schema 10 library batch reports and deletions, its documents as they were', async () => {
  const path = join(tempDir(), 'v10.db');
  const library = await Library.open(path);
  await library.ingest([join(seedsDir(), '000_519bf36544b22e16.txt'), join(seedsDir(), '002_9b796a64e49f5dc7.txt')]);
  const listed = await library.list();
  await library.close();
  const db = new Database(path);
  batchesAsBeforeSchema11(db);
  db.pragma('user_version = 10');
  db.close();

  const reopened = await Library.open(path);
  assert.deepEqual(await reopened.list(), listed);
  assert.deepEqual(await reopened.batches(), []);
  const summary = await reopened.ingest([join(seedsDir(), '004_61eaccc42b378d20.txt')], { origin: 'inbox' });
  const report = (await reopened.batch(summary.batchId!))!;
  assert.deepEqual(report.counts, { files: 1, stored: 1, alreadyStored: 0, rejected: 0, documents: 1, duplicates: 0 });
  // The newest document deleted: the next one does not get its id again.
  const newest = report.files[0]!.documents[0]!.id;
  assert.equal((await reopened.deleteDocument(newest))!.id, newest);
  await reopened.ingest([join(seedsDir(), '001_c0d31f7370abdfb5.txt')]);
  assert.ok((await reopened.list()).at(-1)!.id > newest);
  await reopened.close();
});
