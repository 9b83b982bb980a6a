import type { Favourite, FavouriteFolder, FolderChoice } from '../member-store.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface FolderRow {
  id: number;
  name: string;
  created_at: string;
  count: number;
}

const FOLDER = `SELECT f.id, f.name, f.created_at,
    (SELECT COUNT(*) FROM favourites v JOIN documents d ON d.id = v.document_id WHERE v.folder_id = f.id) AS count
  FROM favourite_folders f`;

const folderOf = (r: FolderRow): FavouriteFolder => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  count: r.count,
});

export function folderRows(db: SqliteDatabase, userId: number): FavouriteFolder[] {
  return (db.prepare(`${FOLDER} WHERE f.user_id = ? ORDER BY f.name, f.id`).all(userId) as FolderRow[]).map(folderOf);
}

export function folderRow(db: SqliteDatabase, userId: number, folderId: number): FavouriteFolder | null {
  const row = db.prepare(`${FOLDER} WHERE f.user_id = ? AND f.id = ?`).get(userId, folderId) as FolderRow | undefined;
  return row === undefined ? null : folderOf(row);
}

function folderNamed(db: SqliteDatabase, userId: number, name: string): number | null {
  const row = db.prepare('SELECT id FROM favourite_folders WHERE user_id = ? AND name = ?').get(userId, name) as
    { id: number } | undefined;
  return row?.id ?? null;
}

export function createFolderNow(
  db: SqliteDatabase,
  userId: number,
  name: string,
  now: Date,
): FavouriteFolder | 'exists' {
  if (folderNamed(db, userId, name) !== null) return 'exists';
  const id = Number(
    db
      .prepare('INSERT INTO favourite_folders (user_id, name, created_at) VALUES (?, ?, ?)')
      .run(userId, name, now.toISOString()).lastInsertRowid,
  );
  return folderRow(db, userId, id)!;
}

export function renameFolderNow(
  db: SqliteDatabase,
  userId: number,
  folderId: number,
  name: string,
): FavouriteFolder | 'exists' | null {
  if (folderRow(db, userId, folderId) === null) return null;
  const other = folderNamed(db, userId, name);
  if (other !== null && other !== folderId) return 'exists';
  db.prepare('UPDATE favourite_folders SET name = ? WHERE id = ? AND user_id = ?').run(name, folderId, userId);
  return folderRow(db, userId, folderId);
}

export function deleteFolderNow(db: SqliteDatabase, userId: number, folderId: number): boolean {
  if (folderRow(db, userId, folderId) === null) return false;
  db.prepare('UPDATE favourites SET folder_id = NULL WHERE user_id = ? AND folder_id = ?').run(userId, folderId);
  db.prepare('DELETE FROM favourite_folders WHERE id = ? AND user_id = ?').run(folderId, userId);
  return true;
}

interface FavouriteRow {
  id: number;
  document_id: number;
  title: string;
  folder_id: number | null;
  created_at: string;
}

const FAVOURITE = `SELECT v.id, v.document_id, d.title, v.folder_id, v.created_at
  FROM favourites v JOIN documents d ON d.id = v.document_id`;

const favouriteOf = (r: FavouriteRow): Favourite => ({
  id: r.id,
  documentId: r.document_id,
  title: r.title,
  folderId: r.folder_id,
  createdAt: r.created_at,
});

export function favouriteRow(db: SqliteDatabase, userId: number, favouriteId: number): Favourite | null {
  const row = db.prepare(`${FAVOURITE} WHERE v.user_id = ? AND v.id = ?`).get(userId, favouriteId) as
    FavouriteRow | undefined;
  return row === undefined ? null : favouriteOf(row);
}

export function favouriteOfDocument(db: SqliteDatabase, userId: number, documentId: number): Favourite | null {
  const row = db.prepare(`${FAVOURITE} WHERE v.user_id = ? AND v.document_id = ?`).get(userId, documentId) as
    FavouriteRow | undefined;
  return row === undefined ? null : favouriteOf(row);
}

export function favouriteRows(db: SqliteDatabase, userId: number, folderId: FolderChoice | undefined): Favourite[] {
  const order = 'ORDER BY v.created_at DESC, v.id DESC';
  const rows =
    folderId === undefined
      ? db.prepare(`${FAVOURITE} WHERE v.user_id = ? ${order}`).all(userId)
      : folderId === null
        ? db.prepare(`${FAVOURITE} WHERE v.user_id = ? AND v.folder_id IS NULL ${order}`).all(userId)
        : db.prepare(`${FAVOURITE} WHERE v.user_id = ? AND v.folder_id = ? ${order}`).all(userId, folderId);
  return (rows as FavouriteRow[]).map(favouriteOf);
}

/** The folder is the member's own (or none): another member's folder id is as good as no folder. */
function ownsFolder(db: SqliteDatabase, userId: number, folderId: FolderChoice): boolean {
  return folderId === null || folderRow(db, userId, folderId) !== null;
}

export function addFavouriteNow(
  db: SqliteDatabase,
  userId: number,
  documentId: number,
  folderId: FolderChoice,
  now: Date,
): Favourite | null {
  if (db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId) === undefined) return null;
  if (!ownsFolder(db, userId, folderId)) return null;
  db.prepare(
    `INSERT INTO favourites (user_id, document_id, folder_id, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, document_id) DO UPDATE SET folder_id = excluded.folder_id`,
  ).run(userId, documentId, folderId, now.toISOString());
  return favouriteOfDocument(db, userId, documentId);
}

export function moveFavouriteNow(
  db: SqliteDatabase,
  userId: number,
  favouriteId: number,
  folderId: FolderChoice,
): Favourite | null {
  if (favouriteRow(db, userId, favouriteId) === null || !ownsFolder(db, userId, folderId)) return null;
  db.prepare('UPDATE favourites SET folder_id = ? WHERE id = ? AND user_id = ?').run(folderId, favouriteId, userId);
  return favouriteRow(db, userId, favouriteId);
}

export function removeFavouriteNow(db: SqliteDatabase, userId: number, favouriteId: number): boolean {
  return db.prepare('DELETE FROM favourites WHERE id = ? AND user_id = ?').run(favouriteId, userId).changes === 1;
}
