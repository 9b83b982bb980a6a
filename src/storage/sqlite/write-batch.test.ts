import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { Library } from '../../library.js';
import { prepareBatch } from '../../ingest/prepare-batch.js';
import { batchesAsBeforeSchema11 } from '../../testing/batches-as-before-schema11.js';
import { titlesAsBeforeSchema10 } from '../../testing/titles-as-before-schema10.js';
import { nearKeysAsBeforeSchema7 } from '../../testing/near-keys-as-before-schema7.js';
import { readSeed } from '../../testing/shared-seeds.js';
import { tempDir } from '../../testing/temp-dir.js';
import { openSqliteStore } from './open-sqlite-store.js';

const dir = tempDir();

it('finds near-duplicates of documents stored before their length and sketch were kept, from their text', async () => {
  const seedsDir = join(dir, 'near-seeds');
  mkdirSync(join(seedsDir, 'a'), { recursive: true });
  mkdirSync(join(seedsDir, 'b'), { recursive: true });
  const text = readSeed('004_61eaccc42b378d20.txt');
  writeFileSync(join(seedsDir, 'a', 'original.txt'), text);
  writeFileSync(join(seedsDir, 'b', 'near.txt'), text.replace('大胆探索、勇于创新', '大胆探索、敢于创新'));
  const path = join(dir, 'old-lengths.db');
  const library = await Library.open(path);
  assert.equal((await library.ingest([join(seedsDir, 'a')])).documents, 1);
  await library.close();
  // As a schema 6 library migrated from before schema 3 holds them: no length for documents stored before,
  // and the near-duplicate keys in documents; migration 7 moves them to near_keys, without sketches.
  const db = new Database(path);
  db.prepare('UPDATE documents SET text_length = NULL').run();
  nearKeysAsBeforeSchema7(db);
  batchesAsBeforeSchema11(db);
  titlesAsBeforeSchema10(db);
  db.pragma('user_version = 6');
  db.close();
  const reopened = await Library.open(path);
  const summary = await reopened.ingest([join(seedsDir, 'b')]);
  assert.deepEqual([summary.documents, summary.nearDuplicates], [0, 1]);
  const migrated = new Database(path);
  // The stored document got its sketch when it was first a candidate.
  const sketched = migrated.prepare('SELECT COUNT(*) AS n FROM near_keys WHERE minhash IS NOT NULL').get();
  assert.equal((sketched as { n: number }).n, 1);
  migrated.close();
  await reopened.close();
});

it('finds near-duplicates of what another connection stored since its bands were read, none rolled back', async () => {
  const path = join(dir, 'bands.db');
  const text = readSeed('004_61eaccc42b378d20.txt');
  const raw = (name: string, body: string) => ({
    path: name,
    bytes: Buffer.from(body),
    sha256: createHash('sha256').update(body).digest('hex'),
  });
  const writer = await openSqliteStore(path);
  const other = await openSqliteStore(path);
  // The writer reads its band index with its first batch.
  const first = await prepareBatch([raw('first.txt', readSeed('001_c0d31f7370abdfb5.txt'))]);
  assert.equal((await writer.writeBatch(first.prepared, first.segment!))[0]!.documents[0]!.kind, 'new');
  // Another connection stores the original; the writer's next batch holds a near-duplicate of it.
  const original = await prepareBatch([raw('original.txt', text)]);
  await other.writeBatch(original.prepared, original.segment!);
  // Every paragraph that could be keyed ends in other punctuation, so no paragraph key leads to the original:
  // only its SimHash bands do.
  const edited = text
    .split('\n')
    .map((line) => (line.length >= 30 ? line.slice(0, -1) + (line.endsWith('。') ? '；' : '。') : line));
  const near = await prepareBatch([raw('near.txt', edited.join('\n'))]);
  const [outcome] = await writer.writeBatch(near.prepared, near.segment!);
  assert.deepEqual(
    outcome!.documents.map((d) => [d.kind, d.kind === 'duplicate' && d.near]),
    [['duplicate', true]],
  );
  // A batch that fails after its documents were inserted is rolled back, bands and all: a near-duplicate
  // of its document is then a new document, not a source of one that does not exist.
  const lost = readSeed('002_9b796a64e49f5dc7.txt');
  const failing = await prepareBatch([raw('lost.txt', lost)]);
  await assert.rejects(writer.writeBatch(failing.prepared, first.segment!), /segment holds/);
  const again = await prepareBatch([raw('lost-near.txt', lost.replace('精心谋划', '周密谋划'))]);
  assert.equal((await writer.writeBatch(again.prepared, again.segment!))[0]!.documents[0]!.kind, 'new');
  await other.close();
  await writer.close();
});
