import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { Library } from '../library.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { LibraryStore } from '../storage/store.js';
import { readSeed } from '../testing/shared-seeds.js';
import { tempDir } from '../testing/temp-dir.js';
import { Inbox } from './inbox.js';
import { dayFolder } from './place-file.js';
import { takeBatch } from './take-batch.js';

const seed = (n: number): string =>
  readSeed(
    [
      '000_519bf36544b22e16.txt',
      '001_c0d31f7370abdfb5.txt',
      '002_9b796a64e49f5dc7.txt',
      '003_f863d41575c9a514.txt',
      '004_61eaccc42b378d20.txt',
    ][n]!,
  );
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const isRoot = process.getuid?.() === 0;

/** Waits (polling, no timed assertion) until `done` holds, failing with `what` after a generous while. */
async function until(what: string, done: () => boolean | Promise<boolean>, state?: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`gave up waiting: ${what}${state ? ` (${state()})` : ''}`);
}

const listed = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('the inbox', () => {
  const root = tempDir();
  const dir = join(root, 'inbox');
  let library: Library;
  let inbox: Inbox;
  const day = dayFolder();
  const done = join(dir, 'done', day);
  const rejected = join(dir, 'rejected', day);

  before(async () => {
    library = await Library.open(join(root, 'lib.db'));
    inbox = new Inbox(library, { dir, pollMs: 100 });
    await inbox.start();
  });
  after(async () => {
    await inbox.stop();
    await library.close();
  });

  it('takes dropped files and a zip within seconds: searchable, moved to done/, the rest to rejected/ with why', async () => {
    assert.equal(await library.count('理论宣讲'), 0);
    writeFileSync(join(dir, '宣讲汇报.txt'), seed(4));
    writeFileSync(join(dir, '图片.txt'), PNG);
    writeFileSync(join(dir, '空白.md'), '');
    writeFileSync(join(dir, '.hidden.txt'), seed(0));
    symlinkSync(join(root, 'nowhere.txt'), join(dir, '失效链接.txt'));
    if (!isRoot) {
      writeFileSync(join(dir, '无权限.txt'), seed(1));
      chmodSync(join(dir, '无权限.txt'), 0o000);
    }
    const zip = zipSync({
      '材料/总结.txt': utf8(seed(0)),
      '汇报.txt': utf8(seed(2)),
      '坏的.txt': PNG,
      '套娃.zip': zipSync({ 'x.txt': utf8(seed(1)) }),
    });
    writeFileSync(join(dir, '一批材料.zip'), zip);
    writeFileSync(join(dir, '炸弹.zip'), zipSync({ '../出逃.txt': utf8(seed(1)) }));
    mkdirSync(join(dir, '子目录'));
    writeFileSync(join(dir, '子目录', '汇编.txt'), seed(3));

    await until(
      'the inbox is empty but for hidden files',
      () => listed(dir).join() === '.hidden.txt,.uploads,done,rejected',
      () => `${listed(dir).join()} ${JSON.stringify(inbox.status())}`,
    );
    assert.ok((await library.count('理论宣讲')) > 0, 'a dropped file is searchable');
    assert.ok((await library.count('审计工作高质量发展', { scope: 'title' })) > 0, 'a sub-folder file too');
    assert.ok((await library.count('党史学习教育')) > 0 || (await library.count('主题教育')) > 0);
    assert.deepEqual(listed(done), ['一批材料.zip', '一批材料.zip.why.txt', '子目录', '宣讲汇报.txt']);
    assert.deepEqual(listed(join(done, '子目录')), ['汇编.txt']);
    const expectRejected = ['图片.txt', '失效链接.txt', '炸弹.zip', '空白.md', ...(isRoot ? [] : ['无权限.txt'])];
    assert.deepEqual(listed(rejected), expectRejected.flatMap((n) => [n, `${n}.why.txt`]).sort());
    const why = (name: string): string => readFileSync(join(rejected, `${name}.why.txt`), 'utf8');
    assert.match(why('图片.txt'), /不是文本文件/);
    assert.match(why('空白.md'), /空的/);
    assert.match(why('炸弹.zip'), /指向包外的路径/);
    assert.match(why('失效链接.txt'), /不存在|失效的链接/);
    if (!isRoot) assert.match(why('无权限.txt'), /无法读取/);
    const zipNote = readFileSync(join(done, '一批材料.zip.why.txt'), 'utf8');
    assert.match(zipNote, /一批材料\.zip\/坏的\.txt：不是文本文件/);
    assert.match(zipNote, /一批材料\.zip\/套娃\.zip：压缩包里的压缩包不会再展开/);

    // The run's report says the same.
    const [latest] = await library.batches();
    const report = (await library.batch(latest!.id))!;
    assert.equal(report.origin, 'inbox');
    assert.ok(report.finishedAt !== null);
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('inbox/宣讲汇报.txt')!.outcome, 'stored');
    assert.equal(byPath.get('inbox/一批材料.zip/汇报.txt')!.outcome, 'stored');
    assert.equal(byPath.get('inbox/一批材料.zip/坏的.txt')!.code, 'binary');
    assert.equal(byPath.get('inbox/一批材料.zip/套娃.zip')!.code, 'zip-nested');
    assert.equal(byPath.get('inbox/炸弹.zip')!.code, 'zip-traversal');
    assert.equal(byPath.get('inbox/子目录/汇编.txt')!.documents.length, 12);
    // Stored under the name it was dropped as.
    const doc = (await library.list()).find((d) => d.title === '关于全市理论宣讲工作汇报')!;
    assert.equal(doc.sourceFile, 'inbox/宣讲汇报.txt');
  });

  it('never overwrites: the same name again gets a suffix, and bytes stored before are not stored twice', async () => {
    const documents = (await library.list()).length;
    writeFileSync(join(dir, '宣讲汇报.txt'), seed(4));
    await until('taken again', () => listed(done).includes('宣讲汇报-2.txt'));
    assert.equal(readFileSync(join(done, '宣讲汇报.txt'), 'utf8'), seed(4));
    assert.equal((await library.list()).length, documents);
    const [latest] = await library.batches();
    assert.deepEqual(latest!.counts, {
      files: 1,
      stored: 0,
      alreadyStored: 1,
      rejected: 0,
      documents: 0,
      duplicates: 0,
    });
  });

  it('takes uploads through the same runs, reporting progress and the run', async () => {
    const statuses: number[] = [];
    const listener = (s: { running: { filesTotal: number } | null }): void => {
      if (s.running) statuses.push(s.running.filesTotal);
    };
    inbox.on('status', listener);
    const job = await inbox.upload([
      { name: '../../上传的总结.txt', bytes: utf8(seed(1)) },
      { name: 'bad.txt', bytes: PNG },
    ]);
    assert.deepEqual(job.files, ['上传的总结.txt', 'bad.txt']);
    await until('the upload ran', () => inbox.job(job.id)?.state === 'done');
    inbox.off('status', listener);
    const finished = inbox.job(job.id)!;
    assert.ok(statuses.length > 0, 'progress was reported');
    assert.deepEqual(
      finished.placed.map((p) => [p.name, p.outcome]),
      [
        ['上传的总结.txt', 'done'],
        ['bad.txt', 'rejected'],
      ],
    );
    const report = (await library.batch(finished.batchId!))!;
    assert.equal(report.origin, 'upload');
    assert.deepEqual(report.files.map((f) => [f.path, f.outcome]).sort(), [
      ['upload/bad.txt', 'rejected'],
      ['upload/上传的总结.txt', 'stored'],
    ]);
    assert.ok(listed(done).includes('上传的总结.txt'));
    assert.deepEqual(listed(join(dir, '.uploads')), []);
  });
});

it('moves nothing when a run fails, and a run after it stores each file once', async () => {
  const root = tempDir();
  const dir = join(root, 'inbox');
  mkdirSync(dir);
  const store = await openSqliteStore(join(root, 'lib.db'));
  let failWrites = true;
  // A store whose second write fails, as a process dying mid-run leaves the first batch committed.
  let writes = 0;
  const failing: LibraryStore = Object.assign(Object.create(store) as LibraryStore, {
    writeBatch: (...args: Parameters<LibraryStore['writeBatch']>) => {
      if (failWrites && ++writes === 2) return Promise.reject(new Error('disk on fire'));
      return store.writeBatch(...args);
    },
  });
  const library = await Library.over(failing);
  const inputs = [0, 1, 2].map((n) => {
    const path = join(dir, `s${n}.txt`);
    writeFileSync(path, seed(n));
    return { path, name: `s${n}.txt` };
  });
  const options = {
    library,
    inboxDir: dir,
    stagingDir: join(dir, '.staging', '0'),
    origin: 'inbox' as const,
    batchBytes: 1,
  };
  await assert.rejects(takeBatch(inputs, { ...options }), /disk on fire/);
  assert.deepEqual(listed(dir), ['s0.txt', 's1.txt', 's2.txt']);
  const stored = (await library.list()).length;
  assert.ok(stored > 0 && stored < 3, `the first batch stays (${stored})`);
  const [failed] = await library.batches();
  assert.equal(failed!.error, 'disk on fire');
  failWrites = false;
  const taken = await takeBatch(inputs, options);
  assert.deepEqual(
    taken.placed.map((p) => p.outcome),
    ['done', 'done', 'done'],
  );
  assert.equal((await library.list()).length, 3);
  assert.equal(taken.summary.alreadyStored, stored);
  await library.close();
});

it('places a run of many files together, never one over another, each where its own report says', async () => {
  const root = tempDir();
  const dir = join(root, 'inbox');
  const done = join(dir, 'done', dayFolder());
  mkdirSync(join(dir, 'sub'), { recursive: true });
  mkdirSync(done, { recursive: true });
  const library = await Library.open(join(root, 'lib.db'));
  // Each f{n}.txt meets an older file of its name in done/, and its suffixed name is dropped in the same run:
  // the two claim done/f{n}-2.txt at once.
  const inputs = [];
  for (let n = 0; n < 30; n++) {
    writeFileSync(join(done, `f${n}.txt`), `older ${n}`);
    for (const name of [`f${n}.txt`, `f${n}-2.txt`, `sub/f${n}.txt`]) {
      const path = join(dir, name);
      writeFileSync(path, `${seed(n % 5)}\n\n第${n}份，${name}。`);
      inputs.push({ path, name });
    }
  }
  const taken = await takeBatch(inputs, {
    library,
    inboxDir: dir,
    stagingDir: join(dir, '.staging', '0'),
    origin: 'inbox',
  });
  assert.deepEqual(
    taken.placed.map((p) => p.name),
    inputs.map((i) => i.name),
  );
  const targets = taken.placed.map((p) => p.placedAt);
  assert.equal(new Set(targets).size, inputs.length, 'every file has a place of its own');
  for (const [k, p] of taken.placed.entries()) {
    assert.equal(p.outcome, 'done');
    assert.match(readFileSync(p.placedAt, 'utf8'), new RegExp(`第${Math.floor(k / 3)}份，${inputs[k]!.name}。$`));
  }
  for (let n = 0; n < 30; n++) assert.equal(readFileSync(join(done, `f${n}.txt`), 'utf8'), `older ${n}`);
  assert.deepEqual(listed(dir), ['done']);
  await library.close();
});
