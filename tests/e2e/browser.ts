import { mkdirSync } from 'node:fs';
import { type Browser, type ConsoleMessage, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const screenshotDir = 'test-results/e2e';

/** Debian's Chromium, headless, with nothing reaching outside this machine. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/**
 * Every page of every context of `browser` reports what the Content-Security-Policy refused (Chromium says so on
 * the console) into `violations`. Contexts run without the service worker unless a test allows it (the offline
 * journey): its install downloads every file of the app, about 200 requests, which a journey does not need and which
 * were still in flight when the browser closed; a local wrangler dev server then sometimes held the next file's first
 * request for 30 s.
 */
function watchContentSecurityPolicy(browser: Browser, violations: string[]) {
  const record = (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
  };
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext({ serviceWorkers: 'block', ...options });
    context.on('console', record);
    return context;
  };
  browser.newPage = async (options) => {
    const page = await newPage({ serviceWorkers: 'block', ...options });
    page.on('console', record);
    return page;
  };
}

/** One browser for a test file, started before its tests and closed after them; a CSP violation fails the test. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  const violations: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    watchContentSecurityPolicy(browser, violations);
  });
  afterEach(() => {
    expect(violations.splice(0), 'Content-Security-Policy violations').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return browser;
  };
}
