// Renders the home-screen icons (web/public/icons/*.png) from their SVGs with the Chromium the e2e tests use.
// Run once after changing an SVG: `node scripts/render-icons.mjs`; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const dir = new URL('../web/public/icons/', import.meta.url);
const renders = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon.svg', png: 'apple-touch-icon.png', size: 180 },
  { svg: 'maskable.svg', png: 'maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const { svg, png, size } of renders) {
    await page.setViewportSize({ width: size, height: size });
    const source = readFileSync(new URL(svg, dir), 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}"></body></html>`,
    );
    await page.screenshot({ path: new URL(png, dir).pathname, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
