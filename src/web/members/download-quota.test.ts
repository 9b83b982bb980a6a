import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GUEST_VIEWER, type Viewer } from '../../core/access/viewer.js';
import { dayKey } from '../../core/members/day-key.js';
import { DEFAULT_TIER_POLICY } from '../../core/access/tiers.js';
import type { DownloadRecord } from '../../storage/member-store.js';
import { memberWeb } from '../../testing/member-web.js';
import { HttpError } from '../errors.js';
import type { QuotaState } from './download-quota.js';
import { withDownloadQuota } from './download-quota.js';

const web = await memberWeb();
const [d1, d2] = web.documents as [number, number];
const MEMBER_LIMIT = DEFAULT_TIER_POLICY.member.downloadsPerDay;

const get = (path: string, headers: Record<string, string> = {}) => web.app.request(path, { headers });

describe('downloads under the daily quota', () => {
  it("counts a member's downloads of the local day, refuses past the quota (429) and keeps the history", async () => {
    const me = await web.user('Wu');
    const formats = ['txt', 'txt', 'txt', 'txt'];
    const statuses: number[] = [];
    for (const f of formats) statuses.push((await get(`/documents/${d1}/download.${f}`, me.headers)).status);
    assert.deepEqual(statuses, [...Array(MEMBER_LIMIT).fill(200), ...Array(formats.length - MEMBER_LIMIT).fill(429)]);
    const refused = await get(`/documents/${d2}/download.txt`, me.headers);
    assert.equal(refused.status, 429);
    assert.match(await refused.text(), /下载已用完/);
    const quota = (await (await get('/api/me/quota', me.headers)).json()) as QuotaState;
    assert.deepEqual(quota, { tier: 'member', day: dayKey(new Date()), limit: MEMBER_LIMIT, used: MEMBER_LIMIT });
    const { downloads } = (await (await get('/api/me/downloads', me.headers)).json()) as {
      downloads: DownloadRecord[];
    };
    assert.deepEqual(
      downloads.map((d) => [d.documentId, d.format]),
      formats
        .slice(0, MEMBER_LIMIT)
        .reverse()
        .map((f) => [d1, f]),
    );
    assert.equal(downloads[0]!.title, '第一篇工作总结');
    const one = (await (await get(`/api/me/downloads/${downloads[0]!.id}`, me.headers)).json()) as DownloadRecord;
    assert.equal(one.id, downloads[0]!.id);
    const page = await (await get('/account/downloads', me.headers)).text();
    assert.match(page, new RegExp(`已下载 ${MEMBER_LIMIT}\\s*次，每天可下载 ${MEMBER_LIMIT} 次`));
    // Another member: nothing of mine, by list or by guessed id.
    const you = await web.user('Zheng');
    assert.equal((await get(`/api/me/downloads/${downloads[0]!.id}`, you.headers)).status, 404);
    assert.deepEqual(((await (await get('/api/me/downloads', you.headers)).json()) as { downloads: [] }).downloads, []);
    assert.equal((await get('/api/me/downloads/x', me.headers)).status, 400);
    assert.equal((await get('/api/me/downloads?limit=9999', me.headers)).status, 400);
    // A VIP has more; a bad request or a missing document takes nothing of the quota.
    await web.members.grantVip({ userId: null, name: 'cli:test' }, me.id, { days: 1 });
    assert.equal((await get(`/documents/${d1}/download.txt`, me.headers)).status, 200);
    assert.equal((await get(`/documents/${d1}/download.txt?outline=yes`, me.headers)).status, 400);
    assert.equal((await get('/documents/999999/download.txt', me.headers)).status, 404);
    assert.equal(((await (await get('/api/me/quota', me.headers)).json()) as QuotaState).used, MEMBER_LIMIT + 1);
  });

  it('never lets many downloads at once exceed the quota', async () => {
    const burst = await web.user('burst');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => get(`/documents/${i % 2 ? d1 : d2}/download.txt`, burst.headers)),
    );
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, MEMBER_LIMIT, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 429).length, 10 - MEMBER_LIMIT);
    const quota = (await (await get('/api/me/quota', burst.headers)).json()) as QuotaState;
    assert.equal(quota.used, MEMBER_LIMIT);
  });

  it('does not count a download whose file failed to be made, and passes the failure on', async () => {
    const failing = await web.user('failing');
    const viewer: Viewer = { userId: failing.id, name: 'failing', tier: 'member', vipUntil: null };
    const work = { documentId: d1, title: '第一篇工作总结', format: 'docx' };
    for (let i = 0; i < MEMBER_LIMIT + 2; i++) {
      await assert.rejects(
        withDownloadQuota(web.members, viewer, work, 'Asia/Shanghai', async () => {
          throw new Error('export failed');
        }),
        /export failed/,
      );
    }
    assert.equal(await web.members.downloadsUsed(`user:${failing.id}`, dayKey(new Date())), 0);
    assert.deepEqual(await web.members.downloadHistory(failing.id), []);
    assert.equal(await withDownloadQuota(web.members, viewer, work, 'Asia/Shanghai', async () => 'file'), 'file');
    assert.equal(await web.members.downloadsUsed(`user:${failing.id}`, dayKey(new Date())), 1);
  });

  it("refuses a guest's downloads but the outline's, which no one's quota counts", async () => {
    assert.equal((await get(`/documents/${d1}/download.txt`)).status, 401);
    for (let i = 0; i < MEMBER_LIMIT + 2; i++) {
      assert.equal((await get(`/documents/${d1}/download.txt?outline=1`)).status, 200);
    }
    const work = { documentId: d1, title: 't', format: 'txt' };
    await assert.rejects(
      withDownloadQuota(web.members, GUEST_VIEWER, work, 'Asia/Shanghai', async () => 'file'),
      (e: unknown) => e instanceof HttpError && e.status === 403,
    );
  });
});
