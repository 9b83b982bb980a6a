import { z } from '@hono/zod-openapi';
import { BATCH_ORIGINS } from '../../storage/batches.js';

/** The JSON the admin API answers with, as documented in /api/openapi.json. */

const RemovedByRuleSchema = z.record(z.string(), z.number().int()).openapi('RemovedByRule', {
  description: '按清理规则统计的删除片段数（规则编号 → 数量）',
  example: { 'ad-block': 3 },
});

const BatchCountsSchema = z
  .object({
    files: z.number().int(),
    stored: z.number().int(),
    alreadyStored: z.number().int(),
    rejected: z.number().int(),
    documents: z.number().int().openapi({ description: '新增文档' }),
    duplicates: z.number().int().openapi({ description: '重复（链接到已有文档）' }),
  })
  .openapi('BatchCounts');

export const BatchSummarySchema = z
  .object({
    id: z.number().int(),
    origin: z.enum(BATCH_ORIGINS).openapi({ description: 'inbox 收件箱 · upload 上传 · cli 命令行' }),
    startedAt: z.string(),
    finishedAt: z.string().nullable().openapi({ description: '未结束（或进程中途退出）时为 null' }),
    error: z.string().nullable(),
    counts: BatchCountsSchema,
  })
  .openapi('BatchSummary');

const BatchDocumentSchema = z
  .object({
    kind: z.enum(['new', 'duplicate']),
    id: z.number().int().openapi({ description: '新文档，或所重复的已有文档' }),
    near: z.boolean().openapi({ description: '近似重复' }),
    title: z.string(),
    removedByRule: RemovedByRuleSchema,
    exists: z.boolean().openapi({ description: '文档仍在库中（未被删除）' }),
  })
  .openapi('BatchDocument');

const BatchFileSchema = z
  .object({
    path: z.string(),
    outcome: z.enum(['stored', 'already-stored', 'rejected']),
    reason: z.string().nullable(),
    reasonText: z.string().nullable().openapi({ description: '未收录的原因（中文）' }),
    code: z.string().nullable(),
    damage: z.string().nullable(),
    compilationId: z.number().int().nullable(),
    documents: z.array(BatchDocumentSchema),
    removedByRule: RemovedByRuleSchema,
  })
  .openapi('BatchFile');

export const BatchReportSchema = BatchSummarySchema.extend({ files: z.array(BatchFileSchema) }).openapi('BatchReport');

export const BatchListSchema = z.object({ batches: z.array(BatchSummarySchema) }).openapi('BatchList');

const PlacedSchema = z
  .object({
    name: z.string(),
    outcome: z.enum(['done', 'rejected']),
    placedAt: z.string(),
    note: z.array(z.string()).nullable(),
  })
  .openapi('PlacedFile');

export const UploadJobSchema = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    files: z.array(z.string()),
    filesDone: z.number().int(),
    filesTotal: z.number().int(),
    batchId: z.number().int().nullable(),
    placed: z.array(PlacedSchema),
    error: z.string().nullable(),
  })
  .openapi('UploadJob');

export const InboxStatusSchema = z
  .object({
    dir: z.string(),
    watching: z.boolean(),
    waiting: z.number().int().openapi({ description: '收件箱中尚未收录的文件' }),
    running: z
      .object({
        origin: z.enum(BATCH_ORIGINS),
        files: z.number().int(),
        filesDone: z.number().int(),
        filesTotal: z.number().int(),
        startedAt: z.string(),
      })
      .nullable(),
    lastError: z.string().nullable(),
    uploads: z.array(UploadJobSchema),
    batches: z.array(BatchSummarySchema).openapi({ description: '最近的批次' }),
  })
  .openapi('InboxStatus');

export const DeletedSchema = z
  .object({ id: z.number().int(), title: z.string(), sources: z.number().int(), files: z.number().int() })
  .openapi('DeletedDocument');

export const UploadBodySchema = z
  .object({
    files: z
      .any()
      .optional()
      .openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: '一个或多个文件，或 .zip' }),
  })
  .openapi('UploadBody');

export const NumericId = (description: string) =>
  z.object({
    id: z
      .string()
      .regex(/^\d{1,9}$/)
      .openapi({ param: { name: 'id', in: 'path' }, example: '1', description }),
  });

export const JobId = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .openapi({ param: { name: 'id', in: 'path' }, description: '上传任务编号' }),
});
