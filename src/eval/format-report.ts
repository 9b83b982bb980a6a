import { displayWidth } from '../cli/text-width.js';
import { COLUMNS, formatValue, type TargetResult } from './columns.js';
import type { EvalReport, Row } from './report.js';
import type { PageOutcome } from './run-eval.js';

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padLeft = (s: string, w: number): string => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

/** The table: one row per set of pages, one column per figure. */
export function formatTable(rows: readonly Row[]): string {
  const head = ['', 'pages', ...COLUMNS.map((c) => c.label)];
  const body = rows.map((r) => [
    r.name,
    String(r.pages),
    ...COLUMNS.map((c) => (r.figures ? formatValue(c, c.value(r.figures)) : '—')),
  ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((b) => displayWidth(b[i]!))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : padLeft(c, widths[i]!))).join('  ');
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`);
  return [line(head), ...body.map(line), ...notes].join('\n');
}

export function formatTargets(targets: readonly TargetResult[]): string {
  if (targets.length === 0) return 'held-out targets: not checked (no held-out pages)';
  const column = (key: string) => COLUMNS.find((c) => c.key === key)!;
  const parts = targets.map((t) => {
    const min = column(t.key).ratio ? t.min.toFixed(2) : `${Math.round(t.min * 100)}%`;
    const cmp = t.min === 1 ? '=' : '≥';
    return `${t.label} ${cmp} ${min}: ${formatValue(column(t.key), t.value)} ${t.pass ? 'pass' : 'FAIL'}`;
  });
  const all = targets.every((t) => t.pass);
  return `held-out targets (${all ? 'all pass' : 'not met'}): ${parts.join(' | ')}`;
}

const clip = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** What went wrong on each page of the tuned templates and the clean fixtures, for a tuner. */
export function formatFailures(failures: readonly PageOutcome[]): string {
  const out: string[] = [];
  for (const { template, fixture, failures: f } of failures) {
    out.push(`[${template}] ${fixture}`);
    for (const s of f.lostSentences) out.push(`  lost sentence: ${clip(s)}`);
    for (const s of f.survivingNoise) out.push(`  noise survived (${template}): ${clip(s)}`);
    if (f.title) out.push(`  title: want ${JSON.stringify(f.title.want)}, got ${JSON.stringify(f.title.got)}`);
    if (f.genre) out.push(`  genre: want ${JSON.stringify(f.genre.want)}, got ${JSON.stringify(f.genre.got)}`);
    for (const [level, text] of f.outlineMissing) out.push(`  outline missing: [${level}] ${clip(text)}`);
    for (const [level, text] of f.outlineExtra) out.push(`  outline extra: [${level}] ${clip(text)}`);
    if (f.paid) out.push(`  paid: ${f.paid}`);
    for (const s of f.subtitleSignature) out.push(`  ${s}`);
    for (const s of f.metadata) out.push(`  metadata ${s}`);
  }
  return out.length === 0 ? 'no failures' : out.join('\n');
}

export function formatReport(report: EvalReport, options: { byTemplate: boolean; failures: boolean }): string {
  const parts = [
    `eval: ${report.documents} corpus documents from ${report.corpus}`,
    '',
    formatTable(report.rows),
    '',
    formatTargets(report.targets),
  ];
  if (options.byTemplate) parts.push('', 'tuned templates, one row each:', formatTable(report.byTemplate));
  if (options.failures)
    parts.push('', 'failures (tuned templates and clean fixtures):', formatFailures(report.failures));
  return parts.join('\n');
}
