import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { errorResponse } from './errors.js';

const FIELD_NAMES: Readonly<Record<string, string>> = {
  q: '查询词',
  scope: '范围',
  genre: '文种',
  year: '年份',
  tag: '标签',
  paid: '免费/会员',
  sort: '排序',
  page: '页码',
  limit: '每页条数',
  punct: '标点模式',
  id: '文档编号',
  outline: '提纲',
  level: '层级',
};

/** A Chinese message for what failed validation: which field, and that its value is not accepted. */
export function validationMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return '请求参数有误';
  const field = String(issue.path[0] ?? '');
  const name = FIELD_NAMES[field] ?? field;
  return name === '' ? '请求参数有误' : `参数“${name}”的值无效`;
}

/**
 * The app's validation hook (OpenAPIHono's defaultHook): a request whose input fails its schema is a 400 in
 * the error shape, never a handler run on bad data.
 */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  return errorResponse(c, 400, 'bad_request', validationMessage(result.error));
}
