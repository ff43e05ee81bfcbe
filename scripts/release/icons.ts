/**
 * `npm run icons`: renders store/icon.svg into the PNG sizes the browsers and stores use
 * (public/icon/<size>.png, which WXT puts in the manifest). The PNGs are committed, so a
 * build does not depend on this machine's fonts; run this again after changing the SVG.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../tests/e2e/support/extension-browser';

const ICON_SIZES_PX = [16, 32, 48, 96, 128] as const;

const svg = await readFile('store/icon.svg', 'utf8');
await mkdir('public/icon', { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--disable-gpu', '--no-sandbox'] });
for (const size of ICON_SIZES_PX) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.info(`Wrote public/icon/{${ICON_SIZES_PX.join(',')}}.png`);
