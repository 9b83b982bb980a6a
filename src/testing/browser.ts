import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, which CI installs (scripts/install-chromium.sh); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Where the browser tests' screenshots go (gitignored): the README names it. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A browser suite's skip reason: none with chromium; outside CI a message when it is missing; in CI an error. */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env['CI']) throw new Error(`${CHROMIUM} is missing: CI installs chromium (scripts/install-chromium.sh)`);
  return `needs chromium at ${CHROMIUM} (apt-get install chromium)`;
}

/**
 * Headless chromium with a fresh profile under `dir`, at desktop width. The flags keep it off this
 * machine's closed network (background updates and sync would be refused, many times over).
 */
export async function openBrowser(dir: string, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: DESKTOP,
    locale: 'zh-CN',
    ...options,
  });
}

/** Screenshots of the page at phone and desktop widths, reloaded at each (scripts fold the page as it loads). */
export async function shootBothWidths(page: Page, name: string, fullPage: boolean): Promise<void> {
  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.reload();
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage });
  }
}
