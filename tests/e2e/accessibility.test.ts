/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';

const port = inject('e2ePort');
const browser = useBrowser();
const community = `http://cuizhuyuan.localhost:${port}`;
const platform = `http://localhost:${port}`;
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** The WCAG 2.0 and 2.1 rules at levels A and AA, as axe-core tags them. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Finding {
  rule: string;
  impact: string | null;
  targets: string[];
}

/** A phone-sized Chinese browser on the community's site, signed in through the dev sign-in page when `userId` is given. */
async function phone(userId?: string, name?: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (userId) {
    await page.goto(`${community}/sign-in?as=${userId}&name=${encodeURIComponent(name ?? userId)}&next=%2F`);
    await page.waitForURL(`${community}/`);
  }
  return page;
}

/**
 * Opens `url`, waits until the page has settled (its heading shown, no request in flight, nothing still loading) and
 * runs axe-core's WCAG A/AA rules on it. axe is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern, so the page runs with its real policy.
 */
async function audit(page: Page, url: string): Promise<Finding[]> {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), undefined, { timeout: 10_000 }).catch(() => {});
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  }, WCAG_AA);
  return violations.map((v) => ({ rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** The first link on `url` whose path starts with `prefix` and goes on with a number: a real record to audit. */
async function firstRecord(page: Page, url: string, prefix: string): Promise<string> {
  await page.goto(url);
  const pattern = new RegExp(`^${prefix}\\d+$`);
  const links = page.locator(`main a[href^="${prefix}"]`);
  // Links to the list or to "new" can show before the records arrive: wait for a record's own link.
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        found = hrefs.find((h) => pattern.test(h));
        return found;
      },
      { timeout: 15_000, message: `a record link under ${prefix} on ${url}` },
    )
    .toBeDefined();
  return `${community}${found}`;
}

/** Audits every page in `paths` for one person and reports the findings page by page. */
async function auditAll(page: Page, urls: string[]) {
  const report: Record<string, Finding[]> = {};
  for (const url of urls) {
    const findings = await audit(page, url);
    if (findings.length > 0) report[url.replace(/^http:\/\/[^/]+/, '')] = findings;
  }
  return report;
}

describe("every page passes axe-core's WCAG 2.1 A and AA rules, in Chinese at 360 px", () => {
  it('the platform and a community as a visitor sees them', { timeout: 240_000 }, async () => {
    const page = await phone();
    const club = await firstRecord(page, `${community}/clubs`, '/clubs/');
    const activity = await firstRecord(page, `${community}/this-week`, '/activities/');
    const report = await auditAll(page, [
      `${platform}/`,
      `${platform}/start`,
      `${community}/`,
      `${community}/join`,
      `${community}/handbooks`,
      `${community}/handbooks/operating`,
      `${community}/this-week`,
      `${community}/clubs`,
      club,
      activity,
      `${activity}/poster`,
      `${community}/issues`,
      `${community}/needs`,
      `${community}/meetings`,
      `${community}/structure`,
      `${community}/spaces`,
      `${community}/programs/library`,
      `${community}/programs/charity-shop`,
      `${community}/shop`,
      `${community}/library`,
      `${community}/accounts`,
    ]);
    expect(report).toEqual({});
  });

  it('a resident’s own pages', { timeout: 240_000 }, async () => {
    const page = await phone('demo-resident', '王小雨');
    const issue = await firstRecord(page, `${community}/issues`, '/issues/');
    const need = await firstRecord(page, `${community}/needs`, '/needs/');
    const meeting = await firstRecord(page, `${community}/meetings`, '/meetings/');
    const report = await auditAll(page, [
      `${community}/`,
      `${community}/notifications`,
      `${community}/notifications/settings`,
      `${community}/volunteering`,
      `${community}/activities/new`,
      issue,
      need,
      meeting,
      `${community}/library`,
      `${community}/library/card`,
      `${community}/library/roster`,
      `${community}/committees`,
      `${community}/buildings`,
      `${community}/canvas`,
    ]);
    expect(report).toEqual({});
  });

  it('the association’s and the volunteers’ working pages', { timeout: 240_000 }, async () => {
    const admin = await phone('demo-admin', '周明');
    const adminReport = await auditAll(admin, [
      `${community}/admin`,
      `${community}/admin/settings`,
      `${community}/admin/data`,
      `${community}/admin/retention`,
      `${community}/admin/upgrade`,
      `${community}/association`,
      `${community}/members`,
      `${community}/accounts/record`,
      `${community}/programs/university`,
      `${community}/programs/university/how-to-run/edit`,
      `${community}/programs/university/how-to-run/history`,
      `${community}/shop/settings`,
      `${community}/library/settings`,
    ]);
    const volunteer = await phone('demo-contact', '李建国');
    const activity = await firstRecord(volunteer, `${community}/this-week`, '/activities/');
    await volunteer.goto(`${community}/buildings`);
    const notice = volunteer.locator('main a[href$="/notice"]').first();
    await notice.waitFor();
    const volunteerReport = await auditAll(volunteer, [
      `${community}/shop/desk`,
      `${community}/library/desk`,
      `${community}/library/roster`,
      // Printed material: a building contact prints sign-in sheets and the building's monthly notice.
      `${activity}/sign-in-sheet`,
      `${community}${await notice.getAttribute('href')}`,
    ]);
    expect({ ...adminReport, ...volunteerReport }).toEqual({});
  });
});
