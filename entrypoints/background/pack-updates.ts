import { browser } from 'wxt/browser';
import type { BackstoryDatabase } from '../../lib/db/database';
import { loadSettings } from '../../lib/extension/settings-item';
import { checkAllPackUpdates } from '../../lib/kb/pack-updates';

const PACK_UPDATE_ALARM = 'backstory-pack-updates';
/** How often packs are checked for newer versions. */
const PACK_UPDATE_PERIOD_MINUTES = 24 * 60;
/** First check after the browser starts: not while it is busy starting. */
const FIRST_CHECK_DELAY_MINUTES = 10;

export interface PackUpdatesDeps {
  db: BackstoryDatabase;
  /** First-run work the checks wait for. */
  ready: Promise<unknown>;
}

/**
 * Checks packs with an update address once a day, in the background, without a word
 * to the user: a newer valid version is installed atomically, anything else is noted
 * for the options page. An installed update announces itself like every library write
 * (lib/kb/write-library.ts). Uses chrome.alarms so that a sleeping service worker wakes up for it.
 */
export function startPackUpdates({ db, ready }: PackUpdatesDeps): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PACK_UPDATE_ALARM) return;
    void (async () => {
      await ready;
      if ((await loadSettings()).dailyPackUpdates) await checkAllPackUpdates(db, { fetch: (url, init) => fetch(url, init), estimateStorage: () => navigator.storage.estimate() });
      // A one-off alarm with this name (set by hand or by a test) replaces the daily one: put it back.
      if (!alarm.periodInMinutes) await ensureAlarm();
    })().catch((error: unknown) => console.warn('Backstory: pack update check failed', error));
  });
  void ensureAlarm();
}

async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(PACK_UPDATE_ALARM)) return;
  await browser.alarms.create(PACK_UPDATE_ALARM, { periodInMinutes: PACK_UPDATE_PERIOD_MINUTES, delayInMinutes: FIRST_CHECK_DELAY_MINUTES });
}
