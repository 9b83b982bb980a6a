import type { DownloadRecord, DownloadRequest, RecentRead } from '../member-store.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** Recent reads kept per member: older ones are dropped as new ones come. */
export const RECENT_READS_KEPT = 100;
/**
 * How long a reservation neither completed nor released still counts (10 minutes): longer than any export
 * takes, so a process that died mid-download gives the download back by the time anyone would retry.
 */
export const RESERVATION_LAPSE_MS = 10 * 60_000;

export function recordReadNow(db: SqliteDatabase, userId: number, documentId: number, now: Date): void {
  db.prepare(
    `INSERT INTO recent_reads (user_id, document_id, read_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id, document_id) DO UPDATE SET read_at = excluded.read_at`,
  ).run(userId, documentId, now.toISOString());
  db.prepare(
    `DELETE FROM recent_reads WHERE user_id = ? AND document_id NOT IN (
       SELECT document_id FROM recent_reads WHERE user_id = ? ORDER BY read_at DESC, document_id DESC LIMIT ?)`,
  ).run(userId, userId, RECENT_READS_KEPT);
}

export function recentReadRows(db: SqliteDatabase, userId: number, limit: number): RecentRead[] {
  const rows = db
    .prepare(
      `SELECT r.document_id, d.title, r.read_at FROM recent_reads r JOIN documents d ON d.id = r.document_id
       WHERE r.user_id = ? ORDER BY r.read_at DESC, r.document_id DESC LIMIT ?`,
    )
    .all(userId, limit) as Array<{ document_id: number; title: string; read_at: string }>;
  return rows.map((r) => ({ documentId: r.document_id, title: r.title, readAt: r.read_at }));
}

export function countDownloads(db: SqliteDatabase, subject: string, day: string, now: Date): number {
  const lapsed = new Date(now.getTime() - RESERVATION_LAPSE_MS).toISOString();
  const row = db
    .prepare(`SELECT COUNT(*) AS n FROM downloads WHERE subject = ? AND day = ? AND (state = 'done' OR at > ?)`)
    .get(subject, day, lapsed) as { n: number };
  return row.n;
}

/** Call inside an IMMEDIATE transaction: the count and the insert then see no other writer in between. */
export function reserveDownloadNow(db: SqliteDatabase, request: DownloadRequest, now: Date): number | null {
  if (request.limit !== null && countDownloads(db, request.subject, request.day, now) >= request.limit) return null;
  return Number(
    db
      .prepare(
        `INSERT INTO downloads (subject, user_id, day, state, document_id, title, format, at)
         VALUES (?, ?, ?, 'reserved', ?, ?, ?, ?)`,
      )
      .run(
        request.subject,
        request.userId,
        request.day,
        request.documentId,
        request.title,
        request.format,
        now.toISOString(),
      ).lastInsertRowid,
  );
}

export function completeDownloadNow(db: SqliteDatabase, reservationId: number, now: Date): void {
  db.prepare(`UPDATE downloads SET state = 'done', at = ? WHERE id = ? AND state = 'reserved'`).run(
    now.toISOString(),
    reservationId,
  );
}

export function releaseDownloadNow(db: SqliteDatabase, reservationId: number): void {
  db.prepare(`DELETE FROM downloads WHERE id = ? AND state = 'reserved'`).run(reservationId);
}

interface DownloadRow {
  id: number;
  document_id: number;
  title: string;
  format: string;
  at: string;
}

const recordOf = (r: DownloadRow): DownloadRecord => ({
  id: r.id,
  documentId: r.document_id,
  title: r.title,
  format: r.format,
  at: r.at,
});

const HISTORY = `SELECT id, document_id, title, format, at FROM downloads WHERE user_id = ? AND state = 'done'`;

export function downloadHistoryRows(
  db: SqliteDatabase,
  userId: number,
  limit: number,
  before: number | undefined,
): DownloadRecord[] {
  const rows = db
    .prepare(`${HISTORY} AND id < ? ORDER BY id DESC LIMIT ?`)
    .all(userId, before ?? Number.MAX_SAFE_INTEGER, limit) as DownloadRow[];
  return rows.map(recordOf);
}

export function downloadRow(db: SqliteDatabase, userId: number, downloadId: number): DownloadRecord | null {
  const row = db.prepare(`${HISTORY} AND id = ?`).get(userId, downloadId) as DownloadRow | undefined;
  return row === undefined ? null : recordOf(row);
}
