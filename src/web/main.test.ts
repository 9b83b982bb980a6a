import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Library } from '../library.js';
import { runCli } from '../testing/run-cli.js';
import { tempDir } from '../testing/temp-dir.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
const dir = tempDir();

interface StartedMain {
  child: ChildProcess;
  url: string;
  events: Array<Record<string, unknown>>;
}

/** Starts `npm start`'s entry on a free port over `db` and resolves once it listens. */
async function startMain(db: string): Promise<StartedMain> {
  const child = spawn(process.execPath, [MAIN, '--port', '0'], {
    // Another working directory: the demo is found from the package, not from where the server starts.
    cwd: dir,
    env: { ...process.env, SUCAI_DB: db, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Array<Record<string, unknown>> = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      events.push(entry);
      if (entry['event'] === 'listening') resolve(entry['url'] as string);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { child, url, events };
}

async function stopMain({ child }: StartedMain): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/** Asks `read` every 100 ms until `done` holds of its answer, for at most `ms`; the last answer. */
async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const until = performance.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || performance.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('npm start on an empty library takes in the demo, serves, logs JSON lines and stops on SIGTERM', async () => {
  const main = await startMain(join(dir, 'fresh', 'sucai.db'));
  const { url, events } = main;
  const home = (await (await fetch(`${url}/api/home`)).json()) as { documents: number };
  assert.ok(home.documents >= 3, 'the demo collection was taken in');
  assert.equal((await fetch(`${url}/healthz`)).status, 200);
  assert.equal(await stopMain(main), 0);
  assert.ok(events.some((e) => e['event'] === 'demo'));
  const request = events.find((e) => e['event'] === 'request' && e['path'] === '/api/home');
  assert.ok(request && request['method'] === 'GET' && request['status'] === 200 && typeof request['ms'] === 'number');
  assert.ok(
    events.some((e) => e['event'] === 'stopped'),
    'the library was closed',
  );
});

it('serves what another process ingests or deletes beside it, within seconds, without a restart', async () => {
  const db = join(dir, 'shared-file', 'sucai.db');
  const main = await startMain(db);
  try {
    await servesOthersWrites(main, db);
  } finally {
    assert.equal(await stopMain(main), 0);
  }
});

async function servesOthersWrites(main: StartedMain, db: string): Promise<void> {
  const total = async (q: string): Promise<number> =>
    ((await (await fetch(`${main.url}/api/search?q=${encodeURIComponent(q)}`)).json()) as { total: number }).total;
  const documents = async (): Promise<number> =>
    ((await (await fetch(`${main.url}/api/home`)).json()) as { documents: number }).documents;
  const before = await documents();
  const file = join(dir, '关于跨进程可见性的测试通知.txt');
  writeFileSync(
    file,
    // The phrase searched for stands in the free part (a guest searches): the first paragraph, most of the text.
    '关于跨进程可见性的测试通知\n\n为检验服务器即时看到命令行入库的材料，确保另一进程写入的文档在数秒之内即可被网页检索和阅读，现将有关事项通知如下。\n\n一、总体要求\n\n按时完成。\n',
  );
  const ingest = runCli(['--db', db, 'ingest', file]);
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.equal(
    await poll(
      () => total('命令行入库的材料'),
      (n) => n === 1,
    ),
    1,
    'the CLI ingest is found',
  );
  assert.equal(await poll(documents, (n) => n === before + 1), before + 1, 'the home page counts it');
  // A delete by another connection (an admin's script, a second server on the same file).
  const other = await Library.open(db);
  const [doc] = (await other.list()).filter((d) => d.title === '关于跨进程可见性的测试通知');
  assert.ok(doc);
  const page = await fetch(`${main.url}/documents/${doc.id}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /关于跨进程可见性的测试通知/);
  assert.ok(await other.deleteDocument(doc.id));
  await other.close();
  assert.equal(
    await poll(
      () => total('命令行入库的材料'),
      (n) => n === 0,
    ),
    0,
    'the deleted document is no longer found',
  );
  assert.equal((await fetch(`${main.url}/documents/${doc.id}`)).status, 404);
}

it('sucai serve refuses a bad flag value by name, with exit code 2', () => {
  const r = runCli(['--db', join(dir, 'never.db'), 'serve', '--port', 'http']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /PORT must be a whole number/);
  assert.equal(runCli(['serve', '--bogus']).status, 2);
});
