/**
 * Accounts, sessions and login attempts as stored (issue 26): the part of the storage interface the web's
 * sign-in and the CLI's `user` commands use. Like LibraryStore, written so a second store (PostgreSQL) can
 * implement it and run the same contract tests (src/testing/store-contract-accounts.ts). Every write is one
 * transaction; nothing lives only in a process's memory.
 */

export type Role = 'member' | 'admin';

export interface UserRecord {
  id: number;
  /** As the user typed it (display); unique by loginKey. */
  name: string;
  email: string | null;
  role: Role;
  /** VIP expiry (ISO 8601, UTC), passed or not; null when never VIP. */
  vipUntil: string | null;
  createdAt: string;
  /** Argon2id, PHC string. */
  passwordHash: string;
}

export interface NewUser {
  name: string;
  email: string | null;
  passwordHash: string;
  role: Role;
}

/** A name or e-mail another account already has (compared by loginKey). */
export class AccountTakenError extends Error {
  constructor(readonly field: 'name' | 'email') {
    super(`an account with this ${field} exists`);
    this.name = 'AccountTakenError';
  }
}

/** A server-side session: the cookie holds a random id, the store only its SHA-256. */
export interface SessionRecord {
  /** SHA-256 of the session id, hex. */
  idHash: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface AccountStore {
  /** Creates an account; AccountTakenError when its name or e-mail is taken. */
  createUser(user: NewUser, now: Date): Promise<UserRecord>;
  userById(id: number): Promise<UserRecord | null>;
  /** The account whose name, or else e-mail, has this loginKey. */
  userByLogin(key: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /**
   * Sets a new password hash and, in the same transaction, ends every session of the account but
   * `keepSession` (the one that changed it; null ends all).
   */
  setPassword(userId: number, passwordHash: string, keepSession: string | null): Promise<void>;
  setRole(userId: number, role: Role): Promise<void>;
  /** Sets the VIP expiry as it is (the VIP grants with their audit are built over it). */
  setVipUntil(userId: number, vipUntil: string | null): Promise<void>;
  /** Stores a new session; `replacing` (the session the login came in with) is deleted in the same transaction. */
  createSession(session: SessionRecord, replacing: string | null): Promise<void>;
  /** The session and its account, when it exists and has not expired at `now` (an expired one is deleted). */
  session(idHash: string, now: Date): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  /** Moves a session's last use and expiry (a sliding expiry). */
  touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of the account ("log out everywhere"); returns how many. */
  deleteUserSessions(userId: number): Promise<number>;
  /** Records a failed login under each key (an account's, an address's); attempts before `forgetBefore` go. */
  recordLoginFailure(keys: readonly string[], at: Date, forgetBefore: Date): Promise<void>;
  /** Takes back one attempt recorded at `at` under each key (an attempt that turned out not to count). */
  forgetLoginFailure(keys: readonly string[], at: Date): Promise<void>;
  /** Failed logins under `key` since `since` (a sliding window). */
  loginFailures(key: string, since: Date): Promise<number>;
  clearLoginFailures(keys: readonly string[]): Promise<void>;
}
