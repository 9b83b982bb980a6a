export { openSqliteStore, type SqliteOpenOptions } from './open-sqlite-store.js';
