import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { ClosedPopover } from './support/closed-popover';
import { pointOfText } from './support/extension-browser';
import { highlightNames, paintedTexts, sendToTab, setSettings, until } from './support/page-tools';


describe('on every kind of page: frames, shadow DOM, dynamic content, site controls', () => {

  const session = useE2eSession({ pages: ['tests/e2e/fixtures/pages'] });


  describe('what is scanned', () => {
    let page: Page;
    beforeAll(async () => {
      page = await session.browser.context.newPage();
      await page.goto(session.server.url('coverage.html'));
    });
    afterAll(() => page.close());

    it('scans the page and open shadow roots; not fields, editable text, hidden text, code, scripts or closed shadow roots', async () => {
      const texts = await until(() => paintedTexts(page), (t) => t.includes('Tajikistan'));
      expect(texts).toEqual(['Kazakhstan', 'Tajikistan']);
    });

    it('reads what a click shows: an opened <details>, a panel losing [hidden], a tab shown by its class', async () => {
      const revealed = await session.browser.context.newPage();
      try {
        await revealed.goto(session.server.url('reveal.html'));
        expect(await until(() => paintedTexts(revealed), (t) => t.includes('Astana'))).toEqual(['Astana']);
        await revealed.getByText('Read more').click();
        await revealed.getByRole('button', { name: 'Show the delegations' }).click();
        await revealed.getByRole('button', { name: 'Second tab' }).click();
        const shown = await until(() => paintedTexts(revealed), (t) => t.length === 4);
        expect([...shown].sort()).toEqual(['Astana', 'Belarus', 'Kassym-Jomart Tokayev', 'Xi Jinping']);
      } finally {
        await revealed.close();
      }
    });

    it('scans same-origin and srcdoc frames, each with its own highlights', async () => {
      const child = page.frame({ url: /coverage-frame\.html$/u })!;
      expect(await until(() => paintedTexts(child), (t) => t.length > 0)).toEqual(['Astana']);
      const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc')!;
      expect(await until(() => paintedTexts(srcdoc), (t) => t.length > 0)).toEqual(['Vietnam']);
      await page.screenshot({ path: `${SCREENSHOTS}/coverage-frames-shadow.png` });
    });

    it('opens the popover for a name inside an open shadow root', async () => {
      const popover = await ClosedPopover.attach(page);
      const box = await page.evaluate(() => {
        const span = document.getElementById('open-host')!.shadowRoot!.querySelector('span')!;
        const r = span.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.move(box.x, box.y);
      await popover.waitForText((t) => t.includes('Tajikistan') && t.includes('article'));
      await page.keyboard.press('Escape');
      await popover.waitForClosed();
    });

    it('scans code blocks once the scanCodeBlocks setting is on, live', async () => {
      await setSettings(session.browser, { scanCodeBlocks: true });
      expect(await until(() => paintedTexts(page), (t) => t.length === 3)).toEqual(['Kazakhstan', 'Tajikistan', 'Ukraine']);
      await setSettings(session.browser, { scanCodeBlocks: false });
      await until(() => paintedTexts(page), (t) => !t.includes('Ukraine'));
    });

    it('hover-only reveals nothing before the user’s own pointer rests on a name: no highlights, hosts, stylesheets or marks', async () => {
      await setSettings(session.browser, { highlightStyle: 'hover-only' });
      const fresh = await session.browser.context.newPage();
      try {
        await fresh.goto(session.server.url('coverage.html'));
        const popover = await ClosedPopover.attach(fresh);
        const box = await fresh.evaluate(() => {
          const r = document.getElementById('open-host')!.shadowRoot!.querySelector('span')!.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        });
        // The page is scanned (the name under the pointer opens at once below); let it finish.
        await fresh.waitForTimeout(1500);
        const visible = () =>
          fresh.evaluate(() => ({
            highlights: [...CSS.highlights.keys()],
            hosts: [...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('backstory')),
            shadowSheets: document.getElementById('open-host')!.shadowRoot!.adoptedStyleSheets.length,
            entries: performance.getEntries().filter((e) => e.name.startsWith('backstory:')).length,
          }));
        expect(await visible()).toEqual({ highlights: [], hosts: [], shadowSheets: 0, entries: 0 });
        await fresh.mouse.move(box.x, box.y);
        await popover.waitForText((t) => t.includes('Tajikistan'));
        // Only now, and only that it is there: the hosts (closed roots), still no highlights.
        expect(await visible()).toMatchObject({ highlights: [], shadowSheets: 0, entries: 0 });
      } finally {
        await fresh.close();
        await setSettings(session.browser, { highlightStyle: 'background' });
      }
    });
  });

  describe('a page that changes', () => {
    let page: Page;
    beforeAll(async () => {
      page = await session.browser.context.newPage();
      await page.goto(session.server.url('dynamic.html'));
      await until(() => paintedTexts(page), (t) => t.includes('Astana'));
    });
    afterAll(() => page.close());

    it('highlights text added later, and drops the highlights of text removed', async () => {
      await page.evaluate(() => (window as unknown as { app: { addItem(t: string): void } }).app.addItem('Breaking: Zhang Ming lands in Dushanbe.'));
      expect(await until(() => paintedTexts(page), (t) => t.includes('Dushanbe'))).toEqual(['Astana', 'Dushanbe', 'Zhang Ming']);
      await page.evaluate(() => document.querySelector('.item')!.remove());
      // A removed node's range collapses at once; the mention itself goes with the next batch.
      expect(await until(() => paintedTexts(page), (t) => t.length === 1)).toEqual(['Astana']);
    });

    it('follows text that changes in place', async () => {
      await page.evaluate(() => {
        (document.getElementById('first')!.firstChild as Text).data = 'The day began in Hanoi with talks.';
      });
      expect(await until(() => paintedTexts(page), (t) => t.includes('Hanoi'))).toEqual(['Hanoi']);
    });

    it('rescans after an in-page navigation (history API)', async () => {
      await page.evaluate(() =>
        (window as unknown as { app: { navigate(p: string, h: string): void } }).app.navigate('/world', '<h1>World</h1><p>Talks continue in Pyongyang.</p>'),
      );
      expect(await until(() => paintedTexts(page), (t) => t.includes('Pyongyang'))).toEqual(['Pyongyang']);
      expect(page.url()).toMatch(/\/world$/u);
    });

    it('keeps up with an infinite feed, and stops at the highlight cap', async () => {
      await setSettings(session.browser, { highlightCap: 40 });
      await page.evaluate(() => {
        const app = (window as unknown as { app: { addItem(t: string): void } }).app;
        for (let i = 0; i < 300; i++) app.addItem(`Item ${i}: Kazakhstan and Belarus signed, said Vladimir Putin.`);
      });
      const count = await until(() => paintedTexts(page).then((t) => t.length), (n) => n >= 40);
      await page.waitForTimeout(800);
      expect((await paintedTexts(page)).length).toBe(40);
      expect(count).toBeLessThanOrEqual(40);
      await setSettings(session.browser, { highlightCap: 2000 });
      // The rescan reads as far as the reader can see (and a screen below); the rest when scrolled near.
      await until(() => paintedTexts(page).then((t) => t.length), (n) => n > 40);
      expect((await paintedTexts(page)).length).toBeLessThan(901);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await until(() => paintedTexts(page).then((t) => t.length), (n) => n === 901)).toBe(901);
      await page.evaluate(() => window.scrollTo(0, 0));
    });
  });

  describe('settings take effect in open tabs', () => {
    let page: Page;
    beforeAll(async () => {
      page = await session.browser.context.newPage();
      await page.goto(session.server.url('demo.html'));
      await until(() => paintedTexts(page), (t) => t.length >= 70);
    });
    afterAll(() => page.close());

    it('switches the highlight style live: background (the default), underline, hover-only (nothing the page can read)', async () => {
      expect(await highlightNames(page)).toEqual(['backstory-mention']);
      await page.screenshot({ path: `${SCREENSHOTS}/style-background.png` });
      await setSettings(session.browser, { highlightStyle: 'underline' });
      await until(() => highlightNames(page), (n) => n.join() === 'backstory-mention-underline');
      await page.screenshot({ path: `${SCREENSHOTS}/style-underline.png` });
      await setSettings(session.browser, { highlightStyle: 'hover-only' });
      await until(() => highlightNames(page), (n) => n.length === 0);
      // Hovering still finds the name; it is marked in Backstory's own UI, still nothing in CSS.highlights.
      const popover = await ClosedPopover.attach(page);
      const { x, y } = await pointOfText(page, 'Zhang Ming');
      await page.mouse.move(x, y);
      await popover.waitForText((t) => t.includes('Zhang Ming'));
      expect(await highlightNames(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/style-hover-only.png` });
      await page.keyboard.press('Escape');
      await until(() => highlightNames(page), (n) => n.length === 0);
      await setSettings(session.browser, { highlightStyle: 'background' });
      await until(() => highlightNames(page), (n) => n.join() === 'backstory-mention');
    });

    it('pauses everywhere and resumes, live', async () => {
      await setSettings(session.browser, { paused: true });
      await until(() => highlightNames(page), (n) => n.length === 0);
      await setSettings(session.browser, { paused: false });
      await until(() => paintedTexts(page), (t) => t.length >= 70);
    });

    it('turned off for a site: highlights go at once, and later loads do not get the script at all', async () => {
      await setSettings(session.browser, { disabledSites: ['127.0.0.1'] });
      await until(() => highlightNames(page), (n) => n.length === 0);
      await until(
        () => session.browser.serviceWorker.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ excludeMatches?: string[] }>> } } }).chrome;
          return (await c.scripting.getRegisteredContentScripts())[0]?.excludeMatches ?? [];
        }),
        (patterns) => patterns.includes('*://127.0.0.1/*'),
      );
      await page.reload();
      await page.waitForTimeout(1500);
      // No script in the page: nobody there to answer the popup.
      await expect(sendToTab(session.browser, page.url(), { type: 'tab.mentions', payload: {} })).rejects.toThrow(/Receiving end does not exist/u);
      expect(await highlightNames(page)).toEqual([]);

      await setSettings(session.browser, { disabledSites: [] });
      await until(
        () => session.browser.serviceWorker.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ excludeMatches?: string[] }>> } } }).chrome;
          return (await c.scripting.getRegisteredContentScripts())[0]?.excludeMatches ?? [];
        }),
        (patterns) => patterns.length === 0,
      );
      await page.reload();
      await until(() => paintedTexts(page), (t) => t.length >= 70);
      expect(await sendToTab(session.browser, page.url(), { type: 'tab.mentions', payload: {} })).toMatchObject({ ok: true, result: { enabled: true } });
    });
  });

  it('goes quiet without an error in the page when the extension is reloaded under it', async () => {
    const page = await session.browser.context.newPage();
    const errors: string[] = [];
    const messages: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    await page.goto(session.server.url('demo.html'));
    await until(() => paintedTexts(page), (t) => t.length >= 70);
    await session.browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    // The old copy notices within its check interval, takes its highlights away and says so
    // once. (The reloaded extension may then start a new copy in this open tab, which paints
    // again: the old one must not throw or log errors either way.)
    await until(async () => messages.filter((m) => m.includes('this copy of its page script stops')).length, (n) => n === 1, 8000);
    const { x, y } = await pointOfText(page, 'Zhang Ming');
    await page.mouse.move(x, y);
    await page.mouse.move(x + 2, y);
    await page.waitForTimeout(600);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Kazakhstan again' })));
    await page.waitForTimeout(800);
    expect(errors).toEqual([]);
    expect(messages.filter((m) => m.startsWith('error') && !m.includes('Failed to load resource'))).toEqual([]);
    expect(messages.filter((m) => m.includes('Backstory')).length, messages.join('\n')).toBeLessThanOrEqual(1);
    await page.close();
  });
});
