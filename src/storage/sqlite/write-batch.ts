import { bufferView } from '../../core/buffer-view.js';
import { fingerprintDocument } from '../../core/dedupe/fingerprint.js';
import {
  addToNearIndex,
  duplicateDecision,
  type CandidateTexts,
  type NearIndex,
  type StoredDocumentReads,
} from '../../core/dedupe/near-duplicate.js';
import { placeSegment, type PackedSegment } from '../../core/index/packed-segment.js';
import { storedMetaJson } from '../stored-meta.js';
import type { DocumentOutcome, FileOutcome, PreparedFile } from '../store.js';
import { nextDocumentId } from './delete-document.js';
import { insertSegment } from './segment-rows.js';
import type { SqliteDatabase } from './sqlite-driver.js';
import { titleAliasWrites } from './title-alias-rows.js';

/** Units inserted by one statement (a document's paragraphs are most of a batch's rows). */
const UNITS_PER_INSERT = 16;

/** The near-duplicate decision's reads of the stored documents, as statements of this batch. */
function storedDocumentReads(db: SqliteDatabase): StoredDocumentReads {
  const byExact = db.prepare('SELECT id FROM documents WHERE exact = ? LIMIT 1');
  const byParagraph = db.prepare('SELECT DISTINCT doc_id AS id FROM paragraph_keys WHERE key = ? LIMIT 20');
  const unitsOf = db.prepare('SELECT unit_lo, unit_count FROM documents WHERE id = ?');
  const unitTextsOf = db.prepare('SELECT text FROM units WHERE id > ? AND id < ? ORDER BY id');
  const keepSketch = db.prepare('UPDATE near_keys SET minhash = ? WHERE doc_id = ?');
  return {
    byExact: (exact) => (byExact.get(exact) as { id: number } | undefined)?.id,
    byParagraph: (key) => (byParagraph.all(key) as Array<{ id: number }>).map((r) => r.id),
    bodyText: (id) => {
      const { unit_lo, unit_count } = unitsOf.get(id) as { unit_lo: number; unit_count: number };
      return (unitTextsOf.all(unit_lo, unit_lo + unit_count) as Array<{ text: string }>).map((r) => r.text).join('\n');
    },
    keepSketch: (id, sketch) => void keepSketch.run(bufferView(sketch), id),
  };
}

/**
 * Writes a batch inside the caller's transaction: each file (skipped when its bytes are stored), its
 * compilation, and each document either as a source of the stored one it duplicates or as a new document
 * with its keys and units; then the batch's segment placed over the new documents' units.
 */
export function writeBatchNow(
  db: SqliteDatabase,
  files: readonly PreparedFile[],
  segment: PackedSegment,
  near: NearIndex,
  candidates: CandidateTexts,
): FileOutcome[] {
  const now = new Date().toISOString();
  const fileExists = db.prepare('SELECT id FROM files WHERE sha256 = ?');
  const insertFile = db.prepare(
    'INSERT INTO files (sha256, path, encoding, format, bytes, ingested_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertCompilation = db.prepare(
    'INSERT INTO compilations (file_id, title, raw_title, declared_count, article_count) VALUES (?, ?, ?, ?, ?)',
  );
  const reads = storedDocumentReads(db);
  const insertKey = db.prepare('INSERT INTO paragraph_keys (key, doc_id) VALUES (?, ?)');
  const insertNearKeys = db.prepare(
    'INSERT INTO near_keys (doc_id, band0, band1, band2, band3, text_length, minhash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, file_id, compilation_id, title, raw_title, genre, year, published_at, tags, free_chars,
       exact, band0, band1, band2, band3, unit_lo, unit_count, meta, created_at, text_length)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Ids given explicitly: a deleted document's id stays named by its dead slot, so it is never given again.
  let nextId = nextDocumentId(db);
  const insertSource = db.prepare(
    `INSERT OR IGNORE INTO document_sources
       (document_id, file_id, near, title, published_at, year, compilation_id, compilation_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const aliases = titleAliasWrites(db);
  const insertUnit = db.prepare('INSERT INTO units (id, doc_id, ord, text) VALUES (?, ?, ?, ?)');
  const unitRows = Array.from({ length: UNITS_PER_INSERT }, () => '(?, ?, ?, ?)').join(', ');
  const insertUnits = db.prepare(`INSERT INTO units (id, doc_id, ord, text) VALUES ${unitRows}`);
  const next = db
    .prepare('SELECT COALESCE(MAX(unit_hi), 0) AS unit, COALESCE(MAX(slot_hi), 0) AS slot FROM segments')
    .get() as { unit: number; slot: number };
  const unitLo = next.unit;
  // The segment lays out every document of the batch in order; duplicates' units become dead units.
  const docIds = new Int32Array(files.reduce((n, f) => n + f.parsed.documents.length, 0)).fill(-1);
  let ordinal = 0;
  let layoutUnit = unitLo;
  const outcomes: FileOutcome[] = [];

  for (const file of files) {
    const { source, parsed } = file;
    if (fileExists.get(source.sha256)) {
      for (const doc of parsed.documents) {
        ordinal++;
        layoutUnit += doc.paragraphs.length + 1;
      }
      outcomes.push({ path: source.path, alreadyStored: true, compilationId: null, documents: [], removedSpans: 0 });
      continue;
    }
    const fileId = Number(
      insertFile.run(source.sha256, source.path, source.encoding, source.format, bufferView(source.bytes), now)
        .lastInsertRowid,
    );
    const { compilation } = parsed;
    const compilationId = compilation
      ? Number(
          insertCompilation.run(
            fileId,
            compilation.title,
            compilation.rawTitle,
            compilation.declaredCount,
            parsed.documents.length,
          ).lastInsertRowid,
        )
      : null;
    const documents: DocumentOutcome[] = [];
    let removedSpans = parsed.removed.length;
    for (const [index, doc] of parsed.documents.entries()) {
      const docOrdinal = ordinal++;
      const docUnitLo = layoutUnit;
      layoutUnit += doc.paragraphs.length + 1;
      removedSpans += doc.removed.length;
      const fp = file.fingerprints?.[index] ?? fingerprintDocument(doc);
      const decision = duplicateDecision(doc, fp, near, candidates, reads);
      // What this file says of the text: its title, date and place in the file's compilation.
      const said = [doc.title, doc.publishedAt, doc.year, compilationId, compilationId === null ? null : index + 1];
      if (decision.kind === 'duplicate') {
        insertSource.run(decision.id, fileId, decision.near ? 1 : 0, ...said);
        aliases.repost(decision.id, doc.title);
        if (compilation) aliases.compilation(decision.id, compilation.title);
        documents.push(decision);
        continue;
      }
      const id = nextId++;
      insertDoc.run(
        id,
        fileId,
        compilationId,
        doc.title,
        doc.rawTitle,
        doc.genre,
        doc.year,
        doc.publishedAt,
        JSON.stringify(doc.tags),
        doc.freeChars,
        fp.exact,
        ...fp.bands,
        docUnitLo,
        doc.paragraphs.length + 1,
        file.metaJson?.[index] ?? storedMetaJson(doc),
        now,
        fp.length,
      );
      insertSource.run(id, fileId, 0, ...said);
      if (compilation) aliases.compilation(id, compilation.title);
      insertNearKeys.run(id, ...fp.bands, fp.length, bufferView(fp.minhash));
      addToNearIndex(near, id, fp);
      for (const key of new Set(fp.paragraphKeys)) insertKey.run(key, id);
      // The title (ord 0), then the paragraphs: whole groups in one statement each, the rest one by one.
      const texts = [doc.title, ...doc.paragraphs.map((p) => p.text)];
      let ord = 0;
      for (; ord + UNITS_PER_INSERT <= texts.length; ord += UNITS_PER_INSERT) {
        const values: unknown[] = [];
        for (let k = ord; k < ord + UNITS_PER_INSERT; k++) values.push(docUnitLo + k, id, k, texts[k]);
        insertUnits.run(...values);
      }
      for (; ord < texts.length; ord++) insertUnit.run(docUnitLo + ord, id, ord, texts[ord]);
      docIds[docOrdinal] = id;
      documents.push({ kind: 'new', id });
    }
    outcomes.push({ path: source.path, alreadyStored: false, compilationId, documents, removedSpans });
  }
  if (segment.unitCount !== layoutUnit - unitLo) {
    throw new Error(`segment holds ${segment.unitCount} units, the batch ${layoutUnit - unitLo}`);
  }
  if (docIds.some((id) => id >= 0)) insertSegment(db, placeSegment(segment, unitLo, next.slot, docIds));
  return outcomes;
}
