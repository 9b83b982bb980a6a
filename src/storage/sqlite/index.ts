export { openSqliteStore, type SqliteOpenOptions } from './open-sqlite-store.js';
export { openSqliteMemberStore, SqliteMemberStore } from './sqlite-member-store.js';
