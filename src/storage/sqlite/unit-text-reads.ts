import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/** Units read one statement per id or run of consecutive ids up to this many; past it, in chunks of UNIT_CHUNK ids. */
const MANY_UNITS = 64;
const UNIT_CHUNK = 50_000;

/** Unit text reads of one connection (snippets, headings), with statements prepared once. */
export class UnitTextReads {
  private readonly unitText: SqliteStatement;
  private readonly unitRange: SqliteStatement;
  private readonly unitList: SqliteStatement;
  private readonly unitsJoined: SqliteStatement;

  constructor(db: SqliteDatabase) {
    this.unitText = db.prepare('SELECT text FROM units WHERE id = ?');
    this.unitRange = db.prepare('SELECT id, text FROM units WHERE id >= ? AND id < ?');
    this.unitList = db.prepare('SELECT id, text FROM units WHERE id IN (SELECT value FROM json_each(?))');
    this.unitsJoined = db.prepare(
      'SELECT group_concat(text, char(10) ORDER BY id) AS joined FROM units ' +
        'WHERE id IN (SELECT value FROM json_each(?))',
    );
  }

  /** The texts of these units in id order, joined by newlines (units missing left out). */
  joined(unitIds: readonly number[]): string {
    const ids = [...new Set(unitIds)].sort((a, b) => a - b);
    const chunks: string[] = [];
    for (let i = 0; i < ids.length; i += UNIT_CHUNK) {
      const row = this.unitsJoined.get(JSON.stringify(ids.slice(i, i + UNIT_CHUNK))) as { joined: string | null };
      if (row.joined !== null) chunks.push(row.joined);
    }
    return chunks.join('\n');
  }

  /** The texts of these units by id (units missing left out). */
  texts(unitIds: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    const ids = [...new Set(unitIds)].sort((a, b) => a - b);
    if (ids.length > MANY_UNITS) {
      // Many units (every heading of the library, say): one statement per chunk of ids, not per id or run.
      for (let i = 0; i < ids.length; i += UNIT_CHUNK) {
        const chunk = JSON.stringify(ids.slice(i, i + UNIT_CHUNK));
        const rows = this.unitList.all(chunk) as Array<{ id: number; text: string }>;
        for (const row of rows) out.set(row.id, row.text);
      }
      return out;
    }
    // Runs of consecutive ids (a document's paragraphs) are read with one range scan.
    for (let i = 0; i < ids.length;) {
      let j = i + 1;
      while (j < ids.length && ids[j] === ids[j - 1]! + 1) j++;
      if (j - i === 1) {
        const row = this.unitText.get(ids[i]) as { text: string } | undefined;
        if (row) out.set(ids[i]!, row.text);
      } else {
        const rows = this.unitRange.all(ids[i], ids[j - 1]! + 1) as Array<{ id: number; text: string }>;
        for (const row of rows) out.set(row.id, row.text);
      }
      i = j;
    }
    return out;
  }
}
