import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../cli/parse-cli-args.js';
import { jsonLines } from './access-log.js';
import { readWebConfig } from './config.js';
import { startServer } from './server.js';

/** `npm start` / `sucai serve`: the web library on PORT (3000) at HOST (127.0.0.1), until SIGTERM or SIGINT. */
export async function serveFromCommandLine(argv: readonly string[]): Promise<void> {
  const config = readWebConfig(process.env, argv);
  const server = await startServer(config, jsonLines);
  process.stderr.write(`sucai: 公文素材库 at ${server.url}\n`);
  const shutdown = (signal: string): void => {
    jsonLines({ event: 'shutdown', signal });
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sucai: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

// Run as the entry (node dist/web/main.js), not when imported by the CLI.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    await serveFromCommandLine(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`sucai: ${error instanceof UsageError ? error.message : String((error as Error).stack)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
