import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { Library } from '../library.js';
import { browserSkip, openBrowser, shootBothWidths } from '../testing/browser.js';
import { tempDir } from '../testing/temp-dir.js';
import { webTestFiles } from '../testing/web-fixture.js';
import { webConfig } from './config.js';
import { startServer, type RunningServer } from './server.js';

const skip = browserSkip();

/** The clipboard's text, read in the page (the code runs in the browser, where navigator exists). */
function readClipboard(page: Page): Promise<string> {
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}

describe('the site in a browser', { skip }, () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  // Made here, not in `before`: a clean-up registered in a hook runs when the hook ends, under the browser.
  const dir = tempDir();

  before(async () => {
    const dbPath = join(dir, 'browser.db');
    const library = await Library.open(dbPath);
    await library.ingest(webTestFiles(), { thread: false });
    await library.close();
    server = await startServer(webConfig({ dbPath, port: 0, demo: false, inboxDir: join(dir, 'inbox') }), () => {});
    context = await openBrowser(dir, { acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = context.pages()[0] ?? (await context.newPage());
  });

  after(async () => {
    await context?.close();
    await server?.stop();
  });

  const shoot = (name: string): Promise<void> => shootBothWidths(page, name, false);

  it('searches from the home page, with suggestions while typing', async () => {
    await page.goto(server.url);
    await shoot('home');
    const box = page.locator('.big-search input[name=q]');
    await box.pressSequentially('推动', { delay: 30 });
    await page.locator('.big-search .suggestions li').first().waitFor();
    assert.ok((await page.locator('.big-search .suggestions li').count()) > 0);
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const count = await page.locator('.results-count').textContent();
    assert.match(count ?? '', /找到 \d+ 篇/);
    assert.ok((await page.locator('.hit').count()) > 0);
    await shoot('results');
  });

  it('switches to the outline scope, shows parallel headings and copies them as one', async () => {
    await page.locator('.scope-tabs a[data-scope=outline]').click();
    await page.waitForURL(/scope=outline/);
    assert.equal(await page.locator('.scope-tabs a[aria-current=page]').getAttribute('data-scope'), 'outline');
    assert.ok((await page.locator('.hit').count()) > 0);
    const set = page.locator('.siblings').first();
    if ((await set.count()) > 0) {
      const headings = await set.locator('li').allTextContents();
      await page.locator('.siblings-head .copy').first().click();
      const copied = await readClipboard(page);
      assert.equal(copied, headings.map((h) => h.trim()).join('\n'));
    }
    await shoot('results-outline');
  });

  it('filters by genre', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('主题教育')}`);
    await page.locator('select[name=genre]').selectOption('总结');
    await page.waitForURL(/genre=/);
    const metas = await page.locator('.hit .meta').allTextContents();
    assert.ok(metas.length > 0);
    for (const m of metas) assert.match(m, /总结/);
  });

  it('opens a result, jumps through the outline and copies a section without marks', async () => {
    await page.locator('.hit h2 a').first().click();
    await page.waitForURL(/\/documents\/\d+$/);
    await page.locator('article.article').waitFor();
    await shoot('document');
    const links = page.locator('.outline-nav li a');
    const n = await links.count();
    assert.ok(n > 0, 'the document has an outline');
    const last = links.nth(n - 1);
    const href = (await last.getAttribute('href'))!;
    await last.click();
    await page.waitForURL((url) => url.hash === href);
    const target = page.locator(href);
    assert.ok(await target.isVisible());
    // A free heading's section: the heading and what stands under it.
    const heading = page.locator('.body .para.heading').first();
    const headingText = (await heading.evaluate((el) => el.firstChild?.textContent ?? '')).trim();
    await heading.hover();
    await heading.locator('button[data-copy-section]').click();
    const copied = await readClipboard(page);
    assert.ok(copied.startsWith(headingText.slice(0, 4)), copied.slice(0, 40));
    assert.doesNotMatch(copied, /<|【|】|复制/);
  });

  it('invites a guest at the paywall, registers, and as a VIP reads the whole text', async () => {
    const docUrl = page.url().replace(/#.*/, '');
    const paywall = page.locator('#member-part');
    if ((await paywall.count()) === 0) return;
    assert.match((await paywall.textContent()) ?? '', /免费注册/);
    await paywall.scrollIntoViewIfNeeded();
    await shoot('paywall');
    await paywall.locator('a[href^="/register"]').click();
    await page.locator('input[name=name]').fill('浏览器读者');
    await page.locator('input[name=password]').fill('browser-password');
    await page.locator('form[action="/register"] button[type=submit]').click();
    // Back at the document, signed in: a member still meets the paywall, now inviting to VIP.
    await page.waitForURL(docUrl);
    assert.match((await page.locator('#member-part').textContent()) ?? '', /开通 VIP/);
    const user = (await server.library.store.accounts.userByLogin('浏览器读者'))!;
    await server.library.store.accounts.setVipUntil(user.id, new Date(Date.now() + 86_400_000).toISOString());
    await page.reload();
    assert.equal(await page.locator('#member-part').count(), 0, 'a VIP reads the whole document');
    await page.goto(`${server.url}/account`);
    assert.match((await page.locator('main').textContent()) ?? '', /VIP 会员/);
    await shoot('account');
    await page.goto(docUrl);
  });

  it('downloads the document as a Word file', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.doc-actions a[href$="download.docx"]').click(),
    ]);
    const path = await download.path();
    const bytes = new Uint8Array(readFileSync(path));
    assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), 'PK');
    const files = unzipSync(bytes);
    assert.ok(files['word/document.xml'], 'a .docx holds word/document.xml');
    assert.match(download.suggestedFilename(), /\.docx$/);
  });

  it('shows the outline view and the updates page', async () => {
    const id = /\/documents\/(\d+)/.exec(page.url())![1];
    await page.goto(`${server.url}/documents/${id}/outline`);
    assert.ok((await page.locator('.skeleton li').count()) > 0);
    await page.goto(`${server.url}/updates`);
    assert.ok((await page.locator('.day').count()) > 0);
    await shoot('updates');
  });
});
