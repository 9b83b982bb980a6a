import type { UploadJob } from '../../inbox/inbox.js';
import type { BatchSummary } from '../../storage/batches.js';
import type { DeletedDocument, StoredDocument } from '../../storage/store.js';
import { each, html, raw, type Html } from '../html.js';
import { csrfField, layout } from '../views/layout.js';
import { chineseDate } from '../views/parts.js';
import type { AdminStatus } from './admin-model.js';
import { ORIGIN_LABELS } from './admin-model.js';

export type Section = 'overview' | 'batches' | 'vip' | 'none';

export const HEAD = html`<link rel="stylesheet" href="/admin/assets/admin.css" />
  <script src="/admin/assets/admin.js" defer></script>
  <meta name="robots" content="noindex" />`;

export function adminPage(title: string, section: Section, body: Html): string {
  const link = (href: string, label: string, here: boolean): Html =>
    html`<a href="${href}" ${here ? raw('aria-current="page"') : ''}>${label}</a>`;
  const nav = html`<nav class="admin-nav" aria-label="管理">
    ${link('/admin', '概览', section === 'overview')} ${link('/admin/batches', '批次', section === 'batches')}
    ${link('/admin/vip', '会员与卡密', section === 'vip')}
  </nav>`;
  return layout({
    title,
    nav: 'admin',
    head: HEAD,
    body: html`<div class="admin-head">
        <h1>${title}</h1>
        ${section === 'none' ? '' : nav}
      </div>
      ${body}`,
  });
}

/** "2026年12月7日 09:41": a stored ISO time in the server's local time. */
export function localTime(iso: string | null): string {
  if (iso === null) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function duration(b: BatchSummary): string {
  if (b.finishedAt === null) return b.error === null ? '进行中' : '—';
  const ms = Date.parse(b.finishedAt) - Date.parse(b.startedAt);
  return ms < 1000 ? `${ms} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`;
}

function batchState(b: BatchSummary): Html {
  if (b.error !== null) return html`<span class="outcome failed" title="${b.error}">中断</span>`;
  if (b.finishedAt === null) return html`<span class="outcome running">进行中</span>`;
  return b.counts.rejected > 0
    ? html`<span class="outcome rejected">${b.counts.rejected} 个未收录</span>`
    : html`<span class="outcome done">完成</span>`;
}

function batchTable(batches: readonly BatchSummary[]): Html {
  if (batches.length === 0) return html`<p class="muted">还没有批次：放进收件箱或上传的文件收录后会出现在这里。</p>`;
  return html`<div class="table-wrap">
    <table class="admin-table">
      <thead>
        <tr>
          <th>批次</th>
          <th>来源</th>
          <th class="wide">开始</th>
          <th class="wide">用时</th>
          <th class="num">文件</th>
          <th class="num">新增</th>
          <th class="num wide">重复</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        ${each(
          batches,
          (b) =>
            html`<tr>
              <td><a href="/admin/batches/${b.id}">#${b.id}</a></td>
              <td>${ORIGIN_LABELS[b.origin] ?? b.origin}</td>
              <td class="wide">${localTime(b.startedAt)}</td>
              <td class="wide">${duration(b)}</td>
              <td class="num">${b.counts.files}</td>
              <td class="num">${b.counts.documents}</td>
              <td class="num wide">${b.counts.duplicates}</td>
              <td>${batchState(b)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function uploadPanel(limitBytes: number): Html {
  const mb = Math.round(limitBytes / (1024 * 1024));
  return html`<section class="panel">
    <h2>上传文件</h2>
    <form method="post" action="/admin/upload" enctype="multipart/form-data" data-upload>
      ${csrfField()}
      <label class="drop">
        <strong>选择文件，或拖到这里</strong>
        <span class="muted">.txt .md .html .htm .docx，或打包成 .zip；一次最多 ${mb} MB</span>
        <input type="file" name="files" multiple accept=".txt,.md,.markdown,.html,.htm,.docx,.zip" />
      </label>
      <div class="form-row"><button class="button primary" type="submit">上传并收录</button></div>
      <div class="progress" hidden>
        <div class="track"><div class="fill"></div></div>
        <div class="label" role="status" aria-live="polite"></div>
      </div>
    </form>
  </section>`;
}

function inboxPanel(s: AdminStatus): Html {
  const running = s.running
    ? `${ORIGIN_LABELS[s.running.origin] ?? s.running.origin}：${s.running.filesDone} / ${s.running.filesTotal}`
    : '空闲';
  return html`<section class="panel" data-inbox-status>
    <h2>收件箱</h2>
    <dl class="facts">
      <dt>文件夹</dt>
      <dd><code class="dir">${s.dir}</code></dd>
      <dt>状态</dt>
      <dd>${s.watching ? '监视中，每半秒查看一次' : '未启动'}</dd>
      <dt>等待收录</dt>
      <dd data-waiting>${s.waiting} 个文件</dd>
      <dt>正在收录</dt>
      <dd data-running>${running}</dd>
      ${
        s.lastError !== null
          ? html`<dt>上次出错</dt>
              <dd>${s.lastError}（文件留在原处，稍后重试）</dd>`
          : ''
      }
    </dl>
    <p class="muted">
      把文件或 .zip 放进这个文件夹，几秒内自动收录；收录后移到 done/日期/，未能收录的移到 rejected/日期/，旁边的
      .why.txt 写明原因。
    </p>
  </section>`;
}

function deletePanel(): Html {
  return html`<section class="panel">
    <h2>删除文档</h2>
    <form method="get" action="/admin/delete">
      <p class="muted">删除后立即不再被检索到，其来源文件与索引条目一并删除；汇编中的其他文章保留。</p>
      <div class="form-row">
        <input type="number" name="id" min="1" required placeholder="文档编号" aria-label="文档编号" />
        <button class="button" type="submit">查看并删除…</button>
      </div>
    </form>
  </section>`;
}

export function dashboardPage(s: AdminStatus, limitBytes: number): string {
  return adminPage(
    '管理',
    'overview',
    html`<div class="admin-grid">
        <div>${uploadPanel(limitBytes)} ${deletePanel()}</div>
        <div>${inboxPanel(s)}</div>
      </div>
      <section class="panel">
        <h2>最近批次 <a href="/admin/batches">全部</a></h2>
        ${batchTable(s.batches.slice(0, 10))}
      </section>`,
  );
}

export function batchesPage(batches: readonly BatchSummary[]): string {
  return adminPage('批次', 'batches', html`<section class="panel">${batchTable(batches)}</section>`);
}

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  stored: '已收录',
  'already-stored': '已有（跳过）',
  rejected: '未收录',
  done: '已收录',
};

export function uploadJobPage(job: UploadJob): string {
  const running = job.state === 'queued' || job.state === 'running';
  const pct = job.filesTotal > 0 ? Math.round((job.filesDone / job.filesTotal) * 100) : 0;
  return layout({
    title: '上传进度',
    nav: 'admin',
    head: html`${HEAD}${running ? raw('<meta http-equiv="refresh" content="1" />') : ''}`,
    body: html`<div class="admin-head"><h1>上传进度</h1></div>
      <section class="panel">
        <p>
          <span class="outcome ${job.state}"
            >${{ queued: '排队中', running: '正在收录', done: '完成', failed: '失败' }[job.state]}</span
          >
          ${job.filesDone} / ${job.filesTotal} 个文件
        </p>
        <div class="progress">
          <progress class="bar" max="100" value="${pct}" aria-label="收录进度">${pct}%</progress>
        </div>
        ${job.error !== null ? html`<p class="notice">出错了：${job.error}（文件已保存，稍后自动重试）</p>` : ''}
        ${job.batchId !== null ? html`<p><a class="button primary" href="/admin/batches/${job.batchId}">查看批次报告</a></p>` : ''}
        <ul class="item-list">
          ${
            job.placed.length > 0
              ? each(
                  job.placed,
                  (p) =>
                    html`<li>${p.name} <span class="outcome ${p.outcome}">${OUTCOME_LABELS[p.outcome]}</span></li>`,
                )
              : each(job.files, (name) => html`<li>${name}</li>`)
          }
        </ul>
      </section>
      <p><a href="/admin">返回管理</a></p>`,
  });
}

export function confirmDeletePage(doc: StoredDocument): string {
  const compilation = doc.compilation;
  return adminPage(
    '删除文档',
    'none',
    html`<section class="panel">
      <h2>${doc.title}</h2>
      <dl class="facts">
        <dt>编号</dt>
        <dd>#${doc.id} · <a href="/documents/${doc.id}">查看文档</a></dd>
        <dt>文种与日期</dt>
        <dd>${doc.genre ?? '—'} · ${chineseDate(doc.publishedAt) ?? (doc.year !== null ? `${doc.year}年` : '—')}</dd>
        <dt>来源</dt>
        <dd>${doc.sources.length} 个：${doc.sources.map((s) => s.path).join('、')}</dd>
        ${
          compilation !== null
            ? html`<dt>所在汇编</dt>
                <dd>
                  ${compilation.title}（第 ${compilation.position} 篇，共 ${compilation.count} 篇）；其他文章保留
                </dd>`
            : ''
        }
      </dl>
      <p class="notice">
        删除后不能恢复：文档、它的来源文件（没有其他文档使用的）和索引条目都会删除，检索立即找不到它。
      </p>
      <form method="post" action="/admin/documents/${doc.id}/delete" class="form-row">
        <input type="hidden" name="confirm" value="yes" />
        ${csrfField()}
        <button class="button danger" type="submit">确认删除</button>
        <a class="button subtle" href="/admin">取消</a>
      </form>
    </section>`,
  );
}

export function deletedPage(d: DeletedDocument): string {
  return adminPage(
    '已删除',
    'none',
    html`<p class="notice ok">
        已删除《${d.title}》（#${d.id}）：解除 ${d.sources} 个来源，删除 ${d.files} 个只属于它的文件。
      </p>
      <p><a class="button" href="/admin">返回管理</a></p>`,
  );
}
