import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { ClosedPopover } from './support/closed-popover';
import { pointOfText, type ExtensionBrowser } from './support/extension-browser';
import { paintedTexts, until } from './support/page-tools';
import type { StaticServer } from './support/static-server';

describe('related names in the page card', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  let popover: ClosedPopover;

  beforeAll(async () => {
    ({ browser, server } = session);
    page = await browser.context.newPage();
    // Tall enough for the whole card above or below the name (a card taller than the room there is issue 20's item 2).
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(server.url('demo.html'));
    await until(() => paintedTexts(page), (t) => t.length >= 70);
    popover = await ClosedPopover.attach(page);
  });

  it('opens a related name’s card in place, with a way back; mouse and keyboard', async () => {
    const { x, y } = await pointOfText(page, 'Zhang Ming');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes('Secretary-General') && t.includes('Related'));
    const related = await popover.relatedNames();
    expect(related.length).toBeGreaterThan(0);
    const name = related[0]!;

    await popover.click(name);
    const text = await popover.waitForText((t) => t.includes('← Back to Zhang Ming') && !t.includes('Looking up'));
    expect(text).not.toContain('Secretary-General');
    // The dialog is labelled by the new card's heading; focus is on Back, where the keyboard goes on.
    expect(await popover.focusedText()).toBe('← Back to Zhang Ming');
    await page.screenshot({ path: `${SCREENSHOTS}/popover-related-card.png` });
    // Choosing a name pins the card: it stays when the pointer leaves.
    await page.mouse.move(5, 5);
    await page.waitForTimeout(700);
    expect(await popover.isOpen()).toBe(true);

    // Back, from the keyboard: the first card again, with focus on the name it left from.
    await page.keyboard.press('Enter');
    await popover.waitForText((t) => t.includes('Secretary-General') && !t.includes('← Back'));
    expect(await popover.focusedText()).toBe(name);
    // And forward again with Enter on that name.
    await page.keyboard.press('Enter');
    await popover.waitForText((t) => t.includes('← Back to Zhang Ming') && !t.includes('Looking up'));
    await page.keyboard.press('Escape');
    await popover.waitForClosed();
  });
});
