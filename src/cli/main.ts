import { existsSync } from 'node:fs';
import { accessOf } from '../core/access/tiers.js';
import { QuerySyntaxError } from '../core/search/query-syntax-error.js';
import type { SearchOptions } from '../core/search/search-options.js';
import type { IngestProgress } from '../ingest/ingest.js';
import { DEFAULT_DB_PATH, Library } from '../library.js';
import { documentJson } from './document-json.js';
import {
  ANSI_HIGHLIGHT,
  PLAIN_HIGHLIGHT,
  formatDocument,
  formatFacets,
  formatList,
  formatOutline,
  formatRemoved,
  formatSearch,
  formatSummary,
} from './format-human.js';
import { checkGenre, facetsOf, filterDocuments } from './list-filters.js';
import { parseCliArgs, UsageError } from './parse-cli-args.js';
import { charCount } from './rule-labels.js';
import { documentAs } from './as-viewer.js';
import { userCommand, viewerNamed } from './user-command.js';
import { MEMBER_COMMANDS, runMemberCommand } from './member-commands.js';
import { openSqliteMemberStore } from '../storage/sqlite/sqlite-member-store.js';

const USAGE = `usage: sucai [--db PATH] <command> [options]

commands:
  ingest PATH...            take in files or folders (.txt .md .html .docx)
  list [--json] [--genre G] [--year Y] [--tag T] [--paid free|paid]
                            list documents, filtered as search filters
  genres [--json]           every genre, year and tag with its count
  show ID [--json | --outline | --removed] [--as USER]
                            show one document; its heading tree alone; what cleaning removed
  search QUERY [--json] [--scope all|title|outline|opening|intro|closing|sentence] [--level N]
         [--genre G] [--year Y] [--tag T] [--paid free|paid] [--limit N] [--offset N] [--any-punct]
         [--as USER]        with --any-punct each punctuation mark in the query matches any one;
                            --as reads as that account's tier (a member gets the free part alone)
  user add NAME [--role member|admin] [--email E]
                            an account; its password from a prompt, or the first line of stdin
  user list [--json]        every account, its tier and VIP expiry
  serve [--port N] [--host H] [--inbox DIR]
                            the web library (default http://127.0.0.1:3000); see the README's configuration
  vip grant NAME --days N | --until DATE
                            make a user VIP: N days from the later of now and the expiry, or until DATE
  vip revoke NAME           end a user's VIP now
  codes generate --count N --days D [--out FILE.csv]
                            N single-use redeem codes (卡密) of D days of VIP each, as CSV
  audit [--json] [--limit N]
                            every VIP grant, revocation, redemption and code batch, newest first

exit codes: 0 ok, 1 fatal error, 2 bad usage or query, 3 ingest stored the rest but rejected some files`;

const SCOPES = ['all', 'title', 'outline', 'opening', 'intro', 'closing', 'sentence'] as const;

const OPTION_KINDS = {
  db: 'string',
  json: 'boolean',
  scope: 'string',
  level: 'string',
  genre: 'string',
  year: 'string',
  tag: 'string',
  paid: 'string',
  limit: 'string',
  offset: 'string',
  outline: 'boolean',
  removed: 'boolean',
  help: 'boolean',
  'any-punct': 'boolean',
  as: 'string',
  role: 'string',
  email: 'string',
  days: 'string',
  until: 'string',
  count: 'string',
  out: 'string',
} as const;

const SEARCH_FILTERS = ['scope', 'level', 'genre', 'year', 'tag', 'paid', 'limit', 'offset'] as const;

/** The options each command reads: any other is an error, not silently ignored. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  ingest: ['json'],
  list: ['json', 'genre', 'year', 'tag', 'paid'],
  genres: ['json'],
  show: ['json', 'outline', 'removed', 'as'],
  search: ['json', 'any-punct', 'as', ...SEARCH_FILTERS],
  user: ['role', 'email', 'json'],
  vip: ['json', 'days', 'until'],
  codes: ['json', 'count', 'days', 'out'],
  audit: ['json', 'limit'],
};

type CliOptions = { [K in keyof typeof OPTION_KINDS]?: (typeof OPTION_KINDS)[K] extends 'string' ? string : boolean };

function paidFilter(value: string | undefined): 'free' | 'paid' | undefined {
  if (value === undefined || value === 'free' || value === 'paid') return value;
  throw new UsageError(`--paid must be free or paid, got "${value}"`);
}

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
      `入库：${p.filesDone}/${p.filesTotal} 个文件，${p.documents} 篇，` +
        `重复 ${p.duplicates}，拒收 ${p.rejected}，${charCount(p.chars)}`,
      p.filesDone >= p.filesTotal,
    );
}

function rebuildPrinter(): (done: number, total: number) => void {
  const print = statusLine();
  return (done, total) => print(`索引：旧版 sucai 的库，正在从已存文本重建，${done}/${total} 篇`, done >= total);
}

async function run(argv: string[]): Promise<number> {
  // `serve` or `--db PATH serve`: the server reads its own flags (--port, --host, --db, --inbox), and is
  // loaded only here, so the other commands start fast.
  const serveAt = argv[0] === 'serve' ? 0 : argv[0] === '--db' && argv[2] === 'serve' ? 2 : -1;
  if (serveAt >= 0) {
    const { serveFromCommandLine } = await import('../web/main.js');
    await serveFromCommandLine([...argv.slice(0, serveAt), ...argv.slice(serveAt + 1)]);
    return 0;
  }
  const parsed = parseCliArgs(argv, OPTION_KINDS);
  const values = parsed.options as CliOptions;
  const positionals = parsed.positionals;
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const allowed = COMMAND_OPTIONS[command];
  if (allowed === undefined) throw new UsageError(`unknown command "${command}"`);
  for (const name of Object.keys(values)) {
    if (name !== 'db' && name !== 'help' && !allowed.includes(name)) {
      throw new UsageError(`--${name} is not an option of ${command}`);
    }
  }
  const dbPath = values.db ?? process.env['SUCAI_DB'] ?? DEFAULT_DB_PATH;
  // Only an ingest, or the first account of a new install, creates a library: a mistyped --db elsewhere
  // would answer from an empty one. A library made for an account says so, so a mistyped path shows.
  const creates = command === 'ingest' || (command === 'user' && args[0] === 'add');
  if (!existsSync(dbPath)) {
    if (!creates) {
      throw new UsageError(`no library at ${dbPath} (ingest files to create one, or check --db / SUCAI_DB)`);
    }
    if (command === 'user') process.stderr.write(`sucai: a new, empty library at ${dbPath}\n`);
  }
  if ((MEMBER_COMMANDS as readonly string[]).includes(command)) {
    const members = openSqliteMemberStore(dbPath);
    try {
      return await runMemberCommand(members, command as (typeof MEMBER_COMMANDS)[number], args, values);
    } finally {
      await members.close();
    }
  }
  const library = await Library.open(dbPath, { onRebuildProgress: rebuildPrinter() });
  try {
    switch (command) {
      case 'ingest': {
        if (args.length === 0) throw new UsageError('ingest needs at least one file or folder');
        const batchBytes = process.env['SUCAI_BATCH_BYTES'] ? Number(process.env['SUCAI_BATCH_BYTES']) : undefined;
        const summary = await library.ingest(args, {
          onProgress: progressPrinter(),
          origin: 'cli',
          ...(batchBytes ? { batchBytes } : {}),
        });
        process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
        return summary.rejected.length > 0 ? 3 : 0;
      }
      case 'list': {
        const all = await library.list();
        await checkGenre(values.genre, async () => all.map((d) => d.genre));
        const year = integer('year', values.year);
        const paid = paidFilter(values.paid);
        const docs = filterDocuments(all, {
          ...(values.genre !== undefined ? { genre: values.genre } : {}),
          ...(year !== undefined ? { year } : {}),
          ...(values.tag !== undefined ? { tag: values.tag } : {}),
          ...(paid !== undefined ? { paid } : {}),
        });
        process.stdout.write(values.json ? `${JSON.stringify(docs, null, 2)}\n` : `${formatList(docs)}\n`);
        return 0;
      }
      case 'genres': {
        const facets = facetsOf(await library.list());
        process.stdout.write(values.json ? `${JSON.stringify(facets, null, 2)}\n` : `${formatFacets(facets)}\n`);
        return 0;
      }
      case 'show': {
        const id = integer('id', args[0]);
        if (id === undefined) throw new UsageError('show needs a document id');
        const stored = await library.show(id);
        const doc =
          stored !== null && values.as !== undefined
            ? documentAs(stored, accessOf(await viewerNamed(library, values.as)))
            : stored;
        if (!doc) {
          process.stderr.write(`sucai: no document with id ${id}\n`);
          return 1;
        }
        if (values.outline && values.removed) throw new UsageError('show takes --outline or --removed, not both');
        if (values.json && (values.outline || values.removed))
          throw new UsageError('--json gives the whole document: drop --outline / --removed');
        const text = values.json
          ? JSON.stringify(documentJson(doc), null, 2)
          : values.outline
            ? formatOutline(doc)
            : values.removed
              ? formatRemoved(doc)
              : formatDocument(doc);
        process.stdout.write(`${text}\n`);
        return 0;
      }
      case 'search': {
        if (args.length === 0) throw new UsageError('search needs a query');
        const scope = values.scope ?? 'all';
        if (!(SCOPES as readonly string[]).includes(scope))
          throw new UsageError(`--scope must be one of ${SCOPES.join(', ')}, got "${scope}"`);
        const options: SearchOptions = { scope: scope as SearchOptions['scope'] };
        const level = integer('level', values.level);
        if (level !== undefined && scope !== 'outline') throw new UsageError('--level needs --scope outline');
        const year = integer('year', values.year);
        const limit = integer('limit', values.limit);
        const offset = integer('offset', values.offset);
        if (level !== undefined) options.level = level;
        if (year !== undefined) options.year = year;
        if (limit !== undefined) options.limit = limit;
        if (offset !== undefined) options.offset = offset;
        await checkGenre(values.genre, async () => (await library.list()).map((d) => d.genre));
        if (values.genre !== undefined) options.genre = values.genre;
        if (values.tag !== undefined) options.tag = values.tag;
        const paid = paidFilter(values.paid);
        if (paid !== undefined) options.paid = paid;
        if (values['any-punct']) options.punctuation = 'any';
        // The library's owner reads everything; --as USER reads as that account (a member: the free part).
        if (values.as !== undefined) options.access = accessOf(await viewerNamed(library, values.as));
        const result = await library.search(args.join(' '), options);
        const highlighter = process.stdout.isTTY ? ANSI_HIGHLIGHT : PLAIN_HIGHLIGHT;
        process.stdout.write(
          values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSearch(result, highlighter)}\n`,
        );
        return 0;
      }
      case 'user':
        return await userCommand(library, args, {
          ...(values.role !== undefined ? { role: values.role } : {}),
          ...(values.email !== undefined ? { email: values.email } : {}),
          ...(values.json !== undefined ? { json: values.json } : {}),
        });
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
  if (error instanceof UsageError || error instanceof QuerySyntaxError) {
    process.stderr.write(`sucai: ${(error as Error).message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`sucai: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
