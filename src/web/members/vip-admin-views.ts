import type { AuditEntry, CodeBatchSummary } from '../../storage/member-store.js';
import { adminPage } from '../admin/admin-views.js';
import { html, type Html } from '../html.js';
import { beijingTime, notice } from './member-views.js';

const ACTIONS: Readonly<Record<AuditEntry['action'], string>> = {
  grant: '开通 VIP',
  revoke: '取消 VIP',
  redeem: '兑换卡密',
  codes: '生成卡密',
};

function auditDetail(e: AuditEntry): string {
  if (e.action === 'codes') return `批次 ${e.batchId}：${e.note} 个，每个 ${e.days} 天`;
  const parts: string[] = [];
  if (e.days !== null) parts.push(`${e.days} 天`);
  if (e.action === 'redeem') parts.push(`卡密 …${e.note}（批次 ${e.batchId}）`);
  parts.push(`到期 ${beijingTime(e.before)} → ${beijingTime(e.after)}`);
  return parts.join('，');
}

export function auditTable(entries: readonly AuditEntry[]): Html {
  if (entries.length === 0) return html`<p class="muted">还没有记录。</p>`;
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th>时间（北京）</th>
          <th>操作人</th>
          <th>操作</th>
          <th>对象</th>
          <th>详情</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <td>${beijingTime(e.at)}</td>
              <td>${e.actor.name}</td>
              <td>${ACTIONS[e.action]}</td>
              <td>${e.target?.name ?? '—'}</td>
              <td>${auditDetail(e)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function vipAdminPage(
  m: { batches: CodeBatchSummary[]; audit: AuditEntry[]; notice?: string },
  csrf: Html,
): string {
  const body = html`${notice(m.notice)}
    <section class="panel vip-admin">
      <h2>开通或取消 VIP</h2>
      <form method="post" action="/admin/vip/grant">
        ${csrf}
        <label>用户名 <input type="text" name="name" required maxlength="100" /></label>
        <label>天数 <input type="number" name="days" min="1" max="3660" /></label>
        <label>或到期日期 <input type="date" name="until" /></label>
        <button class="button primary" type="submit">开通</button>
      </form>
      <form method="post" action="/admin/vip/revoke">
        ${csrf}
        <label>用户名 <input type="text" name="name" required maxlength="100" /></label>
        <button class="button" type="submit">取消 VIP</button>
      </form>
    </section>
    <section class="panel vip-admin">
      <h2>生成卡密</h2>
      <form method="post" action="/admin/codes">
        ${csrf}
        <label>数量 <input type="number" name="count" min="1" max="10000" value="10" required /></label>
        <label>每个天数 <input type="number" name="days" min="1" max="3660" value="30" required /></label>
        <button class="button primary" type="submit">生成并下载 CSV</button>
      </form>
      <p class="muted">卡密只在生成时给出一次（库里只存其摘要），请妥善保存下载的 CSV。</p>
      ${
        m.batches.length === 0
          ? ''
          : html`<table>
              <thead>
                <tr>
                  <th>批次</th>
                  <th>生成时间</th>
                  <th>生成人</th>
                  <th>天数</th>
                  <th>已兑换</th>
                </tr>
              </thead>
              <tbody>
                ${m.batches.map(
                  (b) =>
                    html`<tr>
                      <td>${b.id}</td>
                      <td>${beijingTime(b.createdAt)}</td>
                      <td>${b.createdBy}</td>
                      <td>${b.days}</td>
                      <td>${b.redeemed} / ${b.count}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    <section class="panel">
      <h2>最近的记录 <a href="/admin/audit">全部</a></h2>
      ${auditTable(m.audit)}
    </section>`;
  return adminPage('会员与卡密', 'vip', body);
}

export function auditPage(entries: readonly AuditEntry[], next: number | null): string {
  return adminPage(
    '审计记录',
    'vip',
    html`${auditTable(entries)}
    ${next !== null ? html`<p><a class="button" href="/admin/audit?before=${next}">更早的记录</a></p>` : ''}`,
  );
}
