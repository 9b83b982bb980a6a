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
  /** Opens the admin pages and API; null: admin is closed to everyone. */
  adminToken: string | null;
  /** Largest upload the admin accepts, in bytes. */
  uploadLimitBytes: number;
  /** Take in the demo collection when the library is empty (SUCAI_DEMO=0 turns it off). */
  demo: boolean;
  /** The IANA zone whose midnight resets daily download quotas (SUCAI_TIMEZONE, Asia/Shanghai by default). */
  timeZone: string;
}

export const DEFAULT_WEB_CONFIG: WebConfig = {
  port: 3000,
  host: '127.0.0.1',
  dbPath: DEFAULT_DB_PATH,
  inboxDir: './data/inbox',
  adminToken: null,
  uploadLimitBytes: 200 * 1024 * 1024,
  demo: true,
  timeZone: DEFAULT_TIME_ZONE,
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
  const token = env['SUCAI_ADMIN_TOKEN'];
  const zone = env['SUCAI_TIMEZONE'];
  if (zone !== undefined && zone !== '' && !isTimeZone(zone)) {
    throw new UsageError(`SUCAI_TIMEZONE must be a time zone such as Asia/Shanghai, got "${zone}"`);
  }
  return {
    port: port === undefined ? DEFAULT_WEB_CONFIG.port : integerIn('PORT', port, 0, 65535),
    host: pick('host', 'HOST') ?? DEFAULT_WEB_CONFIG.host,
    dbPath: pick('db', 'SUCAI_DB') ?? DEFAULT_WEB_CONFIG.dbPath,
    inboxDir: pick('inbox', 'SUCAI_INBOX') ?? DEFAULT_WEB_CONFIG.inboxDir,
    adminToken: token !== undefined && token !== '' ? token : null,
    uploadLimitBytes:
      limit === undefined || limit === ''
        ? DEFAULT_WEB_CONFIG.uploadLimitBytes
        : integerIn('SUCAI_UPLOAD_LIMIT_MB', limit, 1, 100_000) * 1024 * 1024,
    demo: env['SUCAI_DEMO'] !== '0',
    timeZone: zone !== undefined && zone !== '' ? zone : DEFAULT_TIME_ZONE,
  };
}
