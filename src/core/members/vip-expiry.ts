/** Longest VIP a grant or a code may add at once (10 years): a typo of many zeros is refused, not stored. */
export const MAX_VIP_DAYS = 3660;
const DAY_MS = 86_400_000;

/** True for a whole number of days from 1 to MAX_VIP_DAYS. */
export function isVipDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_VIP_DAYS;
}

/**
 * The VIP expiry after adding `days` to an account whose expiry is `current`: counted from the later of
 * `now` and the current expiry, so time already paid for is never lost and a lapsed VIP starts afresh.
 *
 * @example extendVip('2026-03-01T00:00:00.000Z', new Date('2026-02-01T00:00:00Z'), 30) // '2026-03-31T00:00:00.000Z'
 */
export function extendVip(current: string | null, now: Date, days: number): string {
  if (!isVipDays(days)) throw new RangeError(`VIP days must be a whole number from 1 to ${MAX_VIP_DAYS}, got ${days}`);
  const currentMs = current === null ? Number.NaN : Date.parse(current);
  const from = Number.isNaN(currentMs) ? now.getTime() : Math.max(now.getTime(), currentMs);
  return new Date(from + days * DAY_MS).toISOString();
}

/** An expiry as an ISO 8601 UTC instant, or null when `text` is no date (a bare date is its UTC midnight). */
export function parseExpiry(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) return null;
  const ms = Date.parse(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
