import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClosedPopover } from './support/closed-popover';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { launchExtensionBrowser, pointOfText, waitForHighlights } from './support/extension-browser';
import { setSettings } from './support/page-tools';

const READING_SECONDS = 3;
const STEPPE = 'Caspian rail link opens to freight';
const HARBOUR = 'Port strike ends after three weeks';
const LEDGER = 'Leaders gather in Astana as the summit opens';
const POLL = { timeout: 20_000, interval: 250 };

/** The few extension APIs this file calls inside the service worker. */
interface WorkerChrome {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  windows: { create(options: { incognito: boolean; url: string }): Promise<{ id?: number }> };
  tabs: { query(q: object): Promise<Array<{ id?: number; status?: string; incognito: boolean }>> };
  scripting: { executeScript<T>(options: { target: { tabId: number }; func: () => T }): Promise<Array<{ result?: T }>> };
}


/**
 * A profile where the extension may run in private windows, as a user allows it in
 * chrome://extensions: Chromium keeps that choice in the profile's Preferences, so it is
 * written there between a first launch (which gives the extension id) and the session's.
 */
async function profileAllowingIncognito(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-incognito-'));
  const first = await launchExtensionBrowser({ userDataDir: dir });
  const id = first.extensionId;
  await first.close();
  const path = join(dir, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(path, 'utf8')) as { extensions: { settings: Record<string, Record<string, unknown>> } };
  prefs.extensions.settings[id]!.incognito = true;
  await writeFile(path, JSON.stringify(prefs));
  return dir;
}

/**
 * "Remember what I read": off by default; once on, an article read for the reading time
 * (visible and focused; a headless Chromium keeps every tab visible and focused, so the
 * pauses are unit-tested in tests/unit/content/reading-watch.test.ts) is saved to "My
 * reading", shows in the reading history and on the cards of the names it mentions; never
 * from a private window.
 */
describe('remember what I read', () => {
  let profile = '';
  let options: Page;
  beforeAll(async () => {
    profile = await profileAllowingIncognito();
  }, 60_000);
  const session = useE2eSession({ pages: ['tests/fixtures/pages', 'tests/e2e/fixtures/pages'], launch: () => ({ userDataDir: profile }) });
  afterAll(async () => {
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  beforeAll(async () => {
    options = await session.browser.openExtensionPage('options.html#/reading');
    await options.getByRole('heading', { name: 'Reading history', level: 2 }).waitFor();
  });

  /** The headlines the reading history lists, as the options page shows them. */
  async function history(): Promise<string[]> {
    await options.getByText(/^\d+ articles?$/u).waitFor();
    return options.locator('.history-row .library-row__title').allInnerTexts();
  }

  async function read(file: string): Promise<Page> {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url(file));
    return page;
  }

  it('is off by default: an article read past the reading time is not remembered', async () => {
    await setSettings(session.browser, { readingSeconds: 1 });
    const page = await read('harbour-gazette.html');
    await page.waitForTimeout(2500);
    expect(await history()).toEqual([]);
    expect(await options.getByText('Remember what I read is off').isVisible()).toBe(true);
    await page.close();
  });

  it('is turned on in Settings, with its reading time and sites never remembered', async () => {
    await options.getByRole('link', { name: 'Settings', exact: true }).click();
    const toggle = options.getByRole('checkbox', { name: /^Remember what I read/u });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    const seconds = options.getByLabel('Reading time before an article is remembered (seconds)');
    await seconds.fill(String(READING_SECONDS));
    await seconds.press('Enter');
    await options.getByRole('group', { name: 'Sites never remembered' }).waitFor();
    // A refused entry is echoed back beside the field; a very long one wraps there instead of widening the page.
    const field = options.getByLabel('Site never to remember');
    await field.fill('x'.repeat(5000));
    await field.press('Enter');
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await field.fill('bank.example');
    await options.getByRole('button', { name: 'Add site' }).nth(1).click();
    await options.getByRole('button', { name: 'Remember articles on bank.example again' }).waitFor();
    await options.getByRole('group', { name: 'Reading history' }).screenshot({ path: `${SCREENSHOTS}/settings-remember-reading.png` });
    const stored = await session.browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ rememberReading: true, readingSeconds: READING_SECONDS, readingExcludedSites: ['bank.example'] });
  });

  it('does not remember an article before the reading time, and does after it', async () => {
    await options.getByRole('link', { name: 'Reading history' }).click();
    const page = await read('steppe-railway.html');
    await waitForHighlights(page);
    await page.waitForTimeout(1000);
    expect(await history()).toEqual([]);
    await expect.poll(history, POLL).toEqual([STEPPE]);
    await page.close();
  });

  it('shows the remembered article on the card of a name it mentions, on another page', async () => {
    const page = await read('demo.html');
    await waitForHighlights(page);
    const popover = await ClosedPopover.attach(page);
    const { x, y } = await pointOfText(page, 'Kassym-Jomart Tokayev');
    await page.mouse.move(x, y);
    await expect.poll(() => popover.text(), POLL).toContain(STEPPE);
    await page.close();
  });

  it('never remembers an article read in a private window', async () => {
    const url = session.server.url('daily-ledger.html');
    // The same page script runs there (the user allowed it): the names are highlighted...
    const painted = await session.browser.serviceWorker.evaluate(async (address) => {
      const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const window = await chrome.windows.create({ incognito: true, url: address });
      for (let i = 0; i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const [tab] = await chrome.tabs.query({ windowId: window.id });
        if (tab?.status !== 'complete' || tab.id === undefined) continue;
        const [injection] = await chrome.scripting.executeScript({
          target: { tabId: tab.id },
          func: () => [document.visibilityState, document.hasFocus(), (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-mention')?.size ?? 0] as const,
        });
        const [visibility, focused, count] = injection!.result!;
        if (count > 0) return { incognito: tab.incognito, visibility, focused, count };
      }
      return undefined;
    }, url);
    expect(painted).toMatchObject({ incognito: true, visibility: 'visible', focused: true });
    // ...and read, visible and focused, for twice the reading time: nothing is remembered.
    await options.waitForTimeout(READING_SECONDS * 2000);
    expect(await history()).not.toContain(LEDGER);
    expect(await history()).toEqual([STEPPE]);
  });

  it('lists the history newest first, searches it, deletes one and, after asking, all', async () => {
    const page = await read('harbour-gazette.html');
    await expect.poll(history, POLL).toEqual([HARBOUR, STEPPE]);
    await page.close();
    await options.setViewportSize({ width: 1000, height: 700 });
    await options.screenshot({ path: `${SCREENSHOTS}/reading-history.png`, fullPage: true });

    await options.getByLabel('Search reading history').fill('rail');
    await expect.poll(history, POLL).toEqual([STEPPE]);
    // "Delete this day" is the whole day, whatever the search shows, and it says so.
    await options.getByRole('button', { name: 'Delete this day' }).click();
    const day = options.getByRole('dialog', { name: /^Delete what you read on / });
    await day.waitFor();
    expect(await day.innerText()).toContain('All 2 articles you read that day leave your reading history and your library, not only the 1 the search shows.');
    expect(await day.getByRole('button', { name: 'Delete 2 articles' }).count()).toBe(1);
    await options.screenshot({ path: `${SCREENSHOTS}/reading-history-delete-day.png` });
    await day.getByRole('button', { name: 'Cancel' }).click();
    await options.getByLabel('Search reading history').fill('');
    await expect.poll(history, POLL).toEqual([HARBOUR, STEPPE]);

    await options.getByRole('button', { name: `Delete “${HARBOUR}” from the reading history` }).click();
    await expect.poll(history, POLL).toEqual([STEPPE]);
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Deleted' }).innerText(), POLL).toBe('Deleted 1 article from your reading history.');

    await options.getByRole('button', { name: 'Delete all reading history' }).click();
    const question = options.getByRole('dialog', { name: 'Delete all your reading history?' });
    await question.waitFor();
    await options.screenshot({ path: `${SCREENSHOTS}/reading-history-delete-all.png` });
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await history()).toEqual([STEPPE]);
    await options.getByRole('button', { name: 'Delete all reading history' }).click();
    await question.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(history, POLL).toEqual([]);
  });
});
