import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../testing/run-cli.js';
import { tempDir } from '../testing/temp-dir.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
const dir = tempDir();

it('npm start on an empty library takes in the demo, serves, logs JSON lines and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [MAIN, '--port', '0'], {
    // Another working directory: the demo is found from the package, not from where the server starts.
    cwd: dir,
    env: { ...process.env, SUCAI_DB: join(dir, 'fresh', 'sucai.db'), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Array<Record<string, unknown>> = [];
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      events.push(entry);
      if (entry['event'] === 'listening') resolve(entry['url'] as string);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  const url = await listening;
  const home = (await (await fetch(`${url}/api/home`)).json()) as { documents: number };
  assert.ok(home.documents >= 3, 'the demo collection was taken in');
  assert.equal((await fetch(`${url}/healthz`)).status, 200);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.ok(events.some((e) => e['event'] === 'demo'));
  const request = events.find((e) => e['event'] === 'request' && e['path'] === '/api/home');
  assert.ok(request && request['method'] === 'GET' && request['status'] === 200 && typeof request['ms'] === 'number');
  assert.ok(
    events.some((e) => e['event'] === 'stopped'),
    'the library was closed',
  );
});

it('sucai serve refuses a bad flag value by name, with exit code 2', () => {
  const r = runCli(['--db', join(dir, 'never.db'), 'serve', '--port', 'http']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /PORT must be a whole number/);
  assert.equal(runCli(['serve', '--bogus']).status, 2);
});
