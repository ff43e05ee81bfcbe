import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '../../lib/extension/settings-item';
import { excludeMatchesFor } from '../../lib/settings/site-patterns';

/** Id of the page script registration (scripting.registerContentScripts). */
const CONTENT_SCRIPT_ID = 'backstory-content';
/** Where WXT puts the content script and its stylesheet (entrypoints/content). */
const CONTENT_JS = 'content-scripts/content.js';
const CONTENT_CSS = 'content-scripts/content.css';

/**
 * Keeps the page script's registration in step with the `disabledSites` setting: a
 * disabled site is in `excludeMatches`, so on its later loads the script is not injected
 * at all (open tabs switch off live through their own settings watch). Runs at every
 * service-worker start, since an update or reload of the extension clears registrations.
 */
export function keepContentScriptRegistered(): Promise<void> {
  let queue = Promise.resolve();
  const sync = (sites: readonly string[]) => {
    // One registration change at a time: two overlapping updates would race.
    queue = queue.then(() => register(excludeMatchesFor(sites))).catch((error: unknown) => {
      console.error('Backstory: could not register the page script', error);
    });
    return queue;
  };
  watchSettings((settings) => void sync(settings.disabledSites));
  return loadSettings().then((settings) => sync(settings.disabledSites));
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
