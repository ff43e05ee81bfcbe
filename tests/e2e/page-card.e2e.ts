import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { ClosedPopover } from './support/closed-popover';
import { highlightTexts, pointOfText, type ExtensionBrowser } from './support/extension-browser';
import { highlightNames, sendToTab, setSettings, until } from './support/page-tools';
import { IsolatedWorld } from './support/isolated-world';
import { PageWorlds } from './support/page-worlds';
import type { StaticServer } from './support/static-server';

/** The viewport centre of `text` inside a frame, in the top page's coordinates. */
async function pointOfTextInFrame(page: Page, frame: Frame, frameSelector: string, text: string): Promise<{ x: number; y: number }> {
  const inner = await frame.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`No "${wanted}" in the frame`);
  }, text);
  const origin = await page.evaluate((selector) => {
    const iframe = document.querySelector(selector) as HTMLIFrameElement;
    const rect = iframe.getBoundingClientRect();
    return { x: rect.left + iframe.clientLeft, y: rect.top + iframe.clientTop };
  }, frameSelector);
  return { x: origin.x + inner.x, y: origin.y + inner.y };
}

/** Whether a box lies wholly inside the viewport. */
function expectInside(box: { x: number; y: number; width: number; height: number }, viewport: { width: number; height: number }): void {
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

describe('the page side: text as it renders, a card that stays on screen, frames, trusted input', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = session);
  });

  it('finds names in their own elements, separated only by a space, a line break or a block', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('adjacent-names.html'));
    const expected = [
      'Putin', // <a>Putin</a> <b>met</b>
      'Russia', 'China', 'Belarus', // <span>…</span> <span>…</span>
      'Vladimir Putin', 'Xi Jinping', 'Recep Tayyip Erdoğan', // …<br>…<br>…
      'Putin', 'Xi Jinping', // Putin<span style="display:block">Xi Jinping</span>
      'Moscow', 'Beijing', // table cells
      'Kazakhstan', 'Tajikistan', // list items
      'Astana', 'Dushanbe', // adjacent paragraphs
      'Ukraine', 'Vietnam', // inline-block chips with nothing between them
      'Kim Jong Un', 'Tokayev', 'Lukash\u00ADenko', 'Emomali\u00A0Rahmon', // across tags, <wbr>, soft hyphen, &nbsp;
    ];
    const texts = await until(() => highlightTexts(page), (t) => t.length >= expected.length, 10_000).catch(() => highlightTexts(page));
    expect(texts).toEqual(expected);
    expect(await page.evaluate(() => document.querySelectorAll('mark, [data-backstory]').length)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/adjacent-names.png` });
    await page.close();
  });

  it('loads the card\'s code on the first hover only: a page nobody hovers never runs it', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('middle-name.html'));
    await until(() => highlightTexts(page), (t) => t.includes('Russia'));
    const world = await IsolatedWorld.attach(page);
    const cardLoaded = () => world.evaluate<boolean>('typeof globalThis.backstoryCard === "object"');
    await page.waitForTimeout(500);
    expect(await cardLoaded()).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('backstory-popover').length)).toBe(0);

    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'Russia');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes('Russia') && t.includes('article'));
    expect(await cardLoaded()).toBe(true);
    await page.close();
  });

  for (const viewport of [{ width: 1280, height: 900 }, { width: 1280, height: 768 }, { width: 400, height: 700 }]) {
    it(`keeps a tall card wholly on screen for a name in the middle of a ${viewport.width}×${viewport.height} window`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(server.url('middle-name.html'));
      await until(() => highlightTexts(page), (t) => t.includes('Russia'));
      const popover = await ClosedPopover.attach(page);
      const { x, y } = await pointOfText(page, 'Russia');
      await page.mouse.move(x, y);
      await popover.waitForText((t) => t.includes('Russia') && t.includes('article'));
      await page.waitForTimeout(200);
      expectInside(await popover.box(), viewport);
      // The close button stays in view however long the content is.
      const close = await popover.controlBox('Close');
      expectInside(close, viewport);
      await page.screenshot({ path: `${SCREENSHOTS}/card-middle-${viewport.width}x${viewport.height}.png` });
      // Scrolled through, the name and the close button stay in view.
      const box = await popover.box();
      await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 4 });
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(300);
      expectInside(await popover.controlBox('Close'), viewport);
      expect(await popover.isOpen()).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/card-middle-${viewport.width}x${viewport.height}-scrolled.png` });
      await page.close();
    });
  }

  it('keeps the name of a pinned, scrolled card edge to edge at the top, under the pinned strip', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 768 });
    await page.goto(server.url('middle-name.html'));
    await until(() => highlightTexts(page), (t) => t.includes('Russia'));
    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'Russia');
    await page.mouse.click(x, y);
    await popover.waitForText((t) => t.includes('Russia') && t.includes('article'));
    expect((await popover.dialogAttributes())['data-pinned']).toBe('true');
    const box = await popover.box();
    await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 4 });
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(300);
    // Stuck: flush with the card's 1 px border on three sides, so no scrolled text shows around it.
    const header = await popover.classBox('bs-card__header');
    expect(header.y).toBeCloseTo(box.y + 1, 0);
    expect(header.x).toBeCloseTo(box.x + 1, 0);
    expect(header.x + header.width).toBeCloseTo(box.x + box.width - 1, 0);
    await page.screenshot({ path: `${SCREENSHOTS}/card-pinned-scrolled.png`, clip: { x: box.x - 10, y: box.y - 10, width: box.width + 20, height: 160 } });
    await page.close();
  });

  describe('a name inside a small same-origin frame', () => {
    let page: Page;
    let frame: Frame;
    beforeAll(async () => {
      page = await browser.context.newPage();
      await page.goto(server.url('small-frame.html'));
      frame = page.frame({ url: /small-frame-inner\.html$/u })!;
      await until(() => highlightTexts(frame as unknown as Page), (t) => t.includes('Russia'));
    });
    afterAll(() => page.close());

    it('shows the card in the top document, not clipped by the frame', async () => {
      const popover = await ClosedPopover.attach(page);
      const point = await pointOfTextInFrame(page, frame, '#comments', 'Russia');
      await page.mouse.move(point.x, point.y);
      await popover.waitForText((t) => t.includes('Russia') && t.includes('article'));
      await page.waitForTimeout(200);
      const box = await popover.box();
      expectInside(box, page.viewportSize()!);
      expect(box.height).toBeGreaterThan(150);
      // Next to the name: below it (or above), and starting near it.
      expect(Math.abs(box.x - point.x)).toBeLessThan(200);
      await page.screenshot({ path: `${SCREENSHOTS}/card-from-small-frame.png` });
      await page.mouse.move(3, 3);
      await popover.waitForClosed();
    });

    it('counts the names found in same-origin frames for the popup ("on this page")', async () => {
      const reply = (await sendToTab(browser, page.url(), { type: 'tab.mentions', payload: {} })) as {
        result: { entities: Array<{ text: string; count: number }> };
      };
      const texts = reply.result.entities.map((e) => e.text).sort();
      expect(texts).toEqual(['Belarus', 'Russia']);
    });
  });

  it('on a right-to-left page, an English card reads left to right throughout: name, description and headlines aligned alike', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('edge.html'));
    await until(() => highlightTexts(page), (t) => t.includes('Vladimir Putin'));
    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes('President of Russia') || t.includes('article'));
    await page.waitForTimeout(200);
    const heading = await popover.textBox('Vladimir Putin');
    const card = await popover.box();
    // The heading starts at the left, as the English description and headlines do (border, padding, and room for ×).
    expect(heading.x - card.x).toBeLessThanOrEqual(1 + 16 + 28);
    expect((await popover.dialogAttributes()).dir).toBe('rtl'); // The page's direction still places the card.
    // The close button (at the popover's end: the left here) does not cover the name.
    const close = await popover.controlBox('Close');
    expect(close.x + close.width <= heading.x || close.x >= heading.x + heading.width).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/card-rtl-page.png` });
    await page.close();
  });

  describe('clicks and trust', () => {
    let page: Page;
    let popover: ClosedPopover;
    beforeAll(async () => {
      page = await browser.context.newPage();
      await page.goto(server.url('adjacent-names.html'));
      await until(() => highlightTexts(page), (t) => t.includes('Moscow'));
      popover = await ClosedPopover.attach(page);
    });
    afterAll(() => page.close());

    it('a click on a name before its card has appeared opens it pinned at once', async () => {
      await setSettings(browser, { hoverDelayMs: 1500 });
      await page.waitForTimeout(100);
      const { x, y } = await pointOfText(page, 'Moscow');
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.up();
      await popover.waitForText((t) => t.includes('Pinned') && t.includes('Moscow'), 1000);
      await page.mouse.move(3, 3, { steps: 4 });
      await page.waitForTimeout(800);
      expect(await popover.isOpen()).toBe(true);
      await page.keyboard.press('Escape');
      await popover.waitForClosed();
      await setSettings(browser, { hoverDelayMs: 250 });
    });

    for (const style of ['underline', 'background', 'hover-only'] as const) {
      it(`a page's own synthetic pointer, mouse, touch, focus and key events open nothing and register nothing (${style})`, async () => {
        await setSettings(browser, { highlightStyle: style });
        // The style reaches the page through the background (config.changed, then page.config): wait for its own highlight.
        const expected = { underline: ['backstory-mention-underline'], background: ['backstory-mention'], 'hover-only': [] }[style];
        await until(() => highlightNames(page), (n) => JSON.stringify(n) === JSON.stringify(expected));
        const registered = await highlightNames(page);
        const worlds = await PageWorlds.attach(page);
        const { x, y } = await pointOfText(page, 'Moscow');
        await worlds.main(`(() => {
          const target = document.elementFromPoint(${x}, ${y});
          const init = { clientX: ${x}, clientY: ${y}, bubbles: true, composed: true, pointerType: 'mouse' };
          for (let i = 0; i < 5; i++) target.dispatchEvent(new PointerEvent('pointermove', init));
          target.dispatchEvent(new MouseEvent('mousemove', init));
          target.dispatchEvent(new PointerEvent('pointerdown', init));
          target.dispatchEvent(new MouseEvent('click', init));
          target.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'touch' }));
          target.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
          target.dispatchEvent(new FocusEvent('focus'));
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'N', altKey: true, shiftKey: true, bubbles: true }));
          return true;
        })()`);
        await page.waitForTimeout(900);
        expect(await popover.isOpen()).toBe(false);
        expect(await highlightNames(page)).toEqual(registered);
        if (style === 'hover-only') expect(registered).toEqual([]);
        await worlds.detach();
        // The user's own pointer still works.
        await page.mouse.move(x, y);
        await popover.waitForText((t) => t.includes('Moscow'));
        if (style === 'hover-only') expect(await highlightNames(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await popover.waitForClosed();
        await page.mouse.move(3, 3);
      });
    }

    afterAll(() => setSettings(browser, { highlightStyle: 'background' }));
  });
});
