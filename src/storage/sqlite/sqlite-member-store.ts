import { cacheStatements } from './statement-cache.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isVipDays, MAX_VIP_DAYS } from '../../core/members/vip-expiry.js';
import type {
  Actor,
  AuditEntry,
  CodeBatch,
  CodeBatchRequest,
  CodeBatchSummary,
  DownloadRecord,
  DownloadRequest,
  Favourite,
  FavouriteFolder,
  FolderChoice,
  MemberAccount,
  MemberStore,
  RecentRead,
  Redemption,
  VipGrant,
} from '../member-store.js';
import { auditRows } from './member-audit-rows.js';
import {
  completeDownloadNow,
  countDownloads,
  downloadHistoryRows,
  downloadRow,
  recentReadRows,
  recordReadNow,
  releaseDownloadNow,
  reserveDownloadNow,
} from './member-download-rows.js';
import {
  addFavouriteNow,
  createFolderNow,
  deleteFolderNow,
  favouriteOfDocument,
  favouriteRow,
  favouriteRows,
  folderRows,
  moveFavouriteNow,
  removeFavouriteNow,
  renameFolderNow,
} from './member-favourite-rows.js';
import {
  accountById,
  accountByName,
  createCodesNow,
  grantVipNow,
  listCodeBatchRows,
  redeemCodeNow,
  revokeVipNow,
} from './member-vip-rows.js';
import { migrate } from './migrate.js';
import { FreshCache } from './fresh-cache.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** How long a write waits for another connection's write lock before failing (15 s). */
const WRITE_WAIT_MS = 15_000;
/**
 * The connection's own busy wait, kept short: better-sqlite3 waits synchronously, blocking the event loop;
 * `write` waits the rest asynchronously.
 */
const BUSY_TIMEOUT_MS = 20;

/** Most codes one batch may hold: a shop's stock, not a typo of zeros. */
export const MAX_CODES_PER_BATCH = 10_000;

const clampLimit = (limit: number | undefined, fallback: number): number =>
  Math.max(1, Math.min(500, Math.floor(limit ?? fallback)));

/**
 * The SQLite MemberStore over one connection (its own, or the library's). Each write is an IMMEDIATE
 * transaction: it takes the write lock before reading, so a check and the write it allows (a code still
 * unused, a quota not yet full) are never split by another connection's write.
 */
export class SqliteMemberStore implements MemberStore {
  /** A member's folders and favourites, asked by every document page they open (see FreshCache). */
  private readonly reads: FreshCache<Favourite | FavouriteFolder[]>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly ownsConnection = false,
  ) {
    this.reads = new FreshCache(db);
  }

  /**
   * Runs `fn` in an IMMEDIATE transaction. While another connection holds the write lock (an ingest
   * batch commits for up to a second or two), the attempt fails fast and is retried after a pause that
   * lets the event loop run, so a member's write never stalls every other request of the server.
   */
  private async write<R>(fn: () => R): Promise<R> {
    const deadline = Date.now() + WRITE_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return this.db.transaction(fn).immediate();
      } catch (error) {
        if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt)));
      }
    }
  }

  async findAccount(name: string): Promise<MemberAccount | null> {
    return accountByName(this.db, name);
  }

  async account(userId: number): Promise<MemberAccount | null> {
    return accountById(this.db, userId);
  }

  async grantVip(actor: Actor, userId: number, grant: VipGrant, now = new Date()): Promise<MemberAccount | null> {
    return this.write(() => grantVipNow(this.db, actor, userId, grant, now));
  }

  async revokeVip(actor: Actor, userId: number, now = new Date()): Promise<MemberAccount | null> {
    return this.write(() => revokeVipNow(this.db, actor, userId, now));
  }

  async createCodes(actor: Actor, request: CodeBatchRequest, now = new Date()): Promise<CodeBatch> {
    if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_CODES_PER_BATCH) {
      throw new RangeError(`a batch holds 1 to ${MAX_CODES_PER_BATCH} codes, got ${request.count}`);
    }
    if (!isVipDays(request.days)) {
      throw new RangeError(`a code gives 1 to ${MAX_VIP_DAYS} days, got ${request.days}`);
    }
    return this.write(() => createCodesNow(this.db, actor, request, now));
  }

  async listCodeBatches(limit?: number): Promise<CodeBatchSummary[]> {
    return listCodeBatchRows(this.db, clampLimit(limit, 50));
  }

  async redeemCode(userId: number, code: string, now = new Date()): Promise<Redemption> {
    return this.write(() => redeemCodeNow(this.db, userId, code, now));
  }

  async auditLog(options: { limit?: number; before?: number } = {}): Promise<AuditEntry[]> {
    return auditRows(this.db, clampLimit(options.limit, 100), options.before);
  }

  async folders(userId: number): Promise<FavouriteFolder[]> {
    return this.reads.get(`folders:${userId}`, () => folderRows(this.db, userId))!;
  }

  async createFolder(userId: number, name: string, now = new Date()): Promise<FavouriteFolder | 'exists'> {
    return this.write(() => createFolderNow(this.db, userId, name, now));
  }

  async renameFolder(userId: number, folderId: number, name: string): Promise<FavouriteFolder | 'exists' | null> {
    return this.write(() => renameFolderNow(this.db, userId, folderId, name));
  }

  async deleteFolder(userId: number, folderId: number): Promise<boolean> {
    return this.write(() => deleteFolderNow(this.db, userId, folderId));
  }

  async addFavourite(
    userId: number,
    documentId: number,
    folderId: FolderChoice,
    now = new Date(),
  ): Promise<Favourite | null> {
    return this.write(() => addFavouriteNow(this.db, userId, documentId, folderId, now));
  }

  async favourite(userId: number, favouriteId: number): Promise<Favourite | null> {
    return favouriteRow(this.db, userId, favouriteId);
  }

  async favouriteOf(userId: number, documentId: number): Promise<Favourite | null> {
    return this.reads.get(`favourite:${userId}:${documentId}`, () => favouriteOfDocument(this.db, userId, documentId));
  }

  async favourites(userId: number, folderId?: FolderChoice): Promise<Favourite[]> {
    return favouriteRows(this.db, userId, folderId);
  }

  async moveFavourite(userId: number, favouriteId: number, folderId: FolderChoice): Promise<Favourite | null> {
    return this.write(() => moveFavouriteNow(this.db, userId, favouriteId, folderId));
  }

  async removeFavourite(userId: number, favouriteId: number): Promise<boolean> {
    return this.write(() => removeFavouriteNow(this.db, userId, favouriteId));
  }

  async recordRead(userId: number, documentId: number, now = new Date()): Promise<void> {
    await this.write(() => recordReadNow(this.db, userId, documentId, now));
  }

  async recentReads(userId: number, limit?: number): Promise<RecentRead[]> {
    return recentReadRows(this.db, userId, clampLimit(limit, 50));
  }

  async reserveDownload(request: DownloadRequest, now = new Date()): Promise<number | null> {
    return this.write(() => reserveDownloadNow(this.db, request, now));
  }

  async completeDownload(reservationId: number, now = new Date()): Promise<void> {
    await this.write(() => completeDownloadNow(this.db, reservationId, now));
  }

  async releaseDownload(reservationId: number): Promise<void> {
    await this.write(() => releaseDownloadNow(this.db, reservationId));
  }

  async downloadsUsed(subject: string, day: string, now = new Date()): Promise<number> {
    return countDownloads(this.db, subject, day, now);
  }

  async downloadHistory(userId: number, options: { limit?: number; before?: number } = {}): Promise<DownloadRecord[]> {
    return downloadHistoryRows(this.db, userId, clampLimit(options.limit, 50), options.before);
  }

  async download(userId: number, downloadId: number): Promise<DownloadRecord | null> {
    return downloadRow(this.db, userId, downloadId);
  }

  async close(): Promise<void> {
    if (this.ownsConnection) this.db.close();
  }
}

/**
 * Opens a connection of its own to the library file at `path` (creating it, migrations applied) for the
 * members' store. Beside the library's connection in the same process: both in WAL mode, a writer waits
 * for the other's transaction (busy timeout) rather than failing.
 *
 * @example const members = openSqliteMemberStore('data/sucai.db');
 */
export function openSqliteMemberStore(path: string): MemberStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS }) as unknown as SqliteDatabase;
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteMemberStore(cacheStatements(db), true);
}
