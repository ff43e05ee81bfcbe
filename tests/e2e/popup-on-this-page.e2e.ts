import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { ClosedPopover } from './support/closed-popover';
import { highlightTexts, waitForHighlights } from './support/extension-browser';
import { setSettings } from './support/page-tools';
import { PopupPage } from './support/popup-page';


interface Expected {
  mentions: Array<{ text: string; entityId: string }>;
}

/** Most mentioned first, as the popup lists them: [entity name, count]. */
async function expectedCounts(): Promise<Array<[string, number]>> {
  const expected = JSON.parse(await readFile('tests/e2e/fixtures/pages/demo.expected.json', 'utf8')) as Expected;
  const pack = JSON.parse(await readFile('public/packs/starter.pack.json', 'utf8')) as { entities: Array<{ id: string; name: string }> };
  const names = new Map(pack.entities.map((e) => [e.id, e.name]));
  const counts = new Map<string, number>();
  for (const m of expected.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return [...counts].map(([id, n]): [string, number] => [names.get(id)!, n]).sort((a, b) => b[1] - a[1]);
}

describe('toolbar popup: on this page', () => {
  let page: Page;
  let popup: PopupPage;

  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });

  beforeAll(async () => {
    page = await session.browser.context.newPage();
    await page.goto(session.server.url('demo.html'));
    await waitForHighlights(page, 70);
    popup = await PopupPage.open(session.browser, { about: page });
  });

  it('lists the names found on the page with their mention counts, most mentioned first', async () => {
    const counts = await expectedCounts();
    const group = popup.page.getByRole('group', { name: 'On this page' });
    await expect.poll(() => group.getByRole('option').count()).toBe(counts.length);
    const rows = await group.getByRole('option').allInnerTexts();
    const top = counts[0]!;
    expect(rows[0]).toContain(top[0]);
    expect(rows[0]).toContain(`${top[1]}×`);
    // Every entity once, with its count.
    for (const [name, n] of counts) expect(rows.some((r) => r.includes(name) && r.includes(`${n}×`))).toBe(true);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.page.emulateMedia({ colorScheme });
      await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-on-this-page-${colorScheme}.png` });
    }
    await popup.page.emulateMedia({ colorScheme: 'light' });
  });

  it('reveals a name on the page: scrolls to its first mention and opens its popover', async () => {
    const option = popup.page.getByRole('group', { name: 'On this page' }).getByRole('option').filter({ hasText: 'Zhang Ming' });
    const id = await option.getAttribute('id');
    await popup.search.focus();
    while ((await popup.activeId()) !== id) await popup.page.keyboard.press('ArrowDown');
    await popup.page.keyboard.press('Enter');
    const popover = await ClosedPopover.attach(page);
    await popover.waitForText((text) => text.includes('Zhang Ming') && text.includes('Secretary-General'));
    const visible = await page.evaluate(() => {
      const ranges = [...((globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights.get('backstory-mention') ?? [])];
      const zhang = ranges.find((r) => r.toString() === 'Zhang Ming')!.getBoundingClientRect();
      return zhang.top >= 0 && zhang.bottom <= innerHeight;
    });
    expect(visible).toBe(true);
  });

  it('says when the page has more names than the highlight cap, instead of stopping the counts without a word', async () => {
    const group = popup.page.getByRole('group', { name: 'On this page' });
    // The demo page has more than 70 mentions: under the full cap, nothing to say.
    await expect.poll(() => group.getByRole('option').count()).toBeGreaterThan(0);
    expect(await popup.page.getByRole('status').filter({ hasText: 'More names than shown' }).count()).toBe(0);
    await setSettings(session.browser, { highlightCap: 10 });
    try {
      const capped = await session.browser.context.newPage();
      await capped.goto(session.server.url('demo.html'));
      await waitForHighlights(capped, 10);
      const cappedPopup = await PopupPage.open(session.browser, { about: capped });
      const note = cappedPopup.page.getByRole('status').filter({ hasText: 'More names than shown' });
      await expect.poll(() => note.innerText()).toContain('counted up to 10');
      expect(await note.innerText()).toContain('Most names highlighted on one page');
      await cappedPopup.page.screenshot({ path: `${SCREENSHOTS}/popup-on-this-page-capped.png` });
      await cappedPopup.page.close();
      await capped.close();
    } finally {
      await setSettings(session.browser, { highlightCap: 2000 });
    }
  });

  it('switches Backstory off for the site: the page loses its highlights and the popup says so', async () => {
    const siteSwitch = popup.page.getByRole('switch', { name: 'On 127.0.0.1' });
    expect(await siteSwitch.isChecked()).toBe(true);
    await siteSwitch.click();
    await expect.poll(() => popup.page.getByRole('status').innerText()).toContain('Off on 127.0.0.1');
    await expect.poll(() => highlightTexts(page)).toEqual([]);
    await popup.page.screenshot({ path: `${SCREENSHOTS}/popup-site-off.png` });
    await siteSwitch.click();
    expect(await siteSwitch.isChecked()).toBe(true);
  });
});
