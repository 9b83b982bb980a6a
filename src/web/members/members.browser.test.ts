import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSkip, openBrowser, shootBothWidths } from '../../testing/browser.js';
import { memberWeb } from '../../testing/member-web.js';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { tempDir } from '../../testing/temp-dir.js';

const skip = browserSkip();
// At the top level, not in `before`: the fixture's clean-up then runs when the file ends.
const web = await memberWeb();

describe("members' pages in a browser", { skip }, () => {
  const dir = tempDir();
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: web.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await openBrowser(dir, { acceptDownloads: true });
    page = context.pages()[0] ?? (await context.newPage());
  });

  after(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
  });

  const shoot = (name: string): Promise<void> => shootBothWidths(page, name, true);

  it('favourites a document into a folder, downloads it, redeems a code and sees it all on their pages', async () => {
    const me = await web.user('browser-member');
    await context.addCookies([{ name: SESSION_COOKIE, value: me.sessionId, url }]);
    const doc = web.documents[1]!;
    await page.goto(`${url}/account/favourites`);
    await page.locator('input[name=name]').first().fill('讲话稿');
    await page.locator('form[action="/account/folders"] button').click();
    await page.waitForURL(/done=folder-created/);
    await page.goto(`${url}/documents/${doc}`);
    await page.locator('form[action="/account/favourites"] select').selectOption({ label: '讲话稿' });
    await page.locator('form[action="/account/favourites"] button').click();
    await page.waitForURL(new RegExp(`/documents/${doc}$`));
    assert.match(await page.locator('.doc-actions').innerText(), /已收藏/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.doc-actions a[href$="download.txt"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.txt$/);
    await page.goto(`${url}/account/favourites`);
    assert.match(await page.locator('.doc-list').innerText(), /第二篇工作总结/);
    await shoot('account-favourites');
    await page.goto(`${url}/account/downloads`);
    assert.match(await page.locator('main').innerText(), /第二篇工作总结[\s\S]*TXT/);
    await shoot('account-downloads');
    await page.goto(`${url}/account/recent`);
    assert.match(await page.locator('main').innerText(), /第二篇工作总结/);
    const { codes } = await web.members.createCodes(
      { userId: null, name: 'cli:test' },
      { count: 1, days: 30, tier: 'vip' },
    );
    await page.goto(`${url}/account/redeem`);
    await page.locator('input[name=code]').fill(codes[0]!.toLowerCase());
    await page.locator('form[action="/account/redeem"] button').click();
    await page.locator('.notice').waitFor();
    assert.match(await page.locator('.notice').innerText(), /兑换成功/);
    await page.screenshot({ path: `${dir}/redeemed.png` });
    await page.goto(`${url}/account/redeem`);
    await shoot('account-redeem');
  });

  it("shows the admin's VIP page and its audit log", async () => {
    const admin = await web.user('browser-admin', 'admin');
    await context.addCookies([{ name: SESSION_COOKIE, value: admin.sessionId, url }]);
    await page.goto(`${url}/admin/vip`);
    await page.locator('form[action="/admin/vip/grant"] input[name=name]').fill('browser-member');
    await page.locator('form[action="/admin/vip/grant"] input[name=days]').fill('30');
    await page.locator('form[action="/admin/vip/grant"] button').click();
    await page.waitForURL(/done=granted/);
    assert.match(await page.locator('.notice').innerText(), /已开通 VIP/);
    assert.match(await page.locator('table').last().innerText(), /开通 VIP[\s\S]*兑换卡密/);
    await shoot('admin-vip');
  });
});
