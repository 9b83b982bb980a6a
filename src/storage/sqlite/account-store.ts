import { loginKey } from '../../core/accounts/credentials.js';
import {
  AccountTakenError,
  type AccountStore,
  type NewUser,
  type Role,
  type SessionRecord,
  type UserRecord,
} from '../accounts.js';
import { FreshCache } from './fresh-cache.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface UserRow {
  id: number;
  name: string;
  email: string | null;
  password_hash: string;
  role: Role;
  vip_until: string | null;
  created_at: string;
}

interface SessionRow {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

function userOf(r: UserRow): UserRecord {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    vipUntil: r.vip_until,
    createdAt: r.created_at,
    passwordHash: r.password_hash,
  };
}

function sessionOf(r: SessionRow): SessionRecord {
  return {
    idHash: r.id_hash,
    userId: r.user_id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  };
}

/** The SQLite AccountStore, on the library's own connection (migration 12's tables). */
export class SqliteAccountStore implements AccountStore {
  /** Sessions with their accounts, as long as nothing in the database changed (see FreshCache). */
  private readonly sessions: FreshCache<{ session: SessionRecord; user: UserRecord }>;

  constructor(private readonly db: SqliteDatabase) {
    this.sessions = new FreshCache(db);
  }

  /** fn in one IMMEDIATE transaction: the write lock first, nothing written when it throws. */
  private write<R>(fn: () => R): R {
    return this.db.transaction(fn).immediate();
  }

  async createUser(user: NewUser, now: Date): Promise<UserRecord> {
    const nameKey = loginKey(user.name);
    const emailKey = user.email === null ? null : loginKey(user.email);
    return this.write(() => {
      const taken = this.db
        .prepare('SELECT name_key, email_key FROM users WHERE name_key IN (?, ?) OR email_key IN (?, ?)')
        .all(nameKey, emailKey ?? nameKey, nameKey, emailKey ?? nameKey) as Array<{
        name_key: string;
        email_key: string | null;
      }>;
      // A name may not be another's e-mail either: a login is looked up as both.
      if (taken.length > 0) {
        throw new AccountTakenError(
          taken.some((t) => t.name_key === nameKey || t.email_key === nameKey) ? 'name' : 'email',
        );
      }
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO users (name, name_key, email, email_key, password_hash, role, vip_until, created_at)
           VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
        )
        .run(
          user.name.normalize('NFKC').trim(),
          nameKey,
          user.email?.trim() ?? null,
          emailKey,
          user.passwordHash,
          user.role,
          now.toISOString(),
        );
      return this.userNow(Number(lastInsertRowid))!;
    });
  }

  async userById(id: number): Promise<UserRecord | null> {
    return this.userNow(id);
  }

  private userNow(id: number): UserRecord | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row === undefined ? null : userOf(row);
  }

  async userByLogin(key: string): Promise<UserRecord | null> {
    const row = (this.db.prepare('SELECT * FROM users WHERE name_key = ?').get(key) ??
      this.db.prepare('SELECT * FROM users WHERE email_key = ?').get(key)) as UserRow | undefined;
    return row === undefined ? null : userOf(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(userOf);
  }

  async setPassword(userId: number, passwordHash: string, keepSession: string | null): Promise<void> {
    this.write(() => {
      this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
      this.db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?').run(userId, keepSession);
    });
  }

  async setRole(userId: number, role: Role): Promise<void> {
    this.write(() => this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId));
  }

  async setVipUntil(userId: number, vipUntil: string | null): Promise<void> {
    this.write(() => this.db.prepare('UPDATE users SET vip_until = ? WHERE id = ?').run(vipUntil, userId));
  }

  async createSession(s: SessionRecord, replacing: string | null): Promise<void> {
    this.write(() => {
      if (replacing !== null) this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(replacing);
      this.db
        .prepare('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(s.idHash, s.userId, s.createdAt, s.lastSeenAt, s.expiresAt);
    });
  }

  async session(idHash: string, now: Date): Promise<{ session: SessionRecord; user: UserRecord } | null> {
    const found = this.sessions.get(idHash, () => {
      const row = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as SessionRow | undefined;
      if (row === undefined) return null;
      const user = this.userNow(row.user_id);
      return user === null ? null : { session: sessionOf(row), user };
    });
    if (found === null) return null;
    if (Date.parse(found.session.expiresAt) <= now.getTime()) {
      try {
        this.write(() => this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash));
      } catch {
        // Busy with another writer: the expired row goes next time; it opens nothing meanwhile.
      }
      return null;
    }
    return found;
  }

  async touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    this.write(() =>
      this.db
        .prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?')
        .run(lastSeenAt.toISOString(), expiresAt.toISOString(), idHash),
    );
  }

  async deleteSession(idHash: string): Promise<void> {
    this.write(() => this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash));
  }

  async deleteUserSessions(userId: number): Promise<number> {
    return this.write(() => this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes);
  }

  async recordLoginFailure(keys: readonly string[], at: Date, forgetBefore: Date): Promise<void> {
    this.write(() => {
      const forget = this.db.prepare('DELETE FROM login_failures WHERE key = ? AND at < ?');
      const insert = this.db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
      for (const key of keys) {
        forget.run(key, forgetBefore.toISOString());
        insert.run(key, at.toISOString());
      }
    });
  }

  async forgetLoginFailure(keys: readonly string[], at: Date): Promise<void> {
    this.write(() => {
      const forget = this.db.prepare(
        'DELETE FROM login_failures WHERE id = (SELECT id FROM login_failures WHERE key = ? AND at = ? LIMIT 1)',
      );
      for (const key of keys) forget.run(key, at.toISOString());
    });
  }

  async loginFailures(key: string, since: Date): Promise<number> {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM login_failures WHERE key = ? AND at >= ?')
      .get(key, since.toISOString()) as { n: number };
    return row.n;
  }

  async clearLoginFailures(keys: readonly string[]): Promise<void> {
    this.write(() => {
      const clear = this.db.prepare('DELETE FROM login_failures WHERE key = ?');
      for (const key of keys) clear.run(key);
    });
  }
}
