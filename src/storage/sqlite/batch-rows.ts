import type {
  BatchCounts,
  BatchDocumentReport,
  BatchFileNote,
  BatchFileReport,
  BatchNotes,
  BatchOrigin,
  BatchReport,
  BatchSummary,
  RemovedByRule,
} from '../batches.js';
import type { FileOutcome, PreparedFile, RemovedSpan } from '../store.js';
import type { SqliteDatabase } from './sqlite-driver.js';

interface BatchRow {
  id: number;
  origin: BatchOrigin;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  files: number;
  stored: number | null;
  already_stored: number | null;
  rejected: number | null;
  documents: number | null;
  duplicates: number | null;
}

interface BatchFileRow {
  path: string;
  outcome: BatchFileReport['outcome'];
  reason: string | null;
  code: string | null;
  damage: string | null;
  compilation_id: number | null;
  documents: string;
  removed: string;
}

const COUNTED = `
  SELECT b.id, b.origin, b.started_at, b.finished_at, b.error, COUNT(f.id) AS files,
    SUM(f.outcome = 'stored') AS stored, SUM(f.outcome = 'already-stored') AS already_stored,
    SUM(f.outcome = 'rejected') AS rejected, SUM(f.new_documents) AS documents, SUM(f.duplicates) AS duplicates
  FROM batches b LEFT JOIN batch_files f ON f.batch_id = b.id`;

export function insertBatch(db: SqliteDatabase, origin: BatchOrigin): number {
  const row = db
    .prepare('INSERT INTO batches (origin, started_at) VALUES (?, ?)')
    .run(origin, new Date().toISOString());
  return Number(row.lastInsertRowid);
}

function byRule(spans: readonly RemovedSpan[]): RemovedByRule {
  const counts: RemovedByRule = {};
  for (const span of spans) counts[span.rule] = (counts[span.rule] ?? 0) + 1;
  return counts;
}

function insertFileRow(db: SqliteDatabase): (batchId: number, r: BatchFileReport) => void {
  const insert = db.prepare(
    `INSERT INTO batch_files (batch_id, path, outcome, reason, code, damage, compilation_id, new_documents,
       duplicates, documents, removed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (batchId, r) =>
    void insert.run(
      batchId,
      r.path,
      r.outcome,
      r.reason,
      r.code,
      r.damage,
      r.compilationId,
      r.documents.filter((d) => d.kind === 'new').length,
      r.documents.filter((d) => d.kind === 'duplicate').length,
      JSON.stringify(r.documents),
      JSON.stringify(r.removedByRule),
    );
}

function noteReport(note: BatchFileNote): BatchFileReport {
  return {
    path: note.path,
    outcome: note.outcome,
    reason: note.reason ?? null,
    code: note.code ?? null,
    damage: null,
    compilationId: null,
    documents: [],
    removedByRule: {},
  };
}

/** Records a write's files in its run's report (inside the write's transaction), and the files noted before it. */
export function writeBatchFiles(
  db: SqliteDatabase,
  notes: BatchNotes,
  files: readonly PreparedFile[],
  outcomes: readonly FileOutcome[],
): void {
  const insert = insertFileRow(db);
  for (const note of notes.skipped) insert(notes.batchId, noteReport(note));
  outcomes.forEach((outcome, i) => {
    const { parsed } = files[i]!;
    if (outcome.alreadyStored) {
      insert(notes.batchId, noteReport({ path: outcome.path, outcome: 'already-stored' }));
      return;
    }
    const documents: BatchDocumentReport[] = outcome.documents.map((d, k) => ({
      kind: d.kind,
      id: d.id,
      near: d.kind === 'duplicate' && d.near,
      title: parsed.documents[k]!.title,
      removedByRule: byRule(parsed.documents[k]!.removed),
    }));
    insert(notes.batchId, {
      path: outcome.path,
      outcome: 'stored',
      reason: null,
      code: null,
      damage: notes.damage?.[outcome.path] ?? null,
      compilationId: outcome.compilationId,
      documents,
      removedByRule: byRule(parsed.removed),
    });
  });
}

export function finishBatchNow(
  db: SqliteDatabase,
  batchId: number,
  skipped: readonly BatchFileNote[],
  error: string | undefined,
): void {
  const insert = insertFileRow(db);
  for (const note of skipped) insert(batchId, noteReport(note));
  db.prepare('UPDATE batches SET finished_at = ?, error = ? WHERE id = ?').run(
    new Date().toISOString(),
    error ?? null,
    batchId,
  );
}

function summaryOf(r: BatchRow): BatchSummary {
  const counts: BatchCounts = {
    files: r.files,
    stored: r.stored ?? 0,
    alreadyStored: r.already_stored ?? 0,
    rejected: r.rejected ?? 0,
    documents: r.documents ?? 0,
    duplicates: r.duplicates ?? 0,
  };
  return { id: r.id, origin: r.origin, startedAt: r.started_at, finishedAt: r.finished_at, error: r.error, counts };
}

export function listBatchRows(db: SqliteDatabase, limit: number): BatchSummary[] {
  const rows = db.prepare(`${COUNTED} GROUP BY b.id ORDER BY b.id DESC LIMIT ?`).all(limit) as BatchRow[];
  return rows.map(summaryOf);
}

export function batchReport(db: SqliteDatabase, id: number): BatchReport | null {
  const row = db.prepare(`${COUNTED} WHERE b.id = ? GROUP BY b.id`).get(id) as BatchRow | undefined;
  if (!row) return null;
  const files = (
    db
      .prepare(
        `SELECT path, outcome, reason, code, damage, compilation_id, documents, removed
         FROM batch_files WHERE batch_id = ? ORDER BY id`,
      )
      .all(id) as BatchFileRow[]
  ).map((f): BatchFileReport => ({
    path: f.path,
    outcome: f.outcome,
    reason: f.reason,
    code: f.code,
    damage: f.damage,
    compilationId: f.compilation_id,
    documents: JSON.parse(f.documents) as BatchDocumentReport[],
    removedByRule: JSON.parse(f.removed) as RemovedByRule,
  }));
  return { ...summaryOf(row), files };
}
