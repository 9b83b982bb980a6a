import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { dayFolder } from '../../inbox/place-file.js';
import { Accounts } from '../../accounts/accounts.js';
import { Library } from '../../library.js';
import { browserSkip, openBrowser, shootBothWidths } from '../../testing/browser.js';
import { readSeed, seedsDir } from '../../testing/shared-seeds.js';
import { tempDir } from '../../testing/temp-dir.js';
import { webConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';

const skip = browserSkip();
const PASSWORD = 'browser-test-admin-password';

describe('the admin in a browser', { skip }, () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  // Made here, not in `before`: its clean-up then runs when the file ends, after the browser has closed.
  const dir = tempDir();
  const inboxDir = (): string => join(dir, 'inbox');

  before(async () => {
    const dbPath = join(dir, 'admin-browser.db');
    const library = await Library.open(dbPath);
    await library.ingest(
      ['000_519bf36544b22e16.txt', '003_f863d41575c9a514.txt'].map((f) => join(seedsDir(), f)),
      { origin: 'cli', thread: false },
    );
    // The first admin, as the README makes it (`sucai user add NAME --role admin`), without the prompt.
    await new Accounts(library.store.accounts).register({ name: '管理员', password: PASSWORD, role: 'admin' });
    await library.close();
    const config = webConfig({ dbPath, port: 0, demo: false, inboxDir: join(dir, 'inbox') });
    server = await startServer(config, () => {});
    context = await openBrowser(dir);
    page = context.pages()[0] ?? (await context.newPage());
  });

  after(async () => {
    await context?.close();
    await server?.stop();
  });

  const shoot = (name: string): Promise<void> => shootBothWidths(page, name, true);

  it('sends a guest to log in, then opens the admin to an admin account', async () => {
    await page.goto(`${server.url}/admin`);
    await page.locator('input[name=login]').waitFor();
    await shoot('admin-login');
    await page.locator('input[name=login]').fill('管理员');
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('form[action="/login"] button[type=submit]').click();
    await page.waitForURL(/\/admin$/);
    await page.locator('form[data-upload]').waitFor();
    await shoot('admin');
  });

  it('uploads a file, shows its batch report, and the file is found by search', async () => {
    const file = join(dir, '全市理论宣讲工作汇报.txt');
    writeFileSync(file, readSeed('004_61eaccc42b378d20.txt'));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('form[data-upload] button[type=submit]').click();
    // The script posts the form, polls the job and opens the report when the run is done.
    await page.waitForURL(/\/admin\/batches\/\d+$/, { timeout: 60_000 });
    assert.match((await page.locator('.admin-head h1').textContent()) ?? '', /批次 #\d+/);
    assert.match((await page.locator('main').textContent()) ?? '', /upload\/全市理论宣讲工作汇报\.txt/);
    await shoot('admin-batch');
    // The upload's own page, as a browser without JavaScript lands on it after posting the form.
    const status = (await page.evaluate("fetch('/api/admin/status').then((r) => r.json())")) as {
      uploads: Array<{ id: string }>;
    };
    await page.goto(`${server.url}/admin/uploads/${status.uploads[0]!.id}`);
    assert.match((await page.locator('main').textContent()) ?? '', /完成[\s\S]*查看批次报告/);
    await shoot('admin-upload');
    await page.goBack();
    await page.locator('.item-list a[href^="/documents/"]').first().click();
    await page.waitForURL(/\/documents\/\d+$/);
    await page.goto(`${server.url}/search?q=${encodeURIComponent('理论宣讲')}`);
    const titles = await page.locator('.hit h2').allTextContents();
    assert.ok(
      titles.some((t) => t.includes('理论宣讲')),
      `found by search: ${titles.join(' | ')}`,
    );
  });

  it('takes a file dropped in the inbox within seconds: found by search, moved to done/', async () => {
    writeFileSync(join(inboxDir(), '党史学习教育总结讲话.txt'), readSeed('001_c0d31f7370abdfb5.txt'));
    writeFileSync(
      join(inboxDir(), '扫描件.txt'),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    // A repost of a stored document: linked as another source of it.
    writeFileSync(join(inboxDir(), '转载.txt'), readSeed('000_519bf36544b22e16.txt').replace(/\n/g, '\r\n'));
    const done = join(inboxDir(), 'done', dayFolder());
    for (let i = 0; i < 400 && !(existsSync(done) && readdirSync(done).includes('党史学习教育总结讲话.txt')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(readdirSync(done).includes('党史学习教育总结讲话.txt'), 'moved to done/');
    await page.goto(`${server.url}/search?q=${encodeURIComponent('党史学习教育')}`);
    assert.ok((await page.locator('.hit').count()) > 0);
    await page.goto(`${server.url}/admin/batches`);
    assert.ok((await page.locator('.admin-table tbody tr').count()) >= 3);
    await shoot('admin-batches');
    await page.locator('.admin-table tbody tr a').first().click();
    await page.waitForURL(/\/admin\/batches\/\d+$/);
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /未收录的文件[\s\S]*扫描件\.txt[\s\S]*不是文本文件[\s\S]*重复/,
    );
    await shoot('admin-batch-inbox');
  });

  it('deletes a document after confirming, and search no longer finds it', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('理论宣讲')}&scope=title`);
    const href = (await page.locator('.hit h2 a').first().getAttribute('href'))!;
    const id = /\/documents\/(\d+)/.exec(href)![1]!;
    await page.goto(`${server.url}/admin/delete?id=${id}`);
    await shoot('admin-delete');
    await page.locator('button.danger').click();
    await page.locator('.notice.ok').waitFor();
    assert.match((await page.locator('.notice.ok').textContent()) ?? '', /已删除/);
    await page.goto(`${server.url}/search?q=${encodeURIComponent('理论宣讲')}&scope=title`);
    assert.equal(await page.locator(`.hit h2 a[href="/documents/${id}"]`).count(), 0);
  });
});
