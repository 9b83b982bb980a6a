/**
 * Numbered schema migrations; each runs once, in a transaction, and bumps PRAGMA user_version (see
 * migrate.ts). Append new ones; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'library: files, compilations, documents, sources, units, index segments and postings',
    sql: `
      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        encoding TEXT NOT NULL,
        format TEXT NOT NULL,
        bytes BLOB NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE compilations (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files(id),
        title TEXT NOT NULL,
        raw_title TEXT NOT NULL,
        declared_count INTEGER
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files(id),
        compilation_id INTEGER REFERENCES compilations(id),
        title TEXT NOT NULL,
        raw_title TEXT NOT NULL,
        genre TEXT,
        year INTEGER,
        published_at TEXT,
        tags TEXT NOT NULL,
        free_chars INTEGER,
        exact TEXT NOT NULL,
        band0 INTEGER NOT NULL,
        band1 INTEGER NOT NULL,
        band2 INTEGER NOT NULL,
        band3 INTEGER NOT NULL,
        unit_lo INTEGER NOT NULL,
        unit_count INTEGER NOT NULL,
        meta TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX documents_exact ON documents(exact);
      CREATE INDEX documents_band0 ON documents(band0);
      CREATE INDEX documents_band1 ON documents(band1);
      CREATE INDEX documents_band2 ON documents(band2);
      CREATE INDEX documents_band3 ON documents(band3);
      CREATE TABLE document_sources (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        file_id INTEGER NOT NULL REFERENCES files(id),
        near INTEGER NOT NULL,
        PRIMARY KEY (document_id, file_id)
      );
      CREATE TABLE paragraph_keys (
        key INTEGER NOT NULL,
        doc_id INTEGER NOT NULL REFERENCES documents(id)
      );
      CREATE INDEX paragraph_keys_key ON paragraph_keys(key);
      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id),
        ord INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        unit_lo INTEGER NOT NULL,
        unit_hi INTEGER NOT NULL,
        unit_doc BLOB NOT NULL,
        unit_meta BLOB NOT NULL,
        unit_paid_from BLOB NOT NULL,
        unit_length BLOB NOT NULL
      );
      CREATE TABLE postings (
        gram INTEGER NOT NULL,
        segment INTEGER NOT NULL,
        units INTEGER NOT NULL,
        last_unit INTEGER NOT NULL,
        data BLOB NOT NULL,
        -- Clustered by segment: a batch's lists are appended, not scattered through a growing tree.
        PRIMARY KEY (segment, gram)
      ) WITHOUT ROWID;
    `,
  },
];

