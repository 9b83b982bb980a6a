import { codeHash, codeTail, newRedeemCode, normalizeCode } from '../../core/members/redeem-code.js';
import { extendVip } from '../../core/members/vip-expiry.js';
import type {
  Actor,
  AuditAction,
  CodeBatch,
  CodeBatchRequest,
  CodeBatchSummary,
  MemberAccount,
  Redemption,
  VipGrant,
} from '../member-store.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface AccountRow {
  id: number;
  name: string;
  role: string;
  vip_until: string | null;
}

const ACCOUNT = 'SELECT id, name, role, vip_until FROM users';

function accountOf(row: AccountRow): MemberAccount {
  return { id: row.id, name: row.name, role: row.role === 'admin' ? 'admin' : 'member', vipUntil: row.vip_until };
}

export function accountById(db: SqliteDatabase, userId: number): MemberAccount | null {
  const row = db.prepare(`${ACCOUNT} WHERE id = ?`).get(userId) as AccountRow | undefined;
  return row === undefined ? null : accountOf(row);
}

export function accountByName(db: SqliteDatabase, name: string): MemberAccount | null {
  const row = db.prepare(`${ACCOUNT} WHERE name = ? COLLATE NOCASE`).get(name) as AccountRow | undefined;
  return row === undefined ? null : accountOf(row);
}

interface AuditFacts {
  action: AuditAction;
  actor: Actor;
  target: MemberAccount | null;
  before?: string | null;
  after?: string | null;
  days?: number | null;
  batchId?: number | null;
  note?: string | null;
}

export function insertAudit(db: SqliteDatabase, facts: AuditFacts, now: Date): void {
  db.prepare(
    `INSERT INTO vip_audit (at, action, actor_id, actor, target_id, target, before, after, days, batch_id, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    now.toISOString(),
    facts.action,
    facts.actor.userId,
    facts.actor.name,
    facts.target?.id ?? null,
    facts.target?.name ?? null,
    facts.before ?? null,
    facts.after ?? null,
    facts.days ?? null,
    facts.batchId ?? null,
    facts.note ?? null,
  );
}

function setVipUntil(db: SqliteDatabase, userId: number, until: string | null): void {
  db.prepare('UPDATE users SET vip_until = ? WHERE id = ?').run(until, userId);
}

/** Call inside a transaction: sets the expiry the grant asks for and records it. */
export function grantVipNow(
  db: SqliteDatabase,
  actor: Actor,
  userId: number,
  grant: VipGrant,
  now: Date,
): MemberAccount | null {
  const account = accountById(db, userId);
  if (account === null) return null;
  let until: string;
  if ('days' in grant) until = extendVip(account.vipUntil, now, grant.days);
  else {
    const ms = Date.parse(grant.until);
    if (Number.isNaN(ms)) throw new RangeError(`a VIP expiry must be a date, got "${grant.until}"`);
    until = new Date(ms).toISOString();
  }
  setVipUntil(db, userId, until);
  const days = 'days' in grant ? grant.days : null;
  insertAudit(db, { action: 'grant', actor, target: account, before: account.vipUntil, after: until, days }, now);
  return { ...account, vipUntil: until };
}

export function revokeVipNow(db: SqliteDatabase, actor: Actor, userId: number, now: Date): MemberAccount | null {
  const account = accountById(db, userId);
  if (account === null) return null;
  setVipUntil(db, userId, null);
  insertAudit(db, { action: 'revoke', actor, target: account, before: account.vipUntil, after: null }, now);
  return { ...account, vipUntil: null };
}

export function createCodesNow(db: SqliteDatabase, actor: Actor, request: CodeBatchRequest, now: Date): CodeBatch {
  const createdAt = now.toISOString();
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO code_batches (created_at, created_by_id, created_by, tier, days, count) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(createdAt, actor.userId, actor.name, request.tier, request.days, request.count).lastInsertRowid,
  );
  const insert = db.prepare('INSERT OR IGNORE INTO redeem_codes (batch_id, code_hash, tail) VALUES (?, ?, ?)');
  const codes: string[] = [];
  while (codes.length < request.count) {
    const code = newRedeemCode();
    // A collision of 80 random bits will not happen; if it did, the unique index skips it and we draw again.
    if (insert.run(batchId, codeHash(code), codeTail(code)).changes === 1) codes.push(code);
  }
  insertAudit(
    db,
    { action: 'codes', actor, target: null, days: request.days, batchId, note: String(request.count) },
    now,
  );
  return { id: batchId, createdAt, tier: request.tier, days: request.days, codes };
}

export function listCodeBatchRows(db: SqliteDatabase, limit: number): CodeBatchSummary[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.created_at, b.created_by, b.tier, b.days, b.count,
              (SELECT COUNT(*) FROM redeem_codes r WHERE r.batch_id = b.id AND r.redeemed_by IS NOT NULL) AS redeemed
       FROM code_batches b ORDER BY b.id DESC LIMIT ?`,
    )
    .all(limit) as Array<{
    id: number;
    created_at: string;
    created_by: string;
    tier: string;
    days: number;
    count: number;
    redeemed: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    tier: 'vip',
    days: r.days,
    count: r.count,
    redeemed: r.redeemed,
  }));
}

/**
 * Call inside a transaction. The code is taken by a conditional UPDATE (only while unused): of two
 * redemptions at once, whichever store runs second changes no row and is told the code is used.
 */
export function redeemCodeNow(db: SqliteDatabase, userId: number, typed: string, now: Date): Redemption {
  const canonical = normalizeCode(typed);
  if (canonical === null) return { ok: false, reason: 'unknown' };
  const code = db
    .prepare(
      `SELECT r.id, r.batch_id, r.tail, b.days FROM redeem_codes r JOIN code_batches b ON b.id = r.batch_id
       WHERE r.code_hash = ?`,
    )
    .get(codeHash(canonical)) as { id: number; batch_id: number; tail: string; days: number } | undefined;
  if (code === undefined) return { ok: false, reason: 'unknown' };
  const account = accountById(db, userId);
  if (account === null) return { ok: false, reason: 'unknown' };
  const taken = db
    .prepare('UPDATE redeem_codes SET redeemed_by = ?, redeemed_at = ? WHERE id = ? AND redeemed_by IS NULL')
    .run(userId, now.toISOString(), code.id);
  if (taken.changes !== 1) return { ok: false, reason: 'used' };
  const until = extendVip(account.vipUntil, now, code.days);
  setVipUntil(db, userId, until);
  const actor = { userId, name: account.name };
  insertAudit(
    db,
    {
      action: 'redeem',
      actor,
      target: account,
      before: account.vipUntil,
      after: until,
      days: code.days,
      batchId: code.batch_id,
      note: code.tail,
    },
    now,
  );
  return { ok: true, account: { ...account, vipUntil: until }, days: code.days, batchId: code.batch_id };
}
