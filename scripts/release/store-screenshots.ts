/**
 * The store screenshots, taken from the built Chrome extension (.output/chrome-mv3) in
 * Debian's Chromium on the project's own demo page, at the stores' 1280×800; and the
 * Chrome Web Store's small promo tile (440×280), composed from the icon and a real card.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ClosedPopover } from '../../tests/e2e/support/closed-popover';
import { launchExtensionBrowser, pointOfText, waitForHighlights, type ExtensionBrowser } from '../../tests/e2e/support/extension-browser';

/** Both stores take 1280×800 (Chrome also 640×400; addons.mozilla.org shows them scaled). */
export const SCREENSHOT = { width: 1280, height: 800 } as const;
/** Chrome Web Store's small promo tile. */
export const PROMO_TILE = { width: 440, height: 280 } as const;
/** The popup's own size in the toolbar, as it is drawn into the popup screenshot. */
const POPUP = { width: 380, height: 540 } as const;

/**
 * The demo page, served by Playwright from the project's fixtures under a news site's
 * name, so the card's "Turn off Backstory on …" reads as it would for a reader.
 */
const NEWS_SITE = 'https://dailyledger.example';
const NEWS_PAGES = 'tests/e2e/fixtures/pages';
const NEWS_ARTICLE = `${NEWS_SITE}/demo.html`;

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Writes the screenshots into `dir` and returns their file names. */
export async function writeStoreScreenshots(dir: string): Promise<string[]> {
  const browser = await launchExtensionBrowser();
  await browser.context.route(`${NEWS_SITE}/**`, (route) => route.fulfill({ path: join(NEWS_PAGES, new URL(route.request().url()).pathname) }));
  const written: string[] = [];
  const save = async (name: string, png: Buffer) => {
    await writeFile(join(dir, name), png);
    written.push(name);
  };
  try {
    const news = await newsPage(browser, NEWS_ARTICLE, 'light');
    await save('1-card-on-a-news-page.png', await openCard(news, 'Zhang Ming'));
    const card = await news.screenshot({ clip: await cardBox(news) });

    await closeCard(news);
    await news.evaluate(() => scrollTo(0, 0));
    await save('2-popup-search.png', await composePopup(browser, await news.screenshot()));

    const options = await browser.openExtensionPage('options.html');
    await options.setViewportSize(SCREENSHOT);
    await options.getByText('Starter: SCO summit, Astana 2024').waitFor();
    await save('3-options-page.png', await options.screenshot());

    const dark = await newsPage(browser, NEWS_ARTICLE, 'dark');
    await save('4-dark-page.png', await openCard(dark, 'Kassym-Jomart Tokayev', 120));

    await save('promo-tile-440x280.png', await composePromoTile(browser, card));
  } finally {
    await browser.close();
  }
  return written;
}

async function newsPage(browser: ExtensionBrowser, url: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(SCREENSHOT);
  await page.emulateMedia({ colorScheme });
  await page.goto(url);
  await waitForHighlights(page);
  return page;
}

/**
 * Rests the pointer on a name until its card shows its articles, and takes the page.
 * `nameY` scrolls the name that far from the top, to leave the card room below it.
 */
async function openCard(page: Page, name: string, nameY?: number): Promise<Buffer> {
  const popover = await ClosedPopover.attach(page);
  const point = await pointOfText(page, name);
  if (nameY !== undefined) {
    await page.evaluate((dy) => scrollBy(0, dy), point.y - nameY);
    point.y = nameY;
  }
  await page.mouse.move(point.x, point.y);
  await popover.waitForText((text) => text.includes('article'));
  // Let the card's opening transition finish before the picture is taken.
  await page.waitForTimeout(400);
  return page.screenshot();
}

async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(5, SCREENSHOT.height - 5);
  await page.keyboard.press('Escape');
  await (await ClosedPopover.attach(page)).waitForClosed();
}

/** The popup, searching, drawn where the toolbar would open it over the news page. */
async function composePopup(browser: ExtensionBrowser, pageShot: Buffer): Promise<Buffer> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize(POPUP);
  await popup.getByRole('combobox').fill('Astana');
  await popup.getByRole('group', { name: 'Articles' }).waitFor();
  const popupShot = await popup.screenshot();
  await popup.close();
  return compose(browser, SCREENSHOT, `
    <img src="${dataUrl(pageShot)}" style="position:absolute;inset:0;filter:brightness(.92)">
    <img src="${dataUrl(popupShot)}" alt="" style="position:absolute;top:10px;right:16px;border-radius:10px;
      box-shadow:0 12px 36px rgb(0 0 0 / .35),0 0 0 1px rgb(0 0 0 / .12)">`);
}

/** The icon, the name and a real card (`cardShot`, the card alone), on the icon's colours. */
async function composePromoTile(browser: ExtensionBrowser, cardShot: Buffer): Promise<Buffer> {
  const icon = await readFile('public/icon/128.png');
  return compose(browser, PROMO_TILE, `
    <div style="position:absolute;inset:0;background:#24201a"></div>
    <div style="position:absolute;left:20px;top:34px;width:150px;color:#fbf7ee">
      <img src="${dataUrl(icon)}" width="56" height="56" alt="">
      <div style="font:700 25px/1.1 'DejaVu Serif',Georgia,serif;margin-top:14px">Backstory</div>
      <div style="font:500 14px/1.35 system-ui,sans-serif;color:#f3c35a;margin-top:10px">Every name you read, with its backstory</div>
    </div>
    <img src="${dataUrl(cardShot)}" alt="" style="position:absolute;right:18px;top:50%;transform:translateY(-50%);
      max-width:236px;max-height:244px;border-radius:12px;box-shadow:0 10px 28px rgb(0 0 0 / .55)">`);
}

/** Where the open card is on the page: its dialog sits in a closed shadow root, reached through CDP. */
async function cardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  interface Node { backendNodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] }
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const isDialog = (node: Node) => (node.attributes ?? []).some((value, i) => i % 2 === 1 && value === 'dialog' && node.attributes![i - 1] === 'role');
  const find = (node: Node): Node | undefined =>
    isDialog(node) ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
  const dialog = find(root);
  if (!dialog) throw new Error('No card is open');
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: dialog.backendNodeId })) as { model: { border: number[] } };
  await cdp.detach();
  const [x1, y1, x2, , , y3] = model.border as [number, number, number, number, number, number];
  return { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
}

async function compose(browser: ExtensionBrowser, size: { width: number; height: number }, body: string): Promise<Buffer> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><body style="margin:0;overflow:hidden;position:relative;width:${size.width}px;height:${size.height}px">${body}</body>`);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  const png = await page.screenshot();
  await page.close();
  return png;
}
