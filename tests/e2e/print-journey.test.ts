/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const host = 'cuizhuyuan.localhost';
const site = `http://${host}:${port}`;

/** A phone-sized Chinese browser signed in as a demo persona. */
async function phoneAs(userId: string, name: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${site}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=%2F`);
  await page.waitForURL(`${site}/`);
  return page;
}

/** The page as printed (print media) to a PDF of `format`; returns the PDF's text and writes an image of its first page. */
async function printed(page: Page, name: string, format: 'A5' | 'A4') {
  await page.screenshot({ path: `${screenshotDir}/print-${name}-360.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  const pdf = `${screenshotDir}/print-${name}.pdf`;
  writeFileSync(pdf, await page.pdf({ format, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, `${screenshotDir}/print-${name}-pdf`]);
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8'), pdf };
}

/**
 * Reads the QR code printed on the PDF's first page: rendered grey by pdftoppm (a plain PGM) and decoded by ZXing,
 * at a few resolutions, since the finder patterns' detection depends on the pixel size of a module.
 */
function qrOf(pdf: string): string {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  let failure: unknown;
  for (const dpi of [150, 120, 200, 100]) {
    const base = `${pdf}-qr-${dpi}`;
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, base]);
    const data = readFileSync(`${base}.pgm`);
    // P5 header: magic, width, height, max value, each followed by whitespace.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a PGM image');
    const [, width, height] = header.map(Number) as [number, number, number];
    const pixels = new Uint8ClampedArray(data.subarray(header[0].length, header[0].length + width * height));
    try {
      return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height))), hints)
        .getText();
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

describe('printed material for the notice board and the door, in the demo community at 360 px', () => {
  it('a building contact prints an activity poster, its sign-in sheet, the building notice and a decision poster', {
    timeout: 180_000,
  }, async () => {
    const token = await tokenFor(port, host, 'demo-contact', '李建国');
    const listed = bodyOf(await read(client(port, host).api.activities.$get({ query: {} })), 200);
    const tennis = listed.activities.find((a) => a.title === '周六网球友谊赛');
    if (!tennis) throw new Error('the demo tennis match is missing');
    const walk = bodyOf(
      await read(client(port, host).api.activities.$get({ query: { to: new Date(Date.now() + 75 * 86400_000).toISOString() } })),
      200,
    ).activities.find((a) => a.title === '新年迎春健步走');
    if (!walk) throw new Error("next month's demo walk is missing");
    const clock = (iso: string) =>
      new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });

    const page = await phoneAs('demo-contact', '李建国');

    // The poster, from the activity's page.
    await page.goto(`${site}/activities/${tennis.id}`);
    await page.getByRole('link', { name: '打印海报' }).click();
    await page.waitForURL(`${site}/activities/${tennis.id}/poster`);
    await page.getByRole('heading', { name: '周六网球友谊赛' }).waitFor();
    await page.locator('.print-qr-code svg').waitFor();
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('.print-qr').getAttribute('data-qr-url')).toBe(`${site}/activities/${tennis.id}`);
    const poster = await printed(page, 'activity-poster', 'A5');
    expect(poster.text).toContain('周六网球友谊赛');
    expect(poster.text).toContain(clock(tennis.startsAt));
    expect(poster.text).toContain('翠竹园');
    expect(poster.text).toMatch(/还剩 \d+ 个名额/);
    for (const resident of ['王小雨', '李建国', '陈思远']) expect(poster.text).not.toContain(resident);
    expect(qrOf(poster.pdf)).toBe(`${site}/activities/${tennis.id}`);

    // The sign-in sheet: the two residents signed up, the responsible person, and the paid column.
    await page.goto(`${site}/activities/${tennis.id}`);
    await page.getByRole('link', { name: '打印签到表' }).click();
    await page.getByRole('heading', { name: '周六网球友谊赛' }).waitFor();
    const sheet = await printed(page, 'sign-in-sheet', 'A4');
    for (const text of ['周六网球友谊赛', clock(tennis.startsAt), '王小雨', '李建国', '负责人：陈思远', '签名', '已付']) {
      expect(sheet.text).toContain(text);
    }

    // The building's monthly notice, from the buildings page: this month's decision and next month's walk.
    await page.goto(`${site}/buildings`);
    await page
      .getByRole('link', { name: /打印本月楼栋公告/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /楼栋公告/ }).waitFor();
    await page.locator('.print-qr-code svg').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const notice = await printed(page, 'building-notice', 'A5');
    for (const text of ['单元门禁经常失灵', '更换一单元门禁主板', '新年迎春健步走', clock(walk.startsAt), '翠竹园']) {
      expect(notice.text).toContain(text);
    }
    expect(notice.text).not.toContain('王小雨');
    expect(qrOf(notice.pdf)).toBe(`${site}/`);

    // The decision's poster, from the issue's page; it never names who raised it.
    const issues = bodyOf(await read(client(port, host, token).api.issues.$get()), 200).issues;
    const decided = issues.find((i) => i.title === '单元门禁经常失灵');
    if (!decided) throw new Error('the demo decision is missing');
    await page.goto(`${site}/issues/${decided.id}`);
    await page.getByRole('link', { name: '打印决定公告' }).click();
    await page.locator('.decision-text').waitFor();
    await page.locator('.print-qr-code svg').waitFor();
    const decision = await printed(page, 'decision-poster', 'A5');
    expect(decision.text).toContain('单元门禁经常失灵');
    expect(decision.text).toContain('物业公司（工程部）');
    expect(decision.text).not.toContain('李建国');
    expect(qrOf(decision.pdf)).toBe(`${site}/issues/${decided.id}`);
    await page.close();
  });
});
