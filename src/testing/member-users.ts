import Database from 'better-sqlite3';
import { loginKey } from '../core/accounts/credentials.js';

/**
 * Adds an account straight into a library file's users table, past accounts' name rules (a test of escaping
 * names a user `<script>`): the columns VIP needs, and a placeholder for any other required column (a
 * password hash, a creation time). Tests only.
 */
export function addUserRow(
  path: string,
  name: string,
  role: 'member' | 'admin' = 'member',
  vipUntil: string | null = null,
): number {
  const db = new Database(path, { timeout: 10_000 });
  try {
    const columns = db.prepare('PRAGMA table_info(users)').all() as Array<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }>;
    const values: Record<string, unknown> = { name, name_key: loginKey(name), role, vip_until: vipUntil };
    for (const c of columns) {
      if (c.name in values || c.pk === 1 || c.notnull === 0 || c.dflt_value !== null) continue;
      values[c.name] = /INT|REAL|NUM/i.test(c.type)
        ? 0
        : c.name.endsWith('_at')
          ? new Date().toISOString()
          : `test-${c.name}`;
    }
    const names = Object.keys(values);
    const info = db
      .prepare(`INSERT INTO users (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...names.map((n) => values[n]));
    return Number(info.lastInsertRowid);
  } finally {
    db.close();
  }
}

/** Sets an account's VIP expiry directly (an expired VIP for a test). */
export function setVipUntilRow(path: string, userId: number, vipUntil: string | null): void {
  const db = new Database(path, { timeout: 10_000 });
  try {
    db.prepare('UPDATE users SET vip_until = ? WHERE id = ?').run(vipUntil, userId);
  } finally {
    db.close();
  }
}
