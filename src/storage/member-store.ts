/**
 * What members own and what selling VIP records (issue 26): VIP grants and revocations, redeem codes (卡密),
 * the audit log of both, favourites in folders, download history with its daily quota, and recent reads.
 * The SQLite adapter is src/storage/sqlite/sqlite-member-store.ts; a second store (PostgreSQL) would
 * implement this interface and run src/testing/member-store-contract.ts. Every write is one transaction;
 * nothing lives only in a process's memory.
 *
 * Every method taking a `userId` reads and writes that member's things only: another member's favourite,
 * folder or download is "not found" (null or false), never shown.
 */

/** The part of an account (users, made by accounts' migration 12) that VIP is about. */
export interface MemberAccount {
  id: number;
  name: string;
  role: 'member' | 'admin';
  /** ISO 8601 UTC; null when the account never was VIP or was revoked. */
  vipUntil: string | null;
}

/** Who did something recorded in the audit log: an account, or the CLI (no account; a name like `cli:root`). */
export interface Actor {
  userId: number | null;
  name: string;
}

/** A grant of VIP: days added from the later of now and the current expiry, or an exact expiry. */
export type VipGrant = { days: number } | { until: string };

export type AuditAction = 'grant' | 'revoke' | 'redeem' | 'codes';

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  actor: Actor;
  /** The account acted on (null for a batch of codes). */
  target: { userId: number; name: string } | null;
  /** VIP expiry before and after (grant, revoke, redeem). */
  before: string | null;
  after: string | null;
  /** Days added (grant by days, redeem, codes). */
  days: number | null;
  /** The code batch (codes) or the redeemed code's batch. */
  batchId: number | null;
  /** The redeemed code's last group (see codeTail), or the number of codes made. */
  note: string | null;
}

export interface CodeBatchRequest {
  count: number;
  days: number;
  tier: 'vip';
}

/** A batch of codes as made: the only time the codes themselves are seen (the store keeps their hashes). */
export interface CodeBatch {
  id: number;
  createdAt: string;
  tier: 'vip';
  days: number;
  codes: string[];
}

export interface CodeBatchSummary {
  id: number;
  createdAt: string;
  createdBy: string;
  tier: 'vip';
  days: number;
  count: number;
  redeemed: number;
}

export type Redemption =
  | { ok: true; account: MemberAccount; days: number; batchId: number }
  /** No such code (or not a code at all), or one already used (by anyone, this member included). */
  | { ok: false; reason: 'unknown' | 'used' };

export interface FavouriteFolder {
  id: number;
  name: string;
  createdAt: string;
  /** Favourites in it. */
  count: number;
}

export interface Favourite {
  id: number;
  documentId: number;
  /** The document's title now. */
  title: string;
  /** null: not in a folder (未分类). */
  folderId: number | null;
  createdAt: string;
}

export interface RecentRead {
  documentId: number;
  title: string;
  readAt: string;
}

export interface DownloadRecord {
  id: number;
  documentId: number;
  /** The title when it was downloaded (kept when the document is later deleted). */
  title: string;
  format: string;
  at: string;
}

/** A download about to be produced: counted against `limit` for `subject` on `day` until released. */
export interface DownloadRequest {
  /** Whom the quota counts: `user:ID` for an account (a guest's would be by address). */
  subject: string;
  /** The account, whose history the download joins once completed; null for a guest. */
  userId: number | null;
  /** The local day (see dayKey) the quota counts by. */
  day: string;
  /** Downloads allowed to `subject` on `day`; null: not counted (the reservation is still recorded). */
  limit: number | null;
  documentId: number;
  title: string;
  format: string;
}

export type FolderChoice = number | null;

export interface MemberStore {
  /** The account named `name` (compared ignoring case), or null. */
  findAccount(name: string): Promise<MemberAccount | null>;
  account(userId: number): Promise<MemberAccount | null>;

  /** Grants VIP and records it; null when there is no such account. */
  grantVip(actor: Actor, userId: number, grant: VipGrant, now?: Date): Promise<MemberAccount | null>;
  /** Ends VIP at once (the expiry becomes null) and records it; null when there is no such account. */
  revokeVip(actor: Actor, userId: number, now?: Date): Promise<MemberAccount | null>;

  /** Makes `count` single-use codes in one transaction and records the batch. */
  createCodes(actor: Actor, request: CodeBatchRequest, now?: Date): Promise<CodeBatch>;
  listCodeBatches(limit?: number): Promise<CodeBatchSummary[]>;
  /**
   * Redeems `code` (as typed: see normalizeCode) for the account: the code is marked used and VIP extended
   * from the later of now and the current expiry, in one transaction; a code works once, however many
   * redeem it at the same moment.
   */
  redeemCode(userId: number, code: string, now?: Date): Promise<Redemption>;

  /** The audit log, newest first; `before` pages on (entries with a smaller id). */
  auditLog(options?: { limit?: number; before?: number }): Promise<AuditEntry[]>;

  folders(userId: number): Promise<FavouriteFolder[]>;
  /** A new folder; 'exists' when the member has one of that name (ignoring case). */
  createFolder(userId: number, name: string, now?: Date): Promise<FavouriteFolder | 'exists'>;
  renameFolder(userId: number, folderId: number, name: string): Promise<FavouriteFolder | 'exists' | null>;
  /** Deletes the folder; its favourites stay, out of any folder. False when the member has no such folder. */
  deleteFolder(userId: number, folderId: number): Promise<boolean>;
  /**
   * Favourites a document (into `folderId`, or none); a document already favourited moves to that folder.
   * Null when no such document, or the member has no such folder.
   */
  addFavourite(userId: number, documentId: number, folderId: FolderChoice, now?: Date): Promise<Favourite | null>;
  favourite(userId: number, favouriteId: number): Promise<Favourite | null>;
  /** The member's favourite of `documentId`, if any. */
  favouriteOf(userId: number, documentId: number): Promise<Favourite | null>;
  /** Newest first; with `folderId` (a folder, or null for none) only those. */
  favourites(userId: number, folderId?: FolderChoice): Promise<Favourite[]>;
  moveFavourite(userId: number, favouriteId: number, folderId: FolderChoice): Promise<Favourite | null>;
  removeFavourite(userId: number, favouriteId: number): Promise<boolean>;

  /** Notes that the member opened the document (the latest read of each document is kept, up to a limit). */
  recordRead(userId: number, documentId: number, now?: Date): Promise<void>;
  /** Newest first; documents deleted since drop out. */
  recentReads(userId: number, limit?: number): Promise<RecentRead[]>;

  /**
   * Takes one download of the quota in a transaction, before the file is made: the reservation's id, or null
   * when the quota of the day is used up. Reservations not completed or released count for a while (a
   * process that died while exporting), then lapse.
   */
  reserveDownload(request: DownloadRequest, now?: Date): Promise<number | null>;
  /** The file was sent: the reservation counts for good and joins the member's history. */
  completeDownload(reservationId: number, now?: Date): Promise<void>;
  /** Making the file failed: the reservation is dropped, as if never taken. */
  releaseDownload(reservationId: number): Promise<void>;
  /** Downloads counted for `subject` on `day` (completed, and reservations in flight). */
  downloadsUsed(subject: string, day: string, now?: Date): Promise<number>;
  downloadHistory(userId: number, options?: { limit?: number; before?: number }): Promise<DownloadRecord[]>;
  download(userId: number, downloadId: number): Promise<DownloadRecord | null>;

  close(): Promise<void>;
}
