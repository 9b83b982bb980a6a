import { parseArgs } from 'node:util';
import { QuerySyntaxError } from '../core/search/query-syntax-error.js';
import type { SearchOptions } from '../core/search/search-engine.js';
import type { IngestProgress } from '../ingest/ingest.js';
import { DEFAULT_DB_PATH, Library } from '../library.js';
import { documentJson } from './document-json.js';
import {
  ANSI_HIGHLIGHT,
  PLAIN_HIGHLIGHT,
  formatDocument,
  formatList,
  formatSearch,
  formatSummary,
} from './format-human.js';

const USAGE = `usage: sucai [--db PATH] <command> [options]

commands:
  ingest PATH...            take in files or folders (.txt .md .html .docx)
  list [--json]             list documents
  show ID [--json]          show one document with its outline
  search QUERY [--json] [--scope all|title|outline|opening|intro|closing|sentence] [--level N]
         [--genre G] [--year Y] [--tag T] [--paid free|paid] [--limit N] [--offset N]

exit codes: 0 ok, 1 fatal error, 2 bad usage or query, 3 ingest stored the rest but rejected some files`;

const SCOPES = ['all', 'title', 'outline', 'opening', 'intro', 'closing', 'sentence'] as const;

/** A usage problem: exit code 2 with a message. */
class UsageError extends Error {}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, got "${value}"`);
  return Number(value);
}

/** A status line on stderr: rewritten in place on a terminal (at most every 100 ms), else a line every 2 s. */
function statusLine(): (line: string, final: boolean) => void {
  const tty = process.stderr.isTTY;
  let last = 0;
  return (line, final) => {
    const now = Date.now();
    if (!final && now - last < (tty ? 100 : 2000)) return;
    last = now;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    if (tty && final) process.stderr.write('\n');
  };
}

function progressPrinter(): (p: IngestProgress) => void {
  const print = statusLine();
  return (p) =>
    print(
      `ingest: ${p.filesDone}/${p.filesTotal} files, ${p.documents} documents, ${p.duplicates} duplicates, ${p.rejected} rejected, ${(p.chars / 1e6).toFixed(1)}M chars`,
      p.filesDone >= p.filesTotal,
    );
}

function rebuildPrinter(): (done: number, total: number) => void {
  const print = statusLine();
  return (done, total) =>
    print(
      `index: rebuilding from the stored texts (library from an older sucai), ${done}/${total} documents`,
      done >= total,
    );
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      scope: { type: 'string' },
      level: { type: 'string' },
      genre: { type: 'string' },
      year: { type: 'string' },
      tag: { type: 'string' },
      paid: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const library = await Library.open(values.db ?? process.env['SUCAI_DB'] ?? DEFAULT_DB_PATH, {
    onRebuildProgress: rebuildPrinter(),
  });
  try {
    switch (command) {
      case 'ingest': {
        if (args.length === 0) throw new UsageError('ingest needs at least one file or folder');
        const batchBytes = process.env['SUCAI_BATCH_BYTES'] ? Number(process.env['SUCAI_BATCH_BYTES']) : undefined;
        const summary = await library.ingest(args, {
          onProgress: progressPrinter(),
          ...(batchBytes ? { batchBytes } : {}),
        });
        process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
        return summary.rejected.length > 0 ? 3 : 0;
      }
      case 'list': {
        const docs = await library.list();
        process.stdout.write(values.json ? `${JSON.stringify(docs, null, 2)}\n` : `${formatList(docs)}\n`);
        return 0;
      }
      case 'show': {
        const id = integer('id', args[0]);
        if (id === undefined) throw new UsageError('show needs a document id');
        const doc = await library.show(id);
        if (!doc) {
          process.stderr.write(`sucai: no document with id ${id}\n`);
          return 1;
        }
        process.stdout.write(
          values.json ? `${JSON.stringify(documentJson(doc), null, 2)}\n` : `${formatDocument(doc)}\n`,
        );
        return 0;
      }
      case 'search': {
        if (args.length === 0) throw new UsageError('search needs a query');
        const scope = values.scope ?? 'all';
        if (!(SCOPES as readonly string[]).includes(scope))
          throw new UsageError(`--scope must be one of ${SCOPES.join(', ')}, got "${scope}"`);
        if (values.paid !== undefined && values.paid !== 'free' && values.paid !== 'paid')
          throw new UsageError(`--paid must be free or paid, got "${values.paid}"`);
        const options: SearchOptions = { scope: scope as SearchOptions['scope'] };
        const level = integer('level', values.level);
        const year = integer('year', values.year);
        const limit = integer('limit', values.limit);
        const offset = integer('offset', values.offset);
        if (level !== undefined) options.level = level;
        if (year !== undefined) options.year = year;
        if (limit !== undefined) options.limit = limit;
        if (offset !== undefined) options.offset = offset;
        if (values.genre !== undefined) options.genre = values.genre;
        if (values.tag !== undefined) options.tag = values.tag;
        if (values.paid !== undefined) options.paid = values.paid as 'free' | 'paid';
        const result = await library.search(args.join(' '), options);
        const highlighter = process.stdout.isTTY ? ANSI_HIGHLIGHT : PLAIN_HIGHLIGHT;
        process.stdout.write(
          values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSearch(result, highlighter)}\n`,
        );
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await library.close();
  }
}

// A reader that stops reading early (`sucai list | head`) ends the output, not with a stack trace: what
// the command did (an ingest's commits) stands, and its exit code is kept.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof UsageError ||
    error instanceof QuerySyntaxError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`sucai: ${(error as Error).message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`sucai: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
