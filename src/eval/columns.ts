import { share, type Figures } from './tally.js';

/** The report's columns: label, how a row's figures give the value, whether it prints as a share or a ratio. */
export interface Column {
  key: string;
  label: string;
  value: (f: Figures) => number | null;
  ratio?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'content', label: 'content kept', value: (f) => share(f.content.right, f.content.total) },
  { key: 'noise', label: 'noise removed', value: (f) => share(f.noise.right, f.noise.total) },
  { key: 'title', label: 'titles exact', value: (f) => share(f.title.right, f.title.total) },
  { key: 'genre', label: 'genre right', value: (f) => share(f.genre.right, f.genre.total) },
  { key: 'outlineP', label: 'outline P', value: (f) => share(f.outline.matched, f.outline.parsed), ratio: true },
  { key: 'outlineR', label: 'outline R', value: (f) => share(f.outline.matched, f.outline.truth), ratio: true },
  { key: 'paid', label: 'paid right', value: (f) => share(f.paid.right, f.paid.total) },
  {
    key: 'subtitleSignature',
    label: 'subtitle/signature',
    value: (f) => share(f.subtitleSignature.right, f.subtitleSignature.total),
  },
  { key: 'metadata', label: 'metadata', value: (f) => share(f.metadata.right, f.metadata.total) },
];

/** What the held-out row must reach. */
export const HELD_OUT_TARGETS: ReadonlyArray<{ key: string; min: number }> = [
  { key: 'content', min: 1 },
  { key: 'noise', min: 0.99 },
  { key: 'title', min: 0.95 },
  { key: 'genre', min: 0.9 },
  { key: 'outlineP', min: 0.97 },
  { key: 'outlineR', min: 0.97 },
  { key: 'paid', min: 0.95 },
];

export function formatValue(column: Column, value: number | null): string {
  if (value === null) return '—';
  if (column.ratio) return value.toFixed(3);
  const pct = value * 100;
  // 99.96% is not 100%: a share short of whole never rounds up to it.
  return `${value < 1 && pct > 99.9 ? '99.9' : pct.toFixed(1)}%`;
}

export interface TargetResult {
  key: string;
  label: string;
  min: number;
  value: number | null;
  pass: boolean;
}

export function checkTargets(f: Figures): TargetResult[] {
  return HELD_OUT_TARGETS.map(({ key, min }) => {
    const column = COLUMNS.find((c) => c.key === key)!;
    const value = column.value(f);
    return { key, label: column.label, min, value, pass: value !== null && value >= min };
  });
}
