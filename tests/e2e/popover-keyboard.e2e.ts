import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { markedText } from './support/closed-marks';
import { ClosedPopover } from './support/closed-popover';
import { pointOfText } from './support/extension-browser';
import { highlightNames, paintedTexts, sendToTab, setSettings, until } from './support/page-tools';

const AMBIGUOUS_PACK = 'tests/e2e/fixtures/packs/ambiguous.pack.json';

/** The mention under the keyboard's focus mark. */
const focusedText = (page: Page) => markedText(page, 'focus');

describe('the popover and the keyboard', () => {
  let page: Page;
  let popover: ClosedPopover;

  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });

  beforeAll(async () => {
    page = await session.browser.context.newPage();
    await page.goto(session.server.url('demo.html'));
    await until(() => paintedTexts(page), (t) => t.length >= 70);
    popover = await ClosedPopover.attach(page);
  });

  it('declares the step commands, rebindable in chrome://extensions/shortcuts', async () => {
    const commands = await session.browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name: string }>> } } }).chrome.commands.getAll(),
    );
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['next-mention', 'previous-mention']));
  });

  it('steps through mentions from the keyboard with a visible focus mark; Enter opens, Esc closes and gives focus back', async () => {
    // Headless Chromium does not route extension shortcuts, so the test sends what the
    // command handler sends to the tab ('mention.step'), from the service worker.
    const step = (direction: 'next' | 'previous') => sendToTab(session.browser, page.url(), { type: 'mention.step', payload: { direction } });
    await page.evaluate(() => window.scrollTo(0, 0));
    await step('next');
    const first = await until(() => focusedText(page), (t) => t !== undefined);
    await step('next');
    const second = await until(() => focusedText(page), (t) => t !== first);
    await step('previous');
    expect(await until(() => focusedText(page), (t) => t === first)).toBe(first);
    await step('next');
    await step('next');
    await until(() => focusedText(page), (t) => t !== second && t !== first);
    await page.screenshot({ path: `${SCREENSHOTS}/keyboard-focus-mark.png` });

    await page.keyboard.press('Enter');
    const focused = (await focusedText(page))!;
    await popover.waitForText((t) => t.includes('article'));
    expect(await popover.hasFocus()).toBe(true);
    expect(await popover.text()).toContain('Pinned');
    await page.screenshot({ path: `${SCREENSHOTS}/keyboard-popover.png` });
    // Tab moves within the popover's controls; focus stays with us.
    await page.keyboard.press('Tab');
    expect(await popover.hasFocus()).toBe(true);

    await page.keyboard.press('Escape');
    await popover.waitForClosed();
    expect(await popover.hasFocus()).toBe(false);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await focusedText(page)).toBe(focused);
    await page.keyboard.press('Escape');
    await until(() => focusedText(page), (t) => t === undefined);
  });

  it('leaves Enter alone when the user is typing or nothing is marked', async () => {
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      document.body.prepend(input);
    });
    await sendToTab(session.browser, page.url(), { type: 'mention.step', payload: { direction: 'next' } });
    await until(() => focusedText(page), (t) => t !== undefined);
    await page.focus('#typing');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await popover.isOpen()).toBe(false);
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.getElementById('typing')!.remove());
  });

  it('waits for the hover delay setting before opening, and never takes focus on hover', async () => {
    await setSettings(session.browser, { hoverDelayMs: 900 });
    await page.waitForTimeout(100);
    const { x, y } = await pointOfText(page, 'Kazakhstan');
    await page.mouse.move(x, y);
    await page.waitForTimeout(450);
    expect(await popover.isOpen()).toBe(false);
    await popover.waitForText((t) => t.includes('Kazakhstan'));
    expect(await popover.hasFocus()).toBe(false);
    await setSettings(session.browser, { hoverDelayMs: 250 });
    await page.mouse.move(3, 3);
    await popover.waitForClosed();
  });

  it('pins on click: stays when the pointer leaves, until an outside click', async () => {
    const { x, y } = await pointOfText(page, 'Zhang Ming');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes('Secretary-General'));
    const box = await popover.box();
    await page.mouse.move(box.x + 20, box.y + 12, { steps: 5 });
    await page.mouse.down();
    await page.mouse.up();
    await popover.waitForText((t) => t.includes('Pinned'));
    await page.mouse.move(3, 3, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await popover.isOpen()).toBe(true);
    await page.mouse.click(3, 400);
    await popover.waitForClosed();
  });

  it('closes a pinned popover with its close button', async () => {
    const { x, y } = await pointOfText(page, 'Zhang Ming');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes('Secretary-General'));
    await page.mouse.down();
    await page.mouse.up();
    await popover.waitForText((t) => t.includes('Pinned'));
    await popover.click('×');
    await popover.waitForClosed();
  });

  it('shows old articles "as of" their date, and "N more" opens the entity’s page in the library', async () => {
    const { x, y } = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(x, y);
    const text = await popover.waitForText((t) => t.includes('more articles'));
    // The starter pack is from July 2024: over a year old.
    expect(text).toMatch(/as of/u);
    const more = /(\d+) more articles/u.exec(text)!;
    const [library] = await Promise.all([session.browser.context.waitForEvent('page'), popover.click(`${more[1]} more articles`)]);
    await library.waitForLoadState();
    expect(library.url()).toMatch(/\/options\.html#\/entities\/[^/]+$/u);
    await library.getByRole('heading', { level: 2, name: 'Vladimir Putin' }).waitFor();
    await library.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await popover.waitForClosed();
  });

  it('a card opened by a click takes focus (next in the Tab order, not last on the page); Esc gives it back to the name, or to the link the name is in', async () => {
    const article = await session.browser.context.newPage();
    await article.goto(session.server.url('touch.html'));
    await until(() => paintedTexts(article), (t) => t.includes('Astana') && t.includes('Xi Jinping'));
    const card = await ClosedPopover.attach(article);

    // A name in plain text: nothing there can take focus, so it takes the keyboard's mark.
    const astana = await pointOfText(article, 'Astana');
    await article.mouse.click(astana.x, astana.y);
    await card.waitForText((t) => t.includes('article'));
    expect(await card.hasFocus()).toBe(true);
    await article.keyboard.press('Tab');
    expect(await card.hasFocus()).toBe(true);
    expect(await card.focusedText()).not.toBe('');
    await article.keyboard.press('Escape');
    await card.waitForClosed();
    expect(await markedText(article, 'focus')).toBe('Astana');
    // Enter reopens it from there, as after stepping to it from the keyboard.
    await article.keyboard.press('Enter');
    await card.waitForText((t) => t.includes('Astana') && t.includes('article'));
    await article.keyboard.press('Escape');
    await card.waitForClosed();
    await article.keyboard.press('Escape');

    // A name in a link: the click follows the link as before, and Esc hands focus back to it.
    const xi = await pointOfText(article, 'Xi Jinping');
    await article.mouse.click(xi.x, xi.y);
    await card.waitForText((t) => t.includes('Xi Jinping') && t.includes('article'));
    expect(new URL(article.url()).hash).toBe('#profile-page');
    expect(await card.hasFocus()).toBe(true);
    await article.keyboard.press('Escape');
    await card.waitForClosed();
    expect(await article.evaluate(() => document.activeElement?.id)).toBe('profile');
    await article.close();
  });

  it('reveals a mention for the popup ("on this page"), with the popover open', async () => {
    const reply = (await sendToTab(session.browser, page.url(), { type: 'tab.mentions', payload: {} })) as {
      ok: boolean;
      result: { entities: Array<{ entityKey: string; count: number; text: string }>; enabled: boolean };
    };
    expect(reply.ok).toBe(true);
    expect(reply.result.enabled).toBe(true);
    const zhang = reply.result.entities.find((e) => e.text === 'Zhang Ming')!;
    expect(zhang.count).toBeGreaterThan(0);
    const counts = reply.result.entities.map((e) => e.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);

    expect(await sendToTab(session.browser, page.url(), { type: 'tab.reveal', payload: { entityKey: zhang.entityKey } })).toEqual({
      ok: true,
      result: { found: true },
    });
    await popover.waitForText((t) => t.includes('Secretary-General'));
    expect(await until(() => focusedText(page), (t) => t === 'Zhang Ming')).toBe('Zhang Ming');
    await page.keyboard.press('Escape');
    await popover.waitForClosed();
    await page.keyboard.press('Escape');
  });

  it('stays on screen at a viewport corner, matches a dark page, and follows right-to-left text', async () => {
    const edge = await session.browser.context.newPage();
    await edge.goto(session.server.url('edge.html'));
    await until(() => paintedTexts(edge), (t) => t.length >= 3);
    const edgePopover = await ClosedPopover.attach(edge);
    const viewport = edge.viewportSize()!;

    const corner = await pointOfText(edge, 'Zhang Ming');
    await edge.mouse.move(corner.x, corner.y);
    await edgePopover.waitForText((t) => t.includes('Secretary-General'));
    const box = await edgePopover.box();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThan(corner.y); // flipped above the name
    expect((await edgePopover.dialogAttributes())['data-theme']).toBe('dark');
    await edge.screenshot({ path: `${SCREENSHOTS}/popover-corner-dark.png` });
    await edge.keyboard.press('Escape');
    await edgePopover.waitForClosed();

    const rtl = await pointOfText(edge, 'Vladimir Putin');
    await edge.mouse.move(rtl.x, rtl.y);
    await edgePopover.waitForText((t) => t.includes('Putin') && t.includes('article'));
    expect((await edgePopover.dialogAttributes()).dir).toBe('rtl');
    await edge.screenshot({ path: `${SCREENSHOTS}/popover-rtl.png` });
    await edge.close();
  });

  it('offers the candidates of an ambiguous name, and remembers "not this one" for the site', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await options.locator('input[type=file]').setInputFiles(AMBIGUOUS_PACK);
    await until(() => options.getByRole('status').innerText(), (t) => t.includes('Imported Two Jordans'));
    await options.close();

    const jordan = await session.browser.context.newPage();
    await jordan.goto(session.server.url('ambiguous.html'));
    await until(() => paintedTexts(jordan), (t) => t.length >= 2);
    const jordanPopover = await ClosedPopover.attach(jordan);
    const spot = await pointOfText(jordan, 'Jordan');
    await jordan.mouse.move(spot.x, spot.y);
    const text = await jordanPopover.waitForText((t) => t.includes('may refer to 2 entries'));
    expect(text).toContain('Michael Jordan');
    expect(text).toContain('Country in Western Asia');
    await jordan.screenshot({ path: `${SCREENSHOTS}/popover-ambiguous.png` });

    // The country is listed first or second; dismiss it wherever it is.
    const countryFirst = text.indexOf('Country in Western Asia') < text.indexOf('Michael Jordan');
    await jordanPopover.click('Not this one', countryFirst ? 0 : 1);
    // The card stays, pinned, with the country replaced by what happened and an Undo.
    const hidden = await jordanPopover.waitForText((t) => t.includes('Jordan: hidden on 127.0.0.1 · Undo'));
    expect(hidden).toContain('Michael Jordan');
    // One candidate left: no "may refer to 2 entries" over it.
    expect(hidden).not.toContain('may refer to');
    await jordan.screenshot({ path: `${SCREENSHOTS}/popover-ambiguous-after-dismiss.png` });
    await jordan.keyboard.press('Escape');
    await jordanPopover.waitForClosed();
    await jordan.waitForTimeout(300);
    await jordan.mouse.move(3, 3);
    await jordan.mouse.move(spot.x, spot.y, { steps: 3 });
    const after = await jordanPopover.waitForText((t) => t.includes('Michael Jordan'));
    expect(after).not.toContain('may refer to');
    await jordan.keyboard.press('Escape');

    await jordan.reload();
    await until(() => paintedTexts(jordan), (t) => t.length >= 2);
    const again = await pointOfText(jordan, 'Jordan');
    await jordan.mouse.move(again.x, again.y);
    const reloaded = await jordanPopover.waitForText((t) => t.includes('Michael Jordan'));
    expect(reloaded).not.toContain('Country in Western Asia');
    await jordan.close();
  });

  it('turns Backstory off for the site from the popover', async () => {
    await page.bringToFront();
    const { x, y } = await pointOfText(page, 'Zhang Ming');
    await page.mouse.move(x, y);
    await popover.waitForText((t) => t.includes('Turn off Backstory on 127.0.0.1'));
    await popover.click('Turn off Backstory on 127.0.0.1');
    await until(() => highlightNames(page), (n) => n.length === 0);
    const settings = await session.browser.serviceWorker.evaluate(async () => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { disabledSites: string[] }>> } } } }).chrome.storage.local;
      return (await local.get('settings')).settings;
    });
    expect(settings?.disabledSites).toEqual(['127.0.0.1']);
    await setSettings(session.browser, { disabledSites: [] });
    await until(() => paintedTexts(page), (t) => t.length >= 70);
  });
});
