import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ReaderView } from '../../core/access/reader-view.js';
import { mayDownload } from '../../core/access/tiers.js';
import type { Viewer } from '../../core/access/viewer.js';
import {
  contentDisposition,
  EXPORT_MEDIA_TYPE,
  type ExportFormat,
  documentToDocx,
  documentToMarkdown,
  documentToText,
  exportFileName,
  type ExportDocument,
} from '../../export/index.js';
import type { WebContext } from '../app.js';
import { HttpError } from '../errors.js';
import { withDownloadQuota } from '../members/download-quota.js';
import { documentId, readerDocument } from '../reader/models.js';

const FORMATS: readonly ExportFormat[] = ['docx', 'txt', 'md'];

/**
 * What a download is made from: the reader view alone (a guest's ends where the free part does). The
 * outline alone is the whole document's heading skeleton, which every reader sees.
 */
export function exportDocument(view: ReaderView, outlineOnly: boolean): ExportDocument {
  return {
    title: view.title,
    subtitle: view.subtitle,
    signature: view.signature,
    // The date under the signature is the one the document was signed on, where it says.
    publishedAt: view.signedAt ?? view.publishedAt,
    paragraphs: outlineOnly
      ? view.outline.map((o) => ({ text: o.text, level: o.level }))
      : view.paragraphs.map((p) => ({ text: p.text, level: p.level })),
    truncated: outlineOnly ? false : view.truncated,
  };
}

/**
 * Whether the viewer may download a document in `format`, by its tier (a 401 asking a guest to log in, a
 * 403 naming what VIP gives). The outline alone is every reader's, as on the page.
 */
export function checkDownload(viewer: Viewer, format: ExportFormat, ctx: WebContext): void {
  if (mayDownload(viewer, format, ctx.config.tiers)) return;
  if (viewer.userId === null) throw new HttpError(401, 'login_required', '请先登录：注册会员后可下载文档');
  throw new HttpError(
    403,
    'vip_required',
    `当前身份不能下载 ${format} 格式：开通 VIP 会员后可下载 Word、TXT 与 Markdown`,
  );
}

/** /documents/:id/download.docx|txt|md, and with ?outline=1 the outline alone. */
export function mountDownloads(app: OpenAPIHono, ctx: WebContext): void {
  for (const format of FORMATS) {
    app.get(`/documents/:id/download.${format}`, async (c) => {
      const outline = c.req.query('outline');
      if (outline !== undefined && outline !== '1' && outline !== '0') {
        throw new HttpError(400, 'bad_request', '参数“提纲”的值应为 1 或 0');
      }
      const outlineOnly = outline === '1';
      const id = documentId(c.req.param('id'));
      const viewer = c.get('viewer');
      const reader = await readerDocument(ctx, id, viewer);
      if (!outlineOnly) checkDownload(viewer, format, ctx);
      const doc = exportDocument(reader.view, outlineOnly);
      const options = { outlineOnly };
      const name = exportFileName(doc, format, options);
      // One download of the viewer's daily quota, taken before the file is made and given back if it fails.
      const work = { documentId: id, title: doc.title, format };
      const produce = async (): Promise<Uint8Array> =>
        format === 'docx'
          ? await documentToDocx(doc, options)
          : new TextEncoder().encode(
              format === 'txt' ? documentToText(doc, options) : documentToMarkdown(doc, options),
            );
      // The outline alone is every reader's teaser, as on the page: not counted.
      const body = outlineOnly
        ? await produce()
        : await withDownloadQuota(ctx.members, viewer, work, ctx.config.timeZone, produce, ctx.config.tiers);
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': EXPORT_MEDIA_TYPE[format],
        'content-disposition': contentDisposition(name),
        'cache-control': 'private, no-store',
      });
    });
  }
}
