import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { ClosedPopover } from './support/closed-popover';
import { highlightTexts, pointOfText, waitForHighlights } from './support/extension-browser';


interface Expected {
  mentions: Array<{ text: string; entityId: string }>;
  mustNotMatch: string[];
}

describe('on a news page, with the starter pack', () => {
  let page: Page;
  let popover: ClosedPopover;
  let expected: Expected;

  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });

  beforeAll(async () => {
    expected = JSON.parse(await readFile('tests/e2e/fixtures/pages/demo.expected.json', 'utf8')) as Expected;
    page = await session.browser.context.newPage();
    await page.goto(session.server.url('demo.html'));
    popover = await ClosedPopover.attach(page);
  });

  it('highlights exactly the names the starter pack knows, in document order', async () => {
    await waitForHighlights(page, expected.mentions.length);
    // Let any straggling batch land before comparing.
    await page.waitForTimeout(300);
    const texts = await highlightTexts(page);
    expect(texts).toEqual(expected.mentions.map((m) => m.text));
    for (const word of expected.mustNotMatch) expect(texts).not.toContain(word);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-highlights.png` });
  });

  it('leaves the page DOM alone: no wrapper elements, text unchanged', async () => {
    const wrappers = await page.evaluate(() => document.querySelectorAll('mark, [data-backstory]').length);
    expect(wrappers).toBe(0);
    const host = await page.evaluate(() => document.querySelector('backstory-popover')?.shadowRoot ?? null);
    expect(host).toBeNull();
  });

  it('opens the popover for a hovered name, with its description and the articles that mention it, newest first', async () => {
    const { x, y } = await pointOfText(page, 'Zhang Ming');
    await page.mouse.move(x, y);
    const text = await popover.waitForText((t) => t.includes('Zhang Ming') && t.includes('article'));
    expect(text).toMatch(/Secretary-General/u);
    // Dates are shown in the browser's locale: "Jul 4, 2024" or "4 Jul 2024".
    const dates = [...text.matchAll(/\d{1,2} [A-Z][a-z]{2} 2024|[A-Z][a-z]{2} \d{1,2}, 2024/gu)].map((m) => Date.parse(m[0]));
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const attributes = await popover.dialogAttributes();
    expect(attributes.role).toBe('dialog');
    expect(attributes['aria-labelledby']).toBeTruthy();
    await page.screenshot({ path: `${SCREENSHOTS}/demo-popover.png` });
  });

  it('stays open while the pointer moves onto the popover, and closes on Esc', async () => {
    const { x, y } = await popover.pointOf('Zhang Ming');
    await page.mouse.move(x, y, { steps: 8 });
    await page.waitForTimeout(600);
    expect(await popover.isOpen()).toBe(true);
    await page.keyboard.press('Escape');
    await popover.waitForClosed();
  });

  it('closes when the pointer leaves the name', async () => {
    const name = await pointOfText(page, 'Kazakhstan');
    await page.mouse.move(name.x, name.y);
    await popover.waitForText((t) => t.includes('Kazakhstan'));
    await page.mouse.move(5, 5, { steps: 4 });
    await popover.waitForClosed();
  });

  it('opens nothing over an ordinary word', async () => {
    const word = await pointOfText(page, expected.mustNotMatch[0]!);
    await page.mouse.move(word.x, word.y);
    await page.waitForTimeout(800);
    expect(await popover.isOpen()).toBe(false);
  });

  it('highlights nothing on a page that names no known entity', async () => {
    const plain = await session.browser.context.newPage();
    await plain.goto(session.server.url('plain.html'));
    await plain.waitForTimeout(1500);
    expect(await highlightTexts(plain)).toEqual([]);
    await plain.close();
  });

  it('stops highlighting an entity type the user hides in settings, in the open tab, without reload', async () => {
    const options = await session.browser.openExtensionPage('options.html#/settings');
    await options.getByRole('checkbox', { name: 'Places' }).uncheck();
    await expect.poll(async () => (await highlightTexts(page)).includes('Kazakhstan'), { timeout: 15_000 }).toBe(false);
    const texts = await highlightTexts(page);
    expect(texts).toContain('Vladimir Putin');
    expect(texts).not.toContain('Astana');
    await options.getByRole('checkbox', { name: 'Places' }).check();
    await expect.poll(async () => (await highlightTexts(page)).includes('Kazakhstan'), { timeout: 15_000 }).toBe(true);
    await options.close();
  });
});
