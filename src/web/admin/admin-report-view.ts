import { ruleLabel } from '../../cli/rule-labels.js';
import { each, html, type Html } from '../html.js';
import type { AdminReport, ReportDocument, ReportFile } from './admin-model.js';
import { ORIGIN_LABELS } from './admin-model.js';
import { adminPage, duration, localTime, OUTCOME_LABELS } from './admin-views.js';

/** The batch report page: what a run did with each file, its documents, duplicates, removed spans, rejections. */
function docLink(d: ReportDocument): Html {
  return d.exists
    ? html`<a href="/documents/${d.id}">${d.title}</a>`
    : html`${d.title} <span class="muted">（已删除）</span>`;
}

function rules(counts: Readonly<Record<string, number>>): Html {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return html`<span class="rules">${each(entries, ([rule, n]) => html`<span>${ruleLabel(rule)} ${n}</span>`)}</span>`;
}

function fileRow(f: ReportFile): Html {
  const docs = f.documents.length;
  const fresh = f.documents.filter((d) => d.kind === 'new').length;
  const what =
    f.outcome === 'rejected'
      ? f.reasonText
      : f.outcome === 'already-stored'
        ? '这份文件以前收录过'
        : [
            fresh > 0 ? `新增 ${fresh} 篇` : '',
            docs - fresh > 0 ? `重复 ${docs - fresh} 篇` : '',
            f.compilationId !== null ? '（汇编）' : '',
          ].join(' ');
  return html`<tr>
    <td class="path">${f.path}</td>
    <td><span class="outcome ${f.outcome}">${OUTCOME_LABELS[f.outcome]}</span></td>
    <td>${what}${f.damage ? html`<span class="sub muted">读取时发现损坏：${f.damage}</span>` : ''}</td>
  </tr>`;
}

export function reportPage(r: AdminReport): string {
  const docs = r.files.flatMap((f) => f.documents.map((d) => ({ d, file: f })));
  const fresh = docs.filter((x) => x.d.kind === 'new');
  const dups = docs.filter((x) => x.d.kind === 'duplicate');
  const cleaned = docs.filter((x) => Object.keys(x.d.removedByRule).length > 0);
  const fileLevel = r.files.filter((f) => Object.keys(f.removedByRule).length > 0);
  const rejected = r.files.filter((f) => f.outcome === 'rejected');
  const count = (n: number, k: string, bad = false): Html =>
    html`<li class="${bad && n > 0 ? 'bad' : ''}"><span class="n">${n}</span><span class="k">${k}</span></li>`;
  const origin = ORIGIN_LABELS[r.origin] ?? r.origin;
  return adminPage(
    `批次 #${r.id}`,
    'batches',
    html`<p class="muted">${origin} · 开始于 ${localTime(r.startedAt)} · ${duration(r)}</p>
      ${
        r.error !== null
          ? html`<p class="notice">
              这一批中途停止：${r.error}。已写入的文件保留；未处理的文件留在原处，下次会再收录。
            </p>`
          : r.finishedAt === null
            ? html`<p class="notice">这一批还在进行，或进程在中途退出。</p>`
            : ''
      }
      <ul class="counts">
        ${count(r.counts.files, '文件')} ${count(r.counts.documents, '新增文档')} ${count(r.counts.duplicates, '重复')}
        ${count(r.counts.alreadyStored, '已有文件')} ${count(r.counts.rejected, '未收录', true)}
      </ul>
      ${
        rejected.length > 0
          ? html`<section class="panel">
              <h2>未收录的文件</h2>
              <ul class="item-list">
                ${each(
                  rejected,
                  (f) =>
                    html`<li>
                      <strong class="path">${f.path}</strong>
                      <span class="sub">${f.reasonText}</span>
                      ${f.reason ? html`<span class="sub">（${f.reason}）</span>` : ''}
                    </li>`,
                )}
              </ul>
            </section>`
          : ''
      }
      <section class="panel">
        <h2>新增文档（${fresh.length}）</h2>
        ${
          fresh.length === 0
            ? html`<p class="muted">没有新增文档。</p>`
            : html`<ul class="item-list">
                ${each(
                  fresh,
                  ({ d, file }) =>
                    html`<li>
                      ${d.exists ? html`<a class="item-action" href="/admin/delete?id=${d.id}">删除…</a>` : ''}
                      ${docLink(d)} <span class="muted">#${d.id}</span>
                      <span class="sub">${file.path}</span>
                    </li>`,
                )}
              </ul>`
        }
      </section>
      ${
        dups.length > 0
          ? html`<section class="panel">
              <h2>重复（已链接到已有文档）（${dups.length}）</h2>
              <ul class="item-list">
                ${each(
                  dups,
                  ({ d, file }) =>
                    html`<li>
                      <span>${file.path}</span>
                      <span class="outcome already-stored">${d.near ? '近似重复' : '内容相同'}</span>
                      <span class="sub">作为来源链接到：${docLink(d)} <span class="muted">#${d.id}</span></span>
                    </li>`,
                )}
              </ul>
            </section>`
          : ''
      }
      <section class="panel">
        <h2>清理掉的内容</h2>
        ${
          cleaned.length === 0 && fileLevel.length === 0
            ? html`<p class="muted">这一批没有清理掉任何内容。</p>`
            : html`<ul class="item-list">
                ${each(cleaned, ({ d }) => html`<li>${docLink(d)} ${rules(d.removedByRule)}</li>`)}
                ${each(
                  fileLevel,
                  (f) =>
                    html`<li>
                      <span class="path">${f.path}</span>
                      <span class="muted">（文件开头，不属于某一篇）</span> ${rules(f.removedByRule)}
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section class="panel">
        <h2>全部文件（${r.files.length}）</h2>
        <div class="table-wrap">
          <table class="admin-table">
            <thead>
              <tr>
                <th>文件</th>
                <th>结果</th>
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              ${each(r.files, fileRow)}
            </tbody>
          </table>
        </div>
      </section>`,
  );
}
