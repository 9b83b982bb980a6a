import { createHash, randomBytes } from 'node:crypto';
import { memoized } from './digest-memo.js';
import { emailProblem, loginKey, looksLikeEmail, nameProblem, passwordProblem } from '../core/accounts/credentials.js';
import { tierAt, type Viewer } from '../core/access/viewer.js';
import { AccountTakenError, type AccountStore, type Role, type UserRecord } from '../storage/accounts.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';

/** A refused account action, with a Chinese message for the form and the HTTP status it answers with. */
export class AccountError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 409 | 429,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface AccountsOptions {
  /** How long a session lasts unused (sliding); default 30 days. */
  sessionMs?: number;
  /** Failed logins allowed per account name in the window before it is locked; default 5. */
  failuresPerAccount?: number;
  /** Failed logins allowed per address in the window; default 20. */
  failuresPerAddress?: number;
  /** The sliding window of failed logins; default 15 minutes. */
  windowMs?: number;
  /** The clock (tests move it). */
  now?: () => Date;
}

/** The same words for an unknown name and a wrong password: an answer never tells which names exist. */
export const BAD_CREDENTIALS = '用户名或密码不正确';

/** A session's last use is written at most this often: most requests only read. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** SHA-256 of a session id, hex: what the store keeps. */
export const sessionHash = memoized((sessionId) => createHash('sha256').update(sessionId).digest('hex'));

/** The Viewer an account is at `now`: its tier in force (an expired VIP is a member). */
export function viewerOf(user: UserRecord, now: Date): Viewer {
  return { userId: user.id, name: user.name, tier: tierAt(user.role, user.vipUntil, now), vipUntil: user.vipUntil };
}

export interface SignedIn {
  /** The random id for the cookie (256 bits, base64url); only its hash is stored. */
  sessionId: string;
  user: UserRecord;
}

export interface CurrentSession {
  user: UserRecord;
  viewer: Viewer;
  /** The stored hash of the session id (CSRF tokens and "keep this session" name it). */
  idHash: string;
}

/**
 * Accounts as the web and the CLI use them: registering, logging in (limited per account and per address,
 * without telling names apart), sessions, password changes. Over an AccountStore; holds nothing itself.
 */
export class Accounts {
  readonly sessionMs: number;
  readonly windowMs: number;
  private readonly perAccount: number;
  private readonly perAddress: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: AccountStore,
    options: AccountsOptions = {},
  ) {
    this.sessionMs = options.sessionMs ?? 30 * 24 * 3600 * 1000;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.perAccount = options.failuresPerAccount ?? 5;
    this.perAddress = options.failuresPerAddress ?? 20;
    this.now = options.now ?? (() => new Date());
  }

  /** Creates an account (a member unless `role` says admin). Refuses a bad or taken name, e-mail or password. */
  async register(input: { name: string; email?: string | null; password: string; role?: Role }): Promise<UserRecord> {
    const email = input.email === undefined || input.email === null || input.email.trim() === '' ? null : input.email;
    const problem =
      nameProblem(input.name) ?? (email === null ? null : emailProblem(email)) ?? passwordProblem(input.password);
    if (problem !== null) throw new AccountError(400, 'bad_account', problem);
    try {
      return await this.store.createUser(
        { name: input.name, email, passwordHash: await hashPassword(input.password), role: input.role ?? 'member' },
        this.now(),
      );
    } catch (error) {
      if (error instanceof AccountTakenError) {
        throw new AccountError(409, 'taken', error.field === 'name' ? '这个用户名已被使用' : '这个电子邮箱已被注册');
      }
      throw error;
    }
  }

  /**
   * Logs in by name or e-mail and starts a new session (the one the request came with, `replacing`, ends:
   * no session fixation). Failures count per name typed and per address, known names or not.
   */
  async login(login: string, password: string, address: string, replacing: string | null): Promise<SignedIn> {
    const key = loginKey(login);
    const keys = [`login:${key}`, `address:${address}`];
    const now = this.now();
    const since = new Date(now.getTime() - this.windowMs);
    // Counted before the password is checked: attempts sent at once cannot all pass the count while the
    // first are still hashing. One over the limit is taken back (it is refused, not tried).
    await this.store.recordLoginFailure(keys, now, since);
    const [byAccount, byAddress] = await Promise.all(keys.map((k) => this.store.loginFailures(k, since)));
    if (byAccount! > this.perAccount || byAddress! > this.perAddress) {
      await this.store.forgetLoginFailure(keys, now);
      const minutes = Math.ceil(this.windowMs / 60000);
      throw new AccountError(429, 'locked', `登录失败次数过多，请 ${minutes} 分钟后再试`);
    }
    const user = key === '' || password.length > 1024 ? null : await this.store.userByLogin(key);
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (user === null || !ok) throw new AccountError(401, 'bad_credentials', BAD_CREDENTIALS);
    // A success: the account's failures are cleared, and this attempt does not count against the address.
    await this.store.clearLoginFailures([keys[0]!]);
    await this.store.forgetLoginFailure([keys[1]!], now);
    return { sessionId: await this.startSession(user.id, replacing), user };
  }

  /** A new session for an account (login, or the CLI): its id, for the cookie. */
  async startSession(userId: number, replacing: string | null = null): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.store.createSession(
      {
        idHash: sessionHash(id),
        userId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.sessionMs).toISOString(),
      },
      replacing === null ? null : sessionHash(replacing),
    );
    return id;
  }

  /** The session a cookie names, with its account and Viewer; null when unknown or expired. Slides its expiry. */
  async current(sessionId: string): Promise<CurrentSession | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
    const idHash = sessionHash(sessionId);
    const now = this.now();
    const found = await this.store.session(idHash, now);
    if (found === null) return null;
    if (now.getTime() - Date.parse(found.session.lastSeenAt) > TOUCH_EVERY_MS) {
      try {
        await this.store.touchSession(idHash, now, new Date(now.getTime() + this.sessionMs));
      } catch {
        // The library busy with a long write (an ingest): the page is served, the expiry slides next time.
      }
    }
    return { user: found.user, viewer: viewerOf(found.user, now), idHash };
  }

  async logout(sessionId: string): Promise<void> {
    await this.store.deleteSession(sessionHash(sessionId));
  }

  /** Ends every session of the account, this one too. */
  logoutEverywhere(userId: number): Promise<number> {
    return this.store.deleteUserSessions(userId);
  }

  /** Changes a password after checking the current one; every other session of the account ends. */
  async changePassword(userId: number, current: string, next: string, keepSessionHash: string | null): Promise<void> {
    const user = await this.store.userById(userId);
    if (user === null || !(await verifyPassword(user.passwordHash, current))) {
      throw new AccountError(403, 'bad_password', '当前密码不正确');
    }
    const problem = passwordProblem(next);
    if (problem !== null) throw new AccountError(400, 'bad_password', problem);
    await this.store.setPassword(userId, await hashPassword(next), keepSessionHash);
  }

  /** An account by the name or e-mail it logs in with (the CLI's `--as USER`). */
  byLogin(login: string): Promise<UserRecord | null> {
    return this.store.userByLogin(loginKey(login));
  }

  /** The Viewer of an account now. */
  viewer(user: UserRecord): Viewer {
    return viewerOf(user, this.now());
  }

  /** Whether a login reads as an e-mail (the form's hint). */
  static isEmail(login: string): boolean {
    return looksLikeEmail(login);
  }
}
