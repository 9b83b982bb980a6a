/**
 * Numbered schema migrations; each runs once, in a transaction, and bumps PRAGMA user_version (see
 * migrate.ts). Append new ones; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Numbers the stored units afresh, without the gaps units of duplicates left, and points documents at them. */
const RENUMBER_UNITS = `
      CREATE TABLE units_v2 (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id),
        ord INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      INSERT INTO units_v2 (id, doc_id, ord, text)
        SELECT ROW_NUMBER() OVER (ORDER BY doc_id, ord) - 1, doc_id, ord, text FROM units;
      DROP TABLE units;
      ALTER TABLE units_v2 RENAME TO units;
      CREATE TEMP TABLE doc_unit_lo (id INTEGER PRIMARY KEY, lo INTEGER NOT NULL);
      INSERT INTO doc_unit_lo (id, lo)
        SELECT id, SUM(unit_count) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) - unit_count FROM documents;
      UPDATE documents SET unit_lo = (SELECT lo FROM doc_unit_lo WHERE doc_unit_lo.id = documents.id);
      DROP TABLE doc_unit_lo;
`;

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
  {
    version: 2,
    description: 'index by document slot: units renumbered without gaps; segments and postings rebuilt on open',
    sql: `
      DROP TABLE postings;
      DROP TABLE segments;
      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        unit_lo INTEGER NOT NULL,
        unit_hi INTEGER NOT NULL,
        slot_lo INTEGER NOT NULL,
        slot_hi INTEGER NOT NULL,
        unit_doc BLOB NOT NULL,
        unit_meta BLOB NOT NULL,
        unit_paid_from BLOB NOT NULL,
        unit_length BLOB NOT NULL,
        slot_unit_lo BLOB NOT NULL
      );
      -- A segment's posting lists in pages of consecutive grams (see posting-pages.ts).
      CREATE TABLE postings (
        id INTEGER PRIMARY KEY,
        segment INTEGER NOT NULL,
        first_gram INTEGER NOT NULL,
        grams BLOB NOT NULL,
        slots BLOB NOT NULL,
        last_slots BLOB NOT NULL,
        offsets BLOB NOT NULL,
        data BLOB NOT NULL
      );
      CREATE UNIQUE INDEX postings_page ON postings(segment, first_gram);
      -- Units of duplicates found at write time left gaps in the unit ids; number the stored ones afresh.
${RENUMBER_UNITS}    `,
  },
  {
    version: 3,
    description:
      'short posting entries (slot gap · 2 + short), rebuilt from the stored texts on open; ' +
      'documents keep the length duplicates are compared on',
    sql: `
      -- NULL for documents stored before: their text is read when a candidate needs the comparison.
      ALTER TABLE documents ADD COLUMN text_length INTEGER;
      DELETE FROM postings;
      DELETE FROM segments;
      -- Duplicates found at write time leave dead units in segments, never stored: close those gaps too.
${RENUMBER_UNITS}    `,
  },
  {
    version: 4,
    description:
      "long bigram entries state their positions' byte length (a reader steps over them); " +
      'segments keep a filter of their grams; rebuilt from the stored texts on open',
    sql: `
      DELETE FROM postings;
      DELETE FROM segments;
      -- A Bloom filter of the segment's grams (gram-filter.ts): lookups skip segments without the gram.
      ALTER TABLE segments ADD COLUMN gram_filter BLOB;
    `,
  },
  {
    version: 5,
    description:
      'long bigram entries count their occurrences in the title and in headings (ranking without positions); ' +
      'rebuilt from the stored texts on open',
    sql: `
      DELETE FROM postings;
      DELETE FROM segments;
    `,
  },
  {
    version: 6,
    description:
      'unigram entries flag and count their occurrences in headings ' +
      "(a 1-character outline search without the headings' texts); rebuilt from the stored texts on open",
    sql: `
      DELETE FROM postings;
      DELETE FROM segments;
    `,
  },
  {
    version: 7,
    description:
      'what near-duplicate detection reads of a document (SimHash bands, text length, a MinHash sketch) ' +
      'in a narrow table of its own',
    sql: `
      -- Looking up candidates in documents read each one's wide row (its meta is kilobytes and text_length sits
      -- after it, on overflow pages). A sketch rules most candidates out without reading their text.
      CREATE TABLE near_keys (
        doc_id INTEGER PRIMARY KEY REFERENCES documents(id),
        band0 INTEGER NOT NULL,
        band1 INTEGER NOT NULL,
        band2 INTEGER NOT NULL,
        band3 INTEGER NOT NULL,
        -- NULL for documents stored before schema 3, minhash NULL before schema 7: compared on their text.
        text_length INTEGER,
        minhash BLOB
      );
      INSERT INTO near_keys (doc_id, band0, band1, band2, band3, text_length, minhash)
        SELECT id, band0, band1, band2, band3, text_length, NULL FROM documents;
      CREATE INDEX near_keys_band0 ON near_keys(band0);
      CREATE INDEX near_keys_band1 ON near_keys(band1);
      CREATE INDEX near_keys_band2 ON near_keys(band2);
      CREATE INDEX near_keys_band3 ON near_keys(band3);
      DROP INDEX IF EXISTS documents_band0;
      DROP INDEX IF EXISTS documents_band1;
      DROP INDEX IF EXISTS documents_band2;
      DROP INDEX IF EXISTS documents_band3;
    `,
  },
  {
    version: 8,
    description: 'near-duplicate candidates by band are found in memory (BandIndex), not by the band indexes',
    sql: `
      -- The writer keeps every document's bands in memory and reads near_keys rows only by doc_id: the four
      -- band indexes only cost every new document four index inserts.
      DROP INDEX IF EXISTS near_keys_band0;
      DROP INDEX IF EXISTS near_keys_band1;
      DROP INDEX IF EXISTS near_keys_band2;
      DROP INDEX IF EXISTS near_keys_band3;
    `,
  },
  {
    version: 9,
    description:
      "a short bigram entry's position says whether it lies in a heading (position · 2 + 1); " +
      'rebuilt from the stored texts on open',
    sql: `
      DELETE FROM postings;
      DELETE FROM segments;
      -- Duplicates found at write time leave gaps in the unit ids (their units were numbered with their
      -- batch's segment); the rebuild numbers the stored ones without them.
${RENUMBER_UNITS}    `,
  },
  {
    version: 10,
    description:
      'every source keeps its title, date and place in a compilation; compilations their article count; ' +
      'the titles a document is also known by (its compilation, retitled reposts) in a table search reads',
    sql: `
      ALTER TABLE compilations ADD COLUMN article_count INTEGER;
      ALTER TABLE document_sources ADD COLUMN title TEXT;
      ALTER TABLE document_sources ADD COLUMN published_at TEXT;
      ALTER TABLE document_sources ADD COLUMN year INTEGER;
      ALTER TABLE document_sources ADD COLUMN compilation_id INTEGER REFERENCES compilations(id);
      ALTER TABLE document_sources ADD COLUMN compilation_position INTEGER;
      -- A document's own source says what the document says; the titles of the others were not kept (NULL).
      UPDATE document_sources SET (title, published_at, year) =
        (SELECT d.title, d.published_at, d.year FROM documents d
         WHERE d.id = document_sources.document_id AND d.file_id = document_sources.file_id);
      UPDATE document_sources SET compilation_id = (SELECT c.id FROM compilations c WHERE c.file_id = document_sources.file_id);
      -- A file's sources were written in article order: their rowids give each article's place.
      WITH placed AS (
        SELECT rowid AS source, ROW_NUMBER() OVER (PARTITION BY file_id ORDER BY rowid) AS position
        FROM document_sources WHERE compilation_id IS NOT NULL
      )
      UPDATE document_sources SET compilation_position = (SELECT position FROM placed WHERE source = document_sources.rowid)
      WHERE compilation_id IS NOT NULL;
      UPDATE compilations SET article_count = (SELECT COUNT(*) FROM document_sources s WHERE s.file_id = compilations.file_id);
      -- Small (a row per compilation article and per retitled repost): the engine keeps it in memory.
      CREATE TABLE title_aliases (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id),
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        UNIQUE (doc_id, title)
      );
      INSERT OR IGNORE INTO title_aliases (doc_id, kind, title)
        SELECT s.document_id, 'compilation', c.title FROM document_sources s JOIN compilations c ON c.id = s.compilation_id
        ORDER BY s.rowid;
    `,
  },
  {
    version: 11,
    description:
      'batch reports (every ingest run: its files, their documents, removed spans, rejections); ' +
      'deleted documents, whose ids are never given again',
    sql: `
      CREATE TABLE batches (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        error TEXT
      );
      -- A row per file of a run; the rows of stored files are written in the transaction that stored them.
      CREATE TABLE batch_files (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES batches(id),
        path TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reason TEXT,
        code TEXT,
        damage TEXT,
        compilation_id INTEGER,
        -- Counts for lists of runs; the documents themselves (ids kept after a deletion) as JSON.
        new_documents INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        documents TEXT NOT NULL,
        removed TEXT NOT NULL
      );
      CREATE INDEX batch_files_batch ON batch_files(batch_id);
      -- Engines already loaded learn of deletions by seq; a segment's units still name a deleted id (a dead
      -- slot), so ids are never given again: new ids start above the largest here.
      CREATE TABLE deleted_documents (
        seq INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL,
        deleted_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 12,
    description:
      'accounts: users, server-side sessions, login attempts; the index rebuilt on open so documents ' +
      'without a paywall marker keep their default paid share out of free searches',
    sql: `
      -- IF NOT EXISTS: tests make an older library from a new one by rolling its version back.
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        -- loginKey(name), loginKey(email): unique case-insensitively and across full/half width.
        name_key TEXT NOT NULL UNIQUE,
        email TEXT,
        email_key TEXT UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
        vip_until TEXT,
        created_at TEXT NOT NULL
      );
      -- Only the SHA-256 of a session id is kept: a copy of the file opens no session.
      CREATE TABLE IF NOT EXISTS sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
      -- One row per failed login per key (an account's, an address's): a sliding window counts them.
      CREATE TABLE IF NOT EXISTS login_failures (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures(key, at);
      DELETE FROM postings;
      DELETE FROM segments;
${RENUMBER_UNITS}    `,
  },
  {
    version: 13,
    description:
      'members: redeem codes and their batches, the VIP audit log, favourites in folders, recent reads, ' +
      'downloads (the daily quota and the history)',
    sql: `
      CREATE TABLE code_batches (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by_id INTEGER REFERENCES users(id),
        created_by TEXT NOT NULL,
        tier TEXT NOT NULL,
        days INTEGER NOT NULL,
        count INTEGER NOT NULL
      );
      -- A code is kept as the SHA-256 of its canonical spelling only; used once: redeemed_by set.
      CREATE TABLE redeem_codes (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES code_batches(id),
        code_hash TEXT NOT NULL UNIQUE,
        tail TEXT NOT NULL,
        redeemed_by INTEGER REFERENCES users(id),
        redeemed_at TEXT
      );
      CREATE INDEX redeem_codes_batch ON redeem_codes(batch_id);
      CREATE TABLE vip_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        actor_id INTEGER REFERENCES users(id),
        actor TEXT NOT NULL,
        target_id INTEGER REFERENCES users(id),
        target TEXT,
        before TEXT,
        after TEXT,
        days INTEGER,
        batch_id INTEGER,
        note TEXT
      );
      CREATE TABLE favourite_folders (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        name TEXT NOT NULL COLLATE NOCASE,
        created_at TEXT NOT NULL,
        UNIQUE (user_id, name)
      );
      -- Documents are referred to by id without a foreign key: a document's deletion (or a rebuilt
      -- documents table) must not cascade into members' rows; reads join documents, so deleted ones drop out.
      CREATE TABLE favourites (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        document_id INTEGER NOT NULL,
        folder_id INTEGER REFERENCES favourite_folders(id),
        created_at TEXT NOT NULL,
        UNIQUE (user_id, document_id)
      );
      CREATE INDEX favourites_folder ON favourites(folder_id);
      CREATE TABLE recent_reads (
        user_id INTEGER NOT NULL REFERENCES users(id),
        document_id INTEGER NOT NULL,
        read_at TEXT NOT NULL,
        PRIMARY KEY (user_id, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX recent_reads_newest ON recent_reads(user_id, read_at);
      -- A row per download: 'reserved' while the file is made (counted against the day's quota), then
      -- 'done' (the history); a failed export deletes its row.
      CREATE TABLE downloads (
        id INTEGER PRIMARY KEY,
        subject TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        day TEXT NOT NULL,
        state TEXT NOT NULL,
        document_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        format TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX downloads_quota ON downloads(subject, day);
      CREATE INDEX downloads_history ON downloads(user_id, state, id);
    `,
  },
];
