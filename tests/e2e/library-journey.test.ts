/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { isbn13CheckDigit } from '../../worker/community/library/rules';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const host = 'cuizhuyuan.localhost';
const base = `http://${host}:${port}`;
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/library-${name}.png`, fullPage: true });

/** A phone-sized Chinese browser signed in on 翠竹园 as one of the demo's people. */
async function pageAs(userId: string, name: string, next: string) {
  const context = await browser().newContext({
    viewport: { width: 360, height: 780 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`${base}${next}`);
  return page;
}

/** A new neighbour who joins 翠竹园 through /join, with no books out yet. */
async function newResident(userId: string, name: string) {
  const page = await pageAs(userId, name, '/join');
  await page.getByLabel('你希望邻居怎么称呼你').fill(name);
  await page.getByLabel('我已阅读并同意《隐私告知》').check();
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await page.waitForURL(`${base}/`);
  return page;
}

/** An EAN-13 barcode of `isbn` as a PNG file, as a phone photo of the back of a book would show it. */
async function barcodeImage(isbn: string) {
  const png = await bwipjs.toBuffer({
    bcid: 'ean13',
    text: isbn,
    scale: 3,
    height: 20,
    includetext: true,
    paddingwidth: 12,
    paddingheight: 8,
    backgroundcolor: 'FFFFFF',
  });
  const path = join(tmpdir(), `isbn-${isbn}.png`);
  writeFileSync(path, png);
  return path;
}

describe('明志书屋 at phone width, in Chinese, through the pages only', () => {
  it('catalogues a donated book by scanning its barcode, lends it to A, B reserves it, and on return it is held for B', {
    timeout: 240_000,
  }, async () => {
    const stamp = Date.now().toString().slice(-6);
    const first12 = `9787544${stamp.slice(0, 5)}`;
    const isbn = first12 + isbn13CheckDigit(first12);
    const title = `邻居的书${stamp}`;

    // 1. The librarian on duty (李建国, the contact persona) catalogues the donated book by a photo of its barcode.
    const librarian = await pageAs('demo-contact', '李建国', '/library/desk');
    const addSection = librarian.getByRole('region', { name: '登记新书' });
    await addSection.getByLabel('拍照或选择条码图片').setInputFiles(await barcodeImage(isbn));
    await expect.poll(() => addSection.getByLabel('ISBN').inputValue(), { timeout: 20_000 }).toBe(isbn);
    await addSection.getByLabel('书名').fill(title);
    await addSection.getByLabel('作者').fill('孙阿姨');
    await addSection.getByLabel('捐赠人（可选）').fill('5栋 孙阿姨');
    await addSection.getByLabel('捐赠人同意公开致谢').check();
    await shot(librarian, '01-desk-catalogue');
    await addSection.getByRole('button', { name: '登记', exact: true }).click();
    const added = addSection.getByRole('status').filter({ hasText: '已登记' });
    await added.waitFor();
    const mark = /编号：([A-Z]-\d{4})/.exec((await added.textContent()) ?? '')?.[1];
    expect(mark).toMatch(/^L-\d{4}$/);

    const readerA = `读者甲${stamp}`;
    const readerB = `读者乙${stamp}`;
    await newResident(`lib-a-${stamp}`, readerA);
    const b = await newResident(`lib-b-${stamp}`, readerB);

    // 2. Resident A borrows it: the librarian finds the copy by its spine label and A by name.
    const copySection = librarian.getByRole('region', { name: '第一步：哪一本书' });
    await copySection.getByLabel('书脊编号').fill(mark!);
    await copySection.getByRole('button', { name: '查找', exact: true }).first().click();
    await copySection.getByText('在架，可以借出').waitFor();
    await copySection.getByLabel('或按姓名查找').fill(readerA);
    await copySection
      .locator('section', { has: librarian.getByRole('heading', { name: '第二步：借给谁' }) })
      .getByRole('button', { name: '查找' })
      .click();
    await copySection.getByRole('button', { name: `借给 ${readerA}` }).click();
    await copySection.getByRole('status').filter({ hasText: '已借出' }).waitFor();
    await shot(librarian, '02-desk-lent');

    // 3. Resident B finds it out and reserves it.
    await b.goto(`${base}/library`);
    await b.getByLabel('书名、作者或 ISBN').fill(isbn);
    await b.getByRole('button', { name: '查找' }).click();
    const found = b.locator('.book-list li', { hasText: title });
    await found.getByText('全部借出').waitFor();
    await expect.poll(() => found.textContent()).toContain('感谢 5栋 孙阿姨 捐赠');
    await b.getByRole('button', { name: `预约《${title}》` }).click();
    await b.getByRole('status').filter({ hasText: '已预约' }).waitFor();
    await shot(b, '03-reserved');

    // 4. A brings it back; the desk says to keep it for B.
    await copySection.getByLabel('书脊编号').fill(mark!);
    await copySection.getByRole('button', { name: '查找', exact: true }).first().click();
    await copySection.getByText(`借给 ${readerA}`).waitFor();
    await copySection.getByRole('button', { name: '还书' }).click();
    await copySection
      .getByRole('status')
      .filter({ hasText: `为 ${readerB} 保留到` })
      .waitFor();
    await shot(librarian, '04-returned-held');

    // 5. B sees it kept for them, and was told.
    await b.reload();
    await b.getByRole('heading', { name: '我的预约' }).waitFor();
    await expect.poll(() => b.getByRole('region', { name: '我的借阅' }).textContent()).toContain('已为你保留');
    await shot(b, '05-held-for-me');
    await b.goto(`${base}/notifications`);
    await expect.poll(() => b.locator('main').textContent(), { timeout: 15_000 }).toContain(`你预约的《${title}》已到馆`);

    // The other library pages, for a look at phone width.
    await b.goto(`${base}/library/card`);
    await b.getByTestId('card-number').waitFor();
    await shot(b, '06-card');
    await librarian.goto(`${base}/library/roster`);
    await librarian.locator('.roster-slot').first().waitFor();
    await shot(librarian, '07-roster');
    await librarian.goto(`${base}/library/settings`);
    await librarian.getByLabel('借期（天）').waitFor();
    await shot(librarian, '08-settings');
  });
});
