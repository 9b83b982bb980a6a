/**
 * The command line's own argument parser. node:util's parseArgs takes `-审计` (an exclusion term) for a
 * cluster of short options and stops reading options at `--`; a user types query terms and options in
 * any order, so here a known option is an option wherever it stands and everything else is a word.
 */

/** The kind of value each option takes. */
export type OptionKinds = Readonly<Record<string, 'string' | 'boolean'>>;

export interface ParsedArgs {
  options: Record<string, string | boolean>;
  positionals: string[];
}

/** A usage problem: the command exits with code 2 and this message. */
export class UsageError extends Error {}

const SHORT_ALIASES: Readonly<Record<string, string>> = { '-h': 'help' };

/**
 * Splits `argv` into options and positionals. `--name value`, `--name=value` and boolean `--flag` are
 * options when `name` is in `kinds`; an unknown `--name` is an error; `--` is dropped; any other token,
 * `-扶贫` included, is a positional.
 */
export function parseCliArgs(argv: readonly string[], kinds: OptionKinds): ParsedArgs {
  const options: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') continue;
    const alias = SHORT_ALIASES[token];
    if (alias !== undefined) {
      options[alias] = true;
      continue;
    }
    if (!token.startsWith('--')) {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const kind = kinds[name];
    if (kind === undefined) throw new UsageError(`unknown option "--${name}"`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { options, positionals };
}
