import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { highlightTexts } from './support/extension-browser';
import { paintedTexts, sendToTab, until } from './support/page-tools';

/** Every part of long-read.html names these three, in this order. */
const PER_PART = ['Astana', 'Kazakhstan', 'Belarus'];

/** What a scan of the whole page finds, in document order. */
async function wholePage(page: Page): Promise<string[]> {
  const parts = await page.evaluate(() => (window as unknown as { partsInStory: number }).partsInStory);
  return Array.from({ length: parts }, () => PER_PART).flat();
}

/** Waits until the page script has been quiet for a while (no new highlights), and returns what is painted. */
async function settled(page: Page): Promise<string[]> {
  let last = -1;
  for (;;) {
    const texts = await paintedTexts(page);
    if (texts.length === last) return texts;
    last = texts.length;
    await page.waitForTimeout(700);
  }
}

describe('a long page is read as far as the reader can see, the rest as the reader gets near it', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });

  it('highlights the first screens only, then each part as the reader scrolls down to it, exactly as a whole-page scan would', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('long-read.html'));
    const html = await page.evaluate(() => document.body.innerHTML);
    const expected = await wholePage(page);
    await until(() => paintedTexts(page), (t) => t.length >= 3);
    const first = await settled(page);
    expect(first.length).toBeGreaterThan(3);
    expect(first.length).toBeLessThan(expected.length / 2);

    // The reader scrolls down the page with the wheel.
    await page.mouse.move(640, 400);
    for (let y = 0; ; y += 600) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(60);
      const atEnd = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2);
      if (atEnd || y > 100_000) break;
    }
    expect(await until(() => highlightTexts(page), (t) => t.length === expected.length)).toEqual(expected);
    await page.screenshot({ path: `${SCREENSHOTS}/long-read-scrolled.png` });
    // Highlighting never touched the page's own DOM.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
    await page.close();
  });

  it('a page opened at its end (a link to a section) reads everything above it too', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.url('long-read.html')}#end`);
    const expected = await wholePage(page);
    expect(await until(() => highlightTexts(page), (t) => t.length === expected.length)).toEqual(expected);
    await page.close();
  });

  it('a jump to the end after the first screens (the End key) reads the rest', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('long-read.html'));
    const expected = await wholePage(page);
    expect((await until(() => paintedTexts(page), (t) => t.length >= 3)).length).toBeLessThan(expected.length);
    await settled(page);
    await page.keyboard.press('End');
    expect(await until(() => highlightTexts(page), (t) => t.length === expected.length)).toEqual(expected);
    await page.close();
  });

  it('the popup’s "on this page" counts every name of the page, read or not yet', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('long-read.html'));
    const expected = await wholePage(page);
    await until(() => paintedTexts(page), (t) => t.length >= 3);
    expect((await settled(page)).length).toBeLessThan(expected.length);
    const reply = (await sendToTab(session.browser, page.url(), { type: 'tab.mentions', payload: {} })) as {
      result: { entities: Array<{ text: string; count: number }> };
    };
    const counts = Object.fromEntries(reply.result.entities.map((e) => [e.text, e.count]));
    for (const name of PER_PART) expect(counts[name]).toBe(expected.length / PER_PART.length);
    // …and the rest of the page is painted too, not only counted.
    expect(await highlightTexts(page)).toEqual(expected);
    await page.close();
  });
});
