import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '../../lib/extension/settings-item';
import { sitesTurnedOn } from '../../lib/settings/page-script-targets';
import { excludeMatchesFor } from '../../lib/settings/site-patterns';
import { bringPageScriptToOpenTabs, CONTENT_CSS, CONTENT_JS } from './page-script-injection';

/** Id of the page script registration (scripting.registerContentScripts). */
const CONTENT_SCRIPT_ID = 'backstory-content';

/**
 * Keeps the page script's registration in step with the `disabledSites` setting: a
 * disabled site is in `excludeMatches`, so on its later loads the script is not injected
 * at all (open tabs switch off live through their own settings watch). Runs at every
 * service-worker start, since an update or reload of the extension clears registrations.
 *
 * The registration reaches later loads only. So once it is in place, the page script is
 * also started in open tabs that lack it: after an install or update (tabs opened before,
 * or loaded while the first registration was under way), and when a site is turned back on.
 */
export function keepContentScriptRegistered(): Promise<void> {
  let queue = Promise.resolve();
  let registeredSites: readonly string[] | undefined;
  const sync = (sites: readonly string[]) => {
    const before = registeredSites;
    registeredSites = sites;
    // One registration change at a time: two overlapping updates would race.
    queue = queue.then(() => register(excludeMatchesFor(sites))).catch((error: unknown) => {
      console.error('Backstory: could not register the page script', error);
    });
    if (before && sitesTurnedOn(before, sites)) void queue.then(() => startInOpenTabs(sites));
    return queue;
  };
  watchSettings((settings) => void sync(settings.disabledSites));
  const initial = loadSettings().then((settings) => sync(settings.disabledSites));
  // Added before any await: onInstalled fires once, early, and only to listeners already there.
  browser.runtime.onInstalled.addListener(() => {
    void initial.then(() => queue).then(() => registeredSites && startInOpenTabs(registeredSites));
  });
  return initial;
}

function startInOpenTabs(disabledSites: readonly string[]): Promise<void> {
  return bringPageScriptToOpenTabs(disabledSites).catch((error: unknown) => {
    console.error('Backstory: could not start in open tabs', error);
  });
}

async function register(excludeMatches: string[]): Promise<void> {
  const script = {
    id: CONTENT_SCRIPT_ID,
    js: [CONTENT_JS],
    css: [CONTENT_CSS],
    matches: ['<all_urls>'],
    excludeMatches,
    // Same-origin frames and about:blank/srcdoc frames get their own copy.
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([script]);
    return;
  }
  const current = existing[0]?.excludeMatches ?? [];
  if (current.length === excludeMatches.length && current.every((p, i) => p === excludeMatches[i])) return;
  await browser.scripting.updateContentScripts([script]);
}
