import { browser } from 'wxt/browser';
import { dismissalsItem } from '../../lib/extension/dismissals-item';
import { loadSettings, updateSettings } from '../../lib/extension/settings-item';
import { HandlerError } from '../../lib/messages/channel';
import type { RequestOfMessage } from '../../lib/messages/protocol';
import { optionsPath } from '../../lib/routes/extension-routes';
import { addDismissal, removeDismissal, type SiteDismissals } from '../../lib/settings/site-dismissals';
import { siteKey } from '../../lib/settings/settings';

/** Opens an entity's page of the library (options page) in a new tab, next to the page it was asked from. */
export async function openEntityPage(entityKey: string, tabId: number | undefined): Promise<{ opened: boolean }> {
  const url = browser.runtime.getURL(optionsPath({ name: 'entity', key: entityKey }));
  const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({ url, ...(tab ? { index: tab.index + 1, openerTabId: tab.id } : {}) });
  return { opened: true };
}

/** A name and the entity it may stand for; sizes are bounded by the message's schema. */
type DismissRequest = RequestOfMessage<'site.dismiss'>;

/**
 * Remembers "not this one" for the sender's site. The site comes from the tab the
 * message came from, so a page cannot write choices for another site.
 */
export async function dismissOnSite(request: DismissRequest, tabId: number | undefined): Promise<{ site: string }> {
  return changeDismissals(request, tabId, addDismissal);
}

/** Forgets a "not this one" of the sender's site (the card's Undo); the site comes from the tab. */
export async function undismissOnSite(request: DismissRequest, tabId: number | undefined): Promise<{ site: string }> {
  return changeDismissals(request, tabId, removeDismissal);
}

async function changeDismissals(
  { text, entityKey }: DismissRequest,
  tabId: number | undefined,
  change: (all: SiteDismissals, site: string, text: string, entityKey: string) => SiteDismissals,
): Promise<{ site: string }> {
  const site = await siteOfTab(tabId);
  await dismissalsItem.setValue(change(await dismissalsItem.getValue(), site, text, entityKey));
  return { site };
}

/**
 * Turns Backstory off on the sender's site ("Turn off on this site" in the card). Content
 * scripts never write settings themselves: the site comes from the tab, as for dismissals.
 */
export async function disableSenderSite(tabId: number | undefined): Promise<{ site: string }> {
  const site = await siteOfTab(tabId);
  const { disabledSites } = await loadSettings();
  if (!disabledSites.includes(site)) await updateSettings({ disabledSites: [...disabledSites, site] });
  return { site };
}

/** The site of the tab a message came from: the only site a content script may change anything for. */
export async function siteOfTab(tabId: number | undefined): Promise<string> {
  if (tabId === undefined) throw new HandlerError('bad-request', 'Only a page can change what is hidden on its site');
  const tab = await browser.tabs.get(tabId);
  const hostname = webHostname(tab.url);
  if (!hostname) throw new HandlerError('bad-request', 'This page has no site');
  return siteKey(hostname);
}

/** The hostname of an http(s) address; undefined for anything else. */
export function webHostname(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}
