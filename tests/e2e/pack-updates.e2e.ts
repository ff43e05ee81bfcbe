import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import type { ExtensionBrowser } from './support/extension-browser';
import { generatePack } from '../../bench/import/generate-pack';
import { startPackServer, type PackServer } from './support/pack-server';
import { NetworkRecorder } from './support/network-recorder';
import { setSettings } from './support/page-tools';

/** Imports and database writes are slow on a loaded machine: wait for what the user would see. */
const POLL = { timeout: 15_000 };

const NAME = 'Generated pack (20 articles)';

/** Makes the daily update alarm fire now, as if a day had passed. */
type AlarmsApi = { alarms: { create(name: string, info: { when: number }): Promise<void>; get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };

/**
 * Runs the daily check now: a one-off alarm of the same name, which the background
 * replaces by the daily one once its check is done. Waits for that first, so that the
 * background putting the daily alarm back cannot replace this one-off before it fires.
 */
async function fireUpdateAlarm(browser: ExtensionBrowser): Promise<void> {
  await expect
    .poll(() => browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: AlarmsApi }).chrome.alarms.get('backstory-pack-updates'))?.periodInMinutes ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: AlarmsApi }).chrome.alarms.create('backstory-pack-updates', { when: Date.now() }));
}

/** The one-off alarm fired and the background put the daily one back: its check (if any) is over. */
async function waitForDailyCheckDone(browser: ExtensionBrowser): Promise<void> {
  await expect
    .poll(() => browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: AlarmsApi }).chrome.alarms.get('backstory-pack-updates'))?.periodInMinutes ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0);
}

describe('packs from an address, and their updates', () => {
  let server: PackServer;
  let options: Page;

  const version = (v: string, articles = 20) => {
    const pack = generatePack({ articles, entities: 40, version: v, id: 'news' }) as { pack: Record<string, unknown> };
    pack.pack.name = NAME;
    pack.pack.updateUrl = server.url;
    return pack;
  };
  const item = () => options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem').filter({ hasText: NAME });

  const session = useE2eSession();

  let network: NetworkRecorder;

  beforeAll(async () => {
    network = new NetworkRecorder(session.browser.context);
    server = await startPackServer();
    options = await session.browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('imports a pack from an address', async () => {
    server.publish(version('1.0.0'));
    await options.getByLabel('Pack address').fill(server.url);
    await options.getByRole('button', { name: 'Import from address' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain(`Imported ${NAME}`);
    expect(await item().innerText()).toMatch(/Version 1\.0\.0 · 40 entities · 20 articles · from the web/u);
  });

  it('checks for updates on request: up to date, then a conditional request, then a newer version installed', async () => {
    const check = options.getByRole('button', { name: `Check for updates of ${NAME}` });
    await check.click();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toContain(`${NAME} is up to date`);
    await check.click();
    await expect.poll(() => server.conditions.at(-1), POLL).toBe('"v1"');
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toContain(`${NAME} is up to date`);

    server.publish(version('2.0.0', 25));
    await check.click();
    await expect.poll(() => options.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain(`Updated ${NAME} to version 2.0.0`);
    await expect.poll(() => item().innerText(), POLL).toMatch(/Version 2\.0\.0 · 40 entities · 25 articles/u);
    await options.screenshot({ path: `${SCREENSHOTS}/options-pack-updated.png`, fullPage: true });
  });

  it('updates in the background when the daily check runs, and keeps the version when the new file is bad', async () => {
    server.publish(version('3.0.0', 30));
    const asked = network.urls.filter((u) => u === server.url).length;
    await fireUpdateAlarm(session.browser);
    // The daily check fired in the service worker and its request is seen by the network check below.
    await expect.poll(() => network.urls.filter((u) => u === server.url).length, { timeout: 20_000 }).toBeGreaterThan(asked);
    await expect.poll(() => item().innerText(), { timeout: 20_000 }).toMatch(/Version 3\.0\.0 · 40 entities · 30 articles[\s\S]*Updated to version 3\.0\.0/u);

    const bad = version('4.0.0');
    (bad as unknown as { entities: Array<{ type: string }> }).entities[0]!.type = 'Alien';
    server.publish(bad);
    await fireUpdateAlarm(session.browser);
    await expect.poll(() => item().innerText(), { timeout: 20_000 }).toContain('Not updated: the new file is not a valid pack');
    expect(await item().innerText()).toContain('Version 3.0.0');
    await options.screenshot({ path: `${SCREENSHOTS}/options-update-refused.png`, fullPage: true });
  });

  it('refuses an update that names another pack, and says so under the pack', async () => {
    const other = version('5.0.0');
    (other.pack as { id: string }).id = 'starter-sco-2024';
    server.publish(other);
    await fireUpdateAlarm(session.browser);
    await expect.poll(() => item().innerText(), { timeout: 20_000 }).toContain('Not updated: the downloaded file is another pack');
    expect(await item().innerText()).toContain('Version 3.0.0');
    const starter = options.getByRole('list', { name: 'Installed packs' }).getByRole('listitem').filter({ hasText: 'built in' });
    expect(await starter.innerText()).not.toContain('5.0.0');
    await item().screenshot({ path: `${SCREENSHOTS}/options-update-other-pack.png` });
  });

  it('does not check when the daily check is off for the pack, or for all packs', async () => {
    server.publish(version('6.0.0'));
    const asked = () => server.conditions.length;
    const daily = options.getByRole('checkbox', { name: `Check ${NAME} for updates daily` });
    await daily.uncheck();
    await options.waitForTimeout(500);
    const before = asked();
    await fireUpdateAlarm(session.browser);
    await waitForDailyCheckDone(session.browser);
    expect(asked()).toBe(before);
    await item().screenshot({ path: `${SCREENSHOTS}/options-daily-check-off.png` });

    await daily.check();
    await setSettings(session.browser, { dailyPackUpdates: false });
    await fireUpdateAlarm(session.browser);
    await waitForDailyCheckDone(session.browser);
    expect(asked()).toBe(before);
    await setSettings(session.browser, { dailyPackUpdates: true });
    expect(await item().innerText()).toContain('Version 3.0.0');
  });

  it('asks before a file replaces the pack from the address, and replaces it once the user says yes', async () => {
    const file = JSON.stringify(version('7.0.0', 7));
    await options.locator('input[type=file]').setInputFiles({ name: 'news-7.pack.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText(), POLL).toContain(`${NAME} is installed from 127.0.0.1`);
    expect(await alert.innerText()).toContain('news-7.pack.json would replace it. Replace it? Your library is unchanged.');
    expect(await item().innerText()).toContain('Version 3.0.0');
    await alert.screenshot({ path: `${SCREENSHOTS}/options-replace-other-source.png` });
    await options.getByRole('button', { name: `Replace ${NAME}` }).click();
    await expect.poll(() => item().innerText(), POLL).toMatch(/Version 7\.0\.0 · 40 entities · 7 articles/u);
  });

  it('says what went wrong when the address does not give a pack', async () => {
    await options.getByLabel('Pack address').fill(server.url.replace('news.pack.json', 'missing.pack.json'));
    await options.getByRole('button', { name: 'Import from address' }).click();
    await expect.poll(() => options.getByRole('alert').innerText(), { timeout: 15_000 }).toContain('The server answered 404');
    expect(await options.getByRole('alert').innerText()).toContain('Your library is unchanged');
    await options.screenshot({ path: `${SCREENSHOTS}/options-url-error.png`, fullPage: true });

    // Nothing listens on port 9 (discard) here: the download itself fails.
    await options.getByLabel('Pack address').fill('http://127.0.0.1:9/news.pack.json');
    await options.getByRole('button', { name: 'Import from address' }).click();
    await expect.poll(() => options.getByRole('alert').innerText(), { timeout: 15_000 }).toContain('Could not download the pack from 127.0.0.1:9');
    // All sites are granted at install: there is no permission to ask for, so no such button.
    expect(await options.getByRole('button', { name: /Allow access/u }).count()).toBe(0);
  });

  it('made no request, daily checks included, except to the pack server and the extension', () => {
    const origins = [new URL(server.url).origin, 'http://127.0.0.1:9', `chrome-extension://${session.browser.extensionId}`];
    expect(network.foreign(origins)).toEqual([]);
  });
});
