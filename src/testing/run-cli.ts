import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of the `bin/sucai` launcher (tests run from dist/, the launcher sits at the repo root). */
export const CLI = fileURLToPath(new URL('../../bin/sucai', import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion; `input` is its stdin (a password for `user add`). */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    ...(input !== undefined ? { input } : {}),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI and resolves once `until` matches its stderr, then kills it with SIGKILL. */
export function killCliWhen(
  args: readonly string[],
  until: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<{ stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (!killed && until.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ stderr, killed }));
  });
}
