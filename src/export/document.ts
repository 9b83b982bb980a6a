/**
 * What an export is made from: a document whose paid part the caller has already cut. Shared by the
 * .docx, .txt and .md writers so all three say the same things in the same order.
 */

export interface ExportParagraph {
  text: string;
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, deeper levels allowed; null for body text. */
  level: number | null;
}

export interface ExportDocument {
  title: string;
  /** The line under the title without its dashes, e.g. "2026年1月26日在全县工作会议上". */
  subtitle: string | null;
  /** Issuer or speaker, e.g. "某某县人民政府". */
  signature: string | null;
  /** "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS". */
  publishedAt: string | null;
  /** Paragraphs in order; level 1..4 (or deeper) for headings, null for body text. */
  paragraphs: ReadonlyArray<ExportParagraph>;
  /** True when the caller cut the member-only part: the export ends with a line saying the rest is for members. */
  truncated: boolean;
}

export interface ExportOptions {
  /** Headings alone: the skeleton ready to use. */
  outlineOnly?: boolean;
}

/** The last line of an export whose member-only part was cut. */
export const MEMBERS_LINE = '（以下内容仅限会员阅读）';

/** The paragraphs an export shows: all of them, or the headings alone for an outline. */
export function exportedParagraphs(doc: ExportDocument, options: ExportOptions = {}): ExportParagraph[] {
  const kept = options.outlineOnly ? doc.paragraphs.filter((p) => p.level !== null) : doc.paragraphs;
  return kept.map((p) => ({ text: p.text.trim(), level: p.level })).filter((p) => p.text !== '');
}

/** The subtitle line with its leading dashes (——在…会议上), whether or not the caller kept them. */
export function subtitleLine(subtitle: string | null): string | null {
  const bare = subtitle?.trim().replace(/^[—－-]+\s*/, '') ?? '';
  return bare === '' ? null : `——${bare}`;
}

/**
 * The date as a 公文 writes it: 2026年1月26日, year in full, no leading zeros (GB/T 9704 7.3.5).
 * Anything that is not a date is left out rather than printed half-formed.
 */
export function writtenDate(publishedAt: string | null): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(publishedAt?.trim() ?? '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}年${month}月${day}日`;
}

/**
 * The closing lines (signature, date). An outline leaves them out: it is a skeleton for the writer's own text.
 * A truncated document leaves them out too: under a cut text they would read as if the document ended there.
 */
export function closingLines(
  doc: ExportDocument,
  options: ExportOptions = {},
): { signature: string | null; date: string | null } {
  if (options.outlineOnly || doc.truncated) return { signature: null, date: null };
  const signature = doc.signature?.trim() || null;
  return { signature, date: writtenDate(doc.publishedAt) };
}
