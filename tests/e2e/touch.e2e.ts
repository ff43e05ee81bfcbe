import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClosedPopover } from './support/closed-popover';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { waitForHighlights } from './support/extension-browser';
import { highlightNames, setSettings, until } from './support/page-tools';

const PHONE = { width: 360, height: 740 };
const TABLET = { width: 820, height: 1180 };
const COARSE_POINTER = '--blink-settings=primaryPointerType=2,availablePointerTypes=2,primaryHoverType=1,availableHoverTypes=1';

/** The viewport rect of the n-th occurrence of `text` on the page, where it is now (no scrolling). */
async function rectOfText(page: Page, text: string, occurrence = 0) {
  const rect = await page.evaluate(
    ({ wanted, index }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let at = (node as Text).data.indexOf(wanted); at >= 0; at = (node as Text).data.indexOf(wanted, at + 1)) {
          if (seen++ !== index) continue;
          const range = new Range();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const { top, bottom, left, right } = range.getClientRects()[0]!;
          return { top, bottom, left, right, x: (left + right) / 2, y: (top + bottom) / 2 };
        }
      }
      return undefined;
    },
    { wanted: text, index: occurrence },
  );
  if (!rect) throw new Error(`"${text}" is not on the page`);
  return rect;
}

/** Scrolls so that the element `selector` starts `y` px from the top of the viewport. */
async function scrollElementTo(page: Page, selector: string, y: number): Promise<void> {
  await page.evaluate(
    ({ selector: s, y: at }) => window.scrollBy({ top: document.querySelector(s)!.getBoundingClientRect().top - at, behavior: 'instant' }),
    { selector, y },
  );
}

/** A finger drag from (x, y) down by `distance` px, through the DevTools protocol (Playwright only taps). */
async function swipeDown(cdp: CDPSession, x: number, y: number, distance: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 6; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (distance * step) / 6 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('on a touch screen', () => {
  const session = useE2eSession({
    pages: ['tests/e2e/fixtures/pages'],
    // Playwright's touch emulation makes web pages coarse-pointered but not extension pages
    // (the popup, the options page): Blink's own settings do it for every page.
    launch: () => ({ viewport: PHONE, hasTouch: true, isMobile: true, args: [COARSE_POINTER] }),
  });
  let page: Page;
  let popover: ClosedPopover;
  let cdp: CDPSession;

  beforeAll(async () => {
    page = await session.browser.context.newPage();
    await page.goto(session.server.url('touch.html'));
    await waitForHighlights(page, 3);
    popover = await ClosedPopover.attach(page);
    cdp = await page.context().newCDPSession(page);
  });

  afterAll(async () => {
    await cdp?.detach();
  });

  it('a tap on a name opens its card as a bottom sheet across a phone screen, under the name, with large targets', async () => {
    const name = await rectOfText(page, 'Astana');
    await page.touchscreen.tap(name.x, name.y);
    await popover.waitForText((t) => t.includes('Astana') && t.includes('article'));
    expect(await popover.dialogAttributes()).toMatchObject({ 'data-layout': 'sheet', 'data-pinned': 'true' });
    const sheet = await popover.box();
    expect(sheet.x).toBe(0);
    expect(sheet.width).toBe(PHONE.width);
    expect(sheet.y).toBeGreaterThan(0);
    expect(sheet.y + sheet.height).toBeCloseTo(PHONE.height, 0);
    expect((await rectOfText(page, 'Astana')).bottom).toBeLessThanOrEqual(sheet.y);
    const close = await popover.controlBox('Close');
    expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(44);
    // Nothing runs off the side: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Focus moved into the card, so it is next in the Tab order.
    expect(await popover.hasFocus()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/touch-phone-sheet.png` });
  });

  it('a tap outside (above the sheet) closes it', async () => {
    const outside = await rectOfText(page, 'The Pocket Ledger');
    await page.touchscreen.tap(outside.x, outside.y);
    await popover.waitForClosed();
  });

  it('scrolls a name low on the screen up above the sheet, and a swipe down closes the sheet', async () => {
    await scrollElementTo(page, '#low', PHONE.height - 90);
    const before = await rectOfText(page, 'Vladimir Putin');
    expect(before.bottom).toBeGreaterThan(PHONE.height * 0.6);
    await page.touchscreen.tap(before.x, before.y);
    await popover.waitForText((t) => t.includes('Putin') && t.includes('article'));
    const sheet = await popover.box();
    const after = await rectOfText(page, 'Vladimir Putin');
    expect(after.top).toBeGreaterThan(0);
    expect(after.bottom).toBeLessThanOrEqual(sheet.y);
    await page.screenshot({ path: `${SCREENSHOTS}/touch-phone-sheet-scrolled.png` });

    await swipeDown(cdp, PHONE.width / 2, sheet.y + 20, 160);
    await popover.waitForClosed();
  });

  it('a swipe too short to close leaves the sheet open, back in place', async () => {
    const name = await rectOfText(page, 'Vladimir Putin');
    await page.touchscreen.tap(name.x, name.y);
    await popover.waitForText((t) => t.includes('Putin') && t.includes('article'));
    const sheet = await popover.box();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 180, y: sheet.y + 20 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 180, y: sheet.y + 35 }] });
    await page.waitForTimeout(300);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 180, y: sheet.y + 50 }] });
    await page.waitForTimeout(300);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(200);
    expect(await popover.isOpen()).toBe(true);
    expect((await popover.box()).y).toBeCloseTo(sheet.y, 0);
    await popover.click('×');
    await popover.waitForClosed();
  });

  it('a name in a link: the first tap opens its card and stays on the page; a second tap follows the link', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const first = await rectOfText(page, 'Xi Jinping');
    await page.touchscreen.tap(first.x, first.y);
    await popover.waitForText((t) => t.includes('Xi Jinping') && t.includes('article'));
    expect(new URL(page.url()).hash).toBe('');
    const again = await rectOfText(page, 'Xi Jinping');
    await page.touchscreen.tap(again.x, again.y);
    await until(async () => new URL(page.url()).hash, (hash) => hash === '#profile-page');
    await popover.waitForClosed();
  });

  it('"only under the pointer": nothing is painted or registered until a tap, which opens the card', async () => {
    await setSettings(session.browser, { highlightStyle: 'hover-only' });
    await until(() => highlightNames(page), (names) => names.length === 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const name = await rectOfText(page, 'Astana');
    await page.touchscreen.tap(name.x, name.y);
    await popover.waitForText((t) => t.includes('Astana') && t.includes('article'));
    expect(await highlightNames(page)).toEqual([]);
    await popover.click('×');
    await popover.waitForClosed();
    await setSettings(session.browser, { highlightStyle: 'background' });
  });

  it('on a tablet the card floats beside the name, with large targets', async () => {
    const tablet = await session.browser.context.newPage();
    await tablet.setViewportSize(TABLET);
    await tablet.goto(session.server.url('touch.html'));
    await waitForHighlights(tablet, 3);
    const card = await ClosedPopover.attach(tablet);
    const name = await rectOfText(tablet, 'Astana');
    await tablet.touchscreen.tap(name.x, name.y);
    await card.waitForText((t) => t.includes('Astana') && t.includes('article'));
    expect(await card.dialogAttributes()).not.toHaveProperty('data-layout');
    const box = await card.box();
    expect(box.width).toBeLessThanOrEqual(380);
    expect(box.y).toBeGreaterThanOrEqual(name.bottom);
    expect(box.y + box.height).toBeLessThan(TABLET.height - 8);
    const close = await card.controlBox('Close');
    expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(44);
    await tablet.screenshot({ path: `${SCREENSHOTS}/touch-tablet-card.png` });
    await tablet.close();
  });

  for (const [name, path] of [['popup', 'popup.html'], ['options', 'options.html']] as const) {
    it(`the ${name} page fits 360 px with touch: nothing runs off the side, every control is at least 44 px tall`, async () => {
      const extensionPage = await session.browser.openExtensionPage(path);
      await extensionPage.waitForLoadState('networkidle');
      expect(await extensionPage.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      expect(await extensionPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await smallTargets(extensionPage)).toEqual([]);
      await extensionPage.screenshot({ path: `${SCREENSHOTS}/touch-${name}-360.png`, fullPage: true });
      // Every section of the options page, each as a user reaches it: a tap on its tab.
      const sections = name === 'options' ? await extensionPage.locator('.nav a').allTextContents() : [];
      const problems: string[] = [];
      for (const section of sections.slice(1)) {
        await extensionPage.locator('.nav a', { hasText: section }).tap();
        await extensionPage.waitForTimeout(600);
        const width = await extensionPage.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) problems.push(`${section}: ${width} px wide`);
        problems.push(...(await smallTargets(extensionPage)).map((t) => `${section}: ${t}`));
        await extensionPage.screenshot({ path: `${SCREENSHOTS}/touch-options-360-${section.toLowerCase().replaceAll(' ', '-')}.png`, fullPage: true });
      }
      expect(problems).toEqual([]);
      await extensionPage.close();
    });
  }
});

/** Visible controls shorter than 44 px or wider than the viewport, named for the failure message. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"], [role="tab"], [role="option"]');
    const out: string[] = [];
    for (const control of controls) {
      const rect = control.getBoundingClientRect();
      // Visually hidden controls (a file input behind its button) are not targets.
      if (rect.width <= 1 || rect.height <= 1 || getComputedStyle(control).visibility === 'hidden') continue;
      // A checkbox or radio counts with its label, which takes the tap too.
      const target = (control instanceof HTMLInputElement && /checkbox|radio/u.test(control.type) && control.closest('label')) || control;
      const box = target.getBoundingClientRect();
      const label = (control.getAttribute('aria-label') ?? control.textContent ?? control.getAttribute('type') ?? '').trim().slice(0, 40);
      if (box.height < 43.5) out.push(`${control.tagName.toLowerCase()} "${label}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      else if (box.right > innerWidth + 0.5) out.push(`${control.tagName.toLowerCase()} "${label}" runs off the side`);
    }
    return out;
  });
}
