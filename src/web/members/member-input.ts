import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { checkFolderName } from '../../core/members/folder-name.js';
import { MAX_VIP_DAYS, parseExpiry } from '../../core/members/vip-expiry.js';
import { MAX_CODES_PER_BATCH } from '../../storage/sqlite/sqlite-member-store.js';
import type { FolderChoice, VipGrant } from '../../storage/member-store.js';
import { HttpError, notFound } from '../errors.js';

/** Input of the members' routes, checked here: a clear 400 in Chinese naming the field, never a half-done write. */

const bad = (message: string): HttpError => new HttpError(400, 'bad_request', message);

/** An id from a path: a positive whole number (else 400); whether it is the member's is the store's to say (404). */
export function idParam(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^\d{1,12}$/.test(raw) || Number(raw) === 0 || !Number.isSafeInteger(Number(raw))) {
    throw bad(`${what}编号应为正整数`);
  }
  return Number(raw);
}

/** The JSON body of an API request, or a 400. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('请求体应为 JSON 对象');
  return body as Record<string, unknown>;
}

/** The fields of a posted form (strings only; a file field is refused). */
export async function formBody(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => {
    throw bad('表单内容有误');
  });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

const wholeNumber = (value: unknown, min: number, max: number): number | null => {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

export function folderName(value: unknown): string {
  if (typeof value !== 'string') throw bad('请填写收藏夹名称');
  const checked = checkFolderName(value);
  if (!checked.ok) throw bad(checked.message);
  return checked.name;
}

/** A folder choice: an id, or none (null, "", "none"). */
export function folderChoice(value: unknown): FolderChoice {
  if (value === undefined || value === null || value === '' || value === 'none') return null;
  const n = wholeNumber(value, 1, Number.MAX_SAFE_INTEGER);
  if (n === null) throw bad('收藏夹编号应为正整数');
  return n;
}

export function documentIdField(value: unknown): number {
  const n = wholeNumber(value, 1, 999_999_999);
  if (n === null) throw bad('文档编号应为正整数');
  return n;
}

export function redeemCodeField(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad('请填写卡密');
  if (value.length > 64) throw bad('卡密格式不对：应为 16 位字母和数字');
  return value;
}

export function userNameField(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad('请填写用户名');
  if (value.length > 100) throw bad('用户名太长');
  return value.trim();
}

/** A grant: `days` (1..MAX_VIP_DAYS) or `until` (a date), exactly one. */
export function vipGrant(body: Record<string, unknown>): VipGrant {
  const hasDays = body['days'] !== undefined && body['days'] !== '';
  const hasUntil = body['until'] !== undefined && body['until'] !== '';
  if (hasDays === hasUntil) throw bad('请填写天数或到期日期（二选一）');
  if (hasDays) {
    const days = wholeNumber(body['days'], 1, MAX_VIP_DAYS);
    if (days === null) throw bad(`天数应为 1 到 ${MAX_VIP_DAYS} 的整数`);
    return { days };
  }
  const until = typeof body['until'] === 'string' ? parseExpiry(body['until']) : null;
  if (until === null) throw bad('到期日期格式不对，例如 2027-01-01');
  return { until };
}

export function codeRequest(body: Record<string, unknown>): { count: number; days: number } {
  const count = wholeNumber(body['count'], 1, MAX_CODES_PER_BATCH);
  if (count === null) throw bad(`数量应为 1 到 ${MAX_CODES_PER_BATCH} 的整数`);
  const days = wholeNumber(body['days'], 1, MAX_VIP_DAYS);
  if (days === null) throw bad(`天数应为 1 到 ${MAX_VIP_DAYS} 的整数`);
  return { count, days };
}

export const PagingSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().min(1).optional(),
});

export function paging(query: Record<string, string>): { limit?: number; before?: number } {
  const parsed = PagingSchema.safeParse(query);
  if (!parsed.success) throw bad('参数“limit”或“before”的值无效');
  const out: { limit?: number; before?: number } = {};
  if (parsed.data.limit !== undefined) out.limit = parsed.data.limit;
  if (parsed.data.before !== undefined) out.before = parsed.data.before;
  return out;
}

/** What the store's null means to a client: not found (another member's id is as good as none). */
export function found<T>(value: T | null, what: string): T {
  if (value === null) throw notFound(what);
  return value;
}
