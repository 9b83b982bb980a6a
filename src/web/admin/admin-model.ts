import type { Inbox, InboxStatus, UploadJob } from '../../inbox/inbox.js';
import { rejectReason } from '../../inbox/reasons.js';
import type { Library } from '../../library.js';
import type { BatchFileReport, BatchReport, BatchSummary } from '../../storage/batches.js';
import { HttpError } from '../errors.js';

/** Most files one upload may hold (an archive counts as one). */
export const MAX_UPLOAD_FILES = 1000;

export interface ReportDocument {
  kind: 'new' | 'duplicate';
  id: number;
  near: boolean;
  title: string;
  removedByRule: Record<string, number>;
  /** Still in the library (not deleted since). */
  exists: boolean;
}

export interface ReportFile extends Omit<BatchFileReport, 'documents'> {
  reasonText: string | null;
  documents: ReportDocument[];
}

export interface AdminReport extends Omit<BatchReport, 'files'> {
  files: ReportFile[];
}

export interface AdminStatus extends InboxStatus {
  batches: BatchSummary[];
}

/** A batch's report as the admin shows it: each rejection's reason in Chinese, each document whether it is still there. */
export async function adminReport(library: Library, id: number): Promise<AdminReport> {
  const report = await library.batch(id);
  if (report === null) throw new HttpError(404, 'not_found', '批次不存在');
  const ids = new Set((await library.list()).map((d) => d.id));
  return {
    ...report,
    files: report.files.map((f) => ({
      ...f,
      reasonText: f.outcome === 'rejected' ? rejectReason(f.code) : null,
      documents: f.documents.map((d) => ({ ...d, exists: ids.has(d.id) })),
    })),
  };
}

/** What the inbox is doing, and the latest batches. */
export async function adminStatus(library: Library, inbox: Inbox | null, dir: string): Promise<AdminStatus> {
  const batches = await library.batches(20);
  const status: InboxStatus = inbox?.status() ?? {
    dir,
    watching: false,
    waiting: 0,
    running: null,
    lastError: null,
    uploads: [],
  };
  return { ...status, batches };
}

export function requireInbox(inbox: Inbox | null): Inbox {
  if (inbox === null) throw new HttpError(503, 'inbox_unavailable', '收件箱未启动，暂时不能上传');
  return inbox;
}

/** The files of a multipart upload (field `files`, one or many), checked before anything is written. */
export async function uploadedFiles(
  body: Record<string, unknown>,
): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const field = body['files'] ?? body['files[]'];
  const list = (Array.isArray(field) ? field : field === undefined ? [] : [field]).filter(
    (f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f,
  );
  if (list.length === 0) throw new HttpError(400, 'no_files', '请选择要上传的文件');
  if (list.length > MAX_UPLOAD_FILES) {
    throw new HttpError(400, 'too_many_files', `一次最多上传 ${MAX_UPLOAD_FILES} 个文件，可以打包成 .zip`);
  }
  return Promise.all(
    list.map(async (f) => ({ name: f.name || 'upload.txt', bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

export function jobOrThrow(inbox: Inbox, id: string): UploadJob {
  const job = inbox.job(id);
  if (job === undefined) throw new HttpError(404, 'not_found', '上传任务不存在（服务器重启后只保留批次报告）');
  return job;
}

export function documentIdOf(param: string): number {
  const id = Number(param);
  if (!/^\d{1,9}$/.test(param) || id < 1) throw new HttpError(400, 'bad_request', '参数“文档编号”的值无效');
  return id;
}

export const ORIGIN_LABELS: Readonly<Record<string, string>> = { inbox: '收件箱', upload: '上传', cli: '命令行' };
