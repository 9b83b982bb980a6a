import type { AuditAction, AuditEntry } from '../member-store.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface AuditRow {
  id: number;
  at: string;
  action: string;
  actor_id: number | null;
  actor: string;
  target_id: number | null;
  target: string | null;
  before: string | null;
  after: string | null;
  days: number | null;
  batch_id: number | null;
  note: string | null;
}

export function auditRows(db: SqliteDatabase, limit: number, before: number | undefined): AuditEntry[] {
  const rows = db
    .prepare(`SELECT * FROM vip_audit WHERE id < ? ORDER BY id DESC LIMIT ?`)
    .all(before ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action as AuditAction,
    actor: { userId: r.actor_id, name: r.actor },
    target: r.target_id === null ? null : { userId: r.target_id, name: r.target ?? '' },
    before: r.before,
    after: r.after,
    days: r.days,
    batchId: r.batch_id,
    note: r.note,
  }));
}
