import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { ClosedPopover } from './support/closed-popover';
import { pointOfText, type ExtensionBrowser } from './support/extension-browser';
import { paintedTexts, until } from './support/page-tools';
import type { StaticServer } from './support/static-server';

/** A recipe page with the starter pack: "Turkey", "China" and "India" are countries there. */
describe('ordinary phrases, and names hidden on a site', () => {
  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  let popover: ClosedPopover;

  beforeAll(async () => {
    ({ browser, server } = session);
    page = await browser.context.newPage();
    await page.goto(server.url('recipe.html'));
    await until(() => paintedTexts(page), (t) => t.length >= 2);
    popover = await ClosedPopover.attach(page);
  });

  it('does not highlight a name inside a common phrase, and keeps its real uses', async () => {
    // "Roast Turkey", "Turkey breast", "China plates", "India Pale Ale" are not the countries;
    // "Turkey should rest" (no phrase) and "Turkey and Syria" are.
    expect(await paintedTexts(page)).toEqual(['Turkey', 'Turkey']);
  });

  it('hides a single-candidate name on the site from its card, with Undo in the card', async () => {
    const spot = await pointOfText(page, 'Turkey', 2);
    await page.mouse.move(spot.x, spot.y);
    await popover.waitForText((t) => t.includes("Don't highlight here"));
    expect(await popover.text()).not.toContain('Not this one');

    await popover.click("Don't highlight here");
    const hidden = await popover.waitForText((t) => t.includes('Turkey: hidden on 127.0.0.1'));
    expect(hidden).toContain('Undo');
    await until(() => paintedTexts(page), (t) => !t.includes('Turkey'));
    expect(await popover.isOpen()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/card-after-dismiss.png` });

    await popover.click('Undo');
    await popover.waitForText((t) => t.includes("Don't highlight here") && !t.includes('hidden on'));
    await until(() => paintedTexts(page), (t) => t.filter((n) => n === 'Turkey').length === 2);

    await popover.click("Don't highlight here");
    await popover.waitForText((t) => t.includes('hidden on 127.0.0.1'));
    await page.keyboard.press('Escape');
    await popover.waitForClosed();
    await until(() => paintedTexts(page), (t) => !t.includes('Turkey'));
  });

  it('lists the hidden names in Settings, and Remove brings the name back on the site', async () => {
    const options = await browser.openExtensionPage('options.html#/settings');
    const list = options.getByRole('list', { name: 'Names hidden on 127.0.0.1' });
    await list.waitFor();
    expect(await list.innerText()).toContain('“turkey” as Turkey (Place)');
    await options.getByRole('heading', { name: 'Names hidden on sites' }).scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SCREENSHOTS}/options-dismissed-names.png`, fullPage: true });

    await options.getByRole('button', { name: 'Remove “turkey” as Turkey on 127.0.0.1' }).click();
    await options.getByText('None. "Not this one"').waitFor();
    await until(() => paintedTexts(page), (t) => t.filter((n) => n === 'Turkey').length === 2);
    await options.close();
  });
});
