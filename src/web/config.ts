import { availableParallelism } from 'node:os';
import { DEFAULT_TIER_POLICY, policyProblem, type TierPolicy } from '../core/access/tiers.js';
import { DEFAULT_DB_PATH } from '../library.js';
import { parseCliArgs, UsageError } from '../cli/parse-cli-args.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../core/members/day-key.js';

/** What the web server is told by its environment and flags (see the README's configuration table). */
export interface WebConfig {
  port: number;
  /** 127.0.0.1 by default: a library is private until its owner opens it to a network (HOST=0.0.0.0). */
  host: string;
  dbPath: string;
  inboxDir: string;
  /**
   * Behind a reverse proxy that ends TLS: believe its X-Forwarded-Proto/-Host/-For (Secure cookies, the
   * origin CSRF checks compare, the address logins are limited by). Off by default: anyone could send them.
   */
  trustProxy: boolean;
  /** What each tier may read and download (SUCAI_TIERS overrides parts of the defaults). */
  tiers: TierPolicy;
  /** Largest upload the admin accepts, in bytes. */
  uploadLimitBytes: number;
  /** Take in the demo collection when the library is empty (SUCAI_DEMO=0 turns it off). */
  demo: boolean;
  /** The IANA zone whose midnight resets daily download quotas (SUCAI_TIMEZONE, Asia/Shanghai by default). */
  timeZone: string;
  /**
   * Threads that answer searches beside the one serving pages (SUCAI_SEARCH_THREADS), each with its own
   * engine over the library: 0 answers them on the serving thread. One per core by default, at most four.
   */
  searchThreads: number;
}

export const DEFAULT_WEB_CONFIG: WebConfig = {
  port: 3000,
  host: '127.0.0.1',
  dbPath: DEFAULT_DB_PATH,
  inboxDir: './data/inbox',
  trustProxy: false,
  tiers: DEFAULT_TIER_POLICY,
  uploadLimitBytes: 200 * 1024 * 1024,
  demo: true,
  timeZone: DEFAULT_TIME_ZONE,
  // At 90M characters on two cores, two threads served up to 1.8x the searches of none (docs/BENCHMARKS.md),
  // for 990 MB of memory instead of 690.
  searchThreads: Math.min(4, availableParallelism()),
};

/** A config for tests and embedders: the defaults with some fields replaced. */
export function webConfig(overrides: Partial<WebConfig> = {}): WebConfig {
  return { ...DEFAULT_WEB_CONFIG, ...overrides };
}

function integerIn(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/**
 * The config from environment variables, then flags (`--port N`, `--host H`, `--db PATH`, `--inbox DIR`),
 * a flag winning over its variable. A bad value is a UsageError naming it, not a server on a surprise port.
 */
export function readWebConfig(env: NodeJS.ProcessEnv, argv: readonly string[] = []): WebConfig {
  const { options, positionals } = parseCliArgs(argv, {
    port: 'string',
    host: 'string',
    db: 'string',
    inbox: 'string',
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const pick = (flag: string, variable: string): string | undefined => {
    const v = options[flag] ?? env[variable];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const port = pick('port', 'PORT');
  const limit = env['SUCAI_UPLOAD_LIMIT_MB'];
  const zone = env['SUCAI_TIMEZONE'];
  const threads = env['SUCAI_SEARCH_THREADS'];
  if (zone !== undefined && zone !== '' && !isTimeZone(zone)) {
    throw new UsageError(`SUCAI_TIMEZONE must be a time zone such as Asia/Shanghai, got "${zone}"`);
  }
  return {
    port: port === undefined ? DEFAULT_WEB_CONFIG.port : integerIn('PORT', port, 0, 65535),
    host: pick('host', 'HOST') ?? DEFAULT_WEB_CONFIG.host,
    dbPath: pick('db', 'SUCAI_DB') ?? DEFAULT_WEB_CONFIG.dbPath,
    inboxDir: pick('inbox', 'SUCAI_INBOX') ?? DEFAULT_WEB_CONFIG.inboxDir,
    trustProxy: env['SUCAI_TRUST_PROXY'] === '1',
    tiers: tiersFrom(env['SUCAI_TIERS']),
    uploadLimitBytes:
      limit === undefined || limit === ''
        ? DEFAULT_WEB_CONFIG.uploadLimitBytes
        : integerIn('SUCAI_UPLOAD_LIMIT_MB', limit, 1, 100_000) * 1024 * 1024,
    demo: env['SUCAI_DEMO'] !== '0',
    timeZone: zone !== undefined && zone !== '' ? zone : DEFAULT_TIME_ZONE,
    searchThreads:
      threads === undefined || threads === ''
        ? DEFAULT_WEB_CONFIG.searchThreads
        : integerIn('SUCAI_SEARCH_THREADS', threads, 0, 64),
  };
}

/**
 * SUCAI_TIERS: JSON replacing parts of the default tiers, e.g. `{"member":{"downloadsPerDay":5}}`; a bad
 * value is a UsageError, not a server selling what it should not.
 */
export function tiersFrom(value: string | undefined): TierPolicy {
  if (value === undefined || value.trim() === '') return DEFAULT_TIER_POLICY;
  let given: unknown;
  try {
    given = JSON.parse(value);
  } catch {
    throw new UsageError('SUCAI_TIERS must be JSON, e.g. {"member":{"downloadsPerDay":5}}');
  }
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    throw new UsageError('SUCAI_TIERS must be a JSON object');
  const policy: Record<string, unknown> = { ...DEFAULT_TIER_POLICY };
  for (const [tier, rights] of Object.entries(given)) {
    if (!(tier in DEFAULT_TIER_POLICY))
      throw new UsageError(`SUCAI_TIERS: unknown tier "${tier}" (guest, member, vip, admin)`);
    policy[tier] = { ...DEFAULT_TIER_POLICY[tier as keyof TierPolicy], ...(rights as object) };
  }
  const problem = policyProblem(policy as unknown as TierPolicy);
  if (problem !== null) throw new UsageError(`SUCAI_TIERS: ${problem}`);
  return policy as unknown as TierPolicy;
}
