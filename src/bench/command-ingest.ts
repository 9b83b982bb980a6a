import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IngestSummary } from '../ingest/ingest.js';

/** A command-line ingest timed from the moment its process is started. */
export interface CommandIngest {
  summary: IngestSummary;
  /** Until it printed its summary: every document committed and searchable by any process. */
  searchableMs: number;
  /** Until it exited, its merges and checkpoint done. */
  exitedMs: number;
}

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

/**
 * Runs `sucai --db DB ingest --json PATH...` in a new process, as a daily cron job does: its Node starts,
 * its modules load, its ingest thread and parse workers start and compile their code, nothing warmed.
 * Rejects, with what the process said, when it fails or rejects files.
 */
export function ingestByCommand(dbPath: string, paths: readonly string[]): Promise<CommandIngest> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--db', dbPath, 'ingest', '--json', ...paths], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let searchableMs = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      // The summary is all it prints on stdout, once the ingest has answered.
      if (out.length === 0) searchableMs = performance.now() - started;
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitedMs = performance.now() - started;
      if (code !== 0) {
        reject(
          new Error(
            `sucai ingest ${paths.join(' ')} exited with ${code}: ${err.trim().split('\n').slice(-3).join(' | ') || out.trim()}`,
          ),
        );
        return;
      }
      try {
        resolve({ summary: JSON.parse(out) as IngestSummary, searchableMs, exitedMs });
      } catch {
        reject(new Error(`sucai ingest ${paths.join(' ')}: its output is not a summary: ${out.slice(0, 200)}`));
      }
    });
  });
}
