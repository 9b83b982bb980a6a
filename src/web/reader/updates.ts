import type { DocumentSummary } from '../../storage/store.js';

/** The library's readers are in China: a day of additions is a day in Beijing time. */
export const TIME_ZONE = 'Asia/Shanghai';

const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "YYYY-MM-DD" of an ISO time, in Beijing time. */
export function dayOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : DAY.format(t);
}

export interface UpdateDay {
  day: string;
  documents: DocumentSummary[];
}

/** Documents (newest first) grouped by the day they were added, newest day first. */
export function groupByDay(newest: readonly DocumentSummary[]): UpdateDay[] {
  const out: UpdateDay[] = [];
  for (const d of newest) {
    const day = dayOf(d.addedAt);
    const last = out.at(-1);
    if (last?.day === day) last.documents.push(d);
    else out.push({ day, documents: [d] });
  }
  return out;
}

/** 2026-12-07 as 12月7日 (this year) or 2025年12月7日. */
export function chineseDay(day: string, today = dayOf(new Date().toISOString())): string {
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || Number.isNaN(y)) return day;
  if (day === today) return `今天 · ${m}月${d}日`;
  return today.startsWith(`${y}-`) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}
