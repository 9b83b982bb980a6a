/** One generated code as the CSV sold through a shop lists it. */
export interface CodeRow {
  code: string;
  tier: string;
  days: number;
  batchId: number;
  createdAt: string;
}

/** A CSV field: quoted when it holds a comma, quote or line break, and a leading =+-@ defused for spreadsheets. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The codes of a batch as CSV (RFC 4180, CRLF, a UTF-8 byte order mark so spreadsheet programs read the
 * header's Chinese): one row per code.
 */
export function codesCsv(rows: readonly CodeRow[]): string {
  const lines = [['卡密', '等级', '天数', '批次', '生成时间'].join(',')];
  for (const r of rows) lines.push([r.code, r.tier, r.days, r.batchId, r.createdAt].map(field).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
