export { openSqliteStore, type SqliteOpenOptions } from './sqlite-store.js';
