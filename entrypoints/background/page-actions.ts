import { browser } from 'wxt/browser';
import { dismissalsItem } from '../../lib/extension/dismissals-item';
import { HandlerError } from '../../lib/messages/router';
import { addDismissal, removeDismissal, type SiteDismissals } from '../../lib/settings/site-dismissals';
import { siteKey } from '../../lib/settings/settings';

/** Longest name or entity key accepted in a dismissal (UTF-16 code units). */
const MAX_DISMISS_FIELD = 300;

/** Opens the extension's search for `query` in a new tab, next to the page. */
export async function openSearch(query: unknown, tabId: number | undefined): Promise<{ opened: boolean }> {
  const text = String(query ?? '').trim().slice(0, 200);
  if (!text) throw new HandlerError('bad-request', 'Empty query');
  const url = browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(text)}`);
  const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({ url, ...(tab ? { index: tab.index + 1, openerTabId: tab.id } : {}) });
  return { opened: true };
}

interface DismissRequest {
  text?: unknown;
  entityKey?: unknown;
}

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
  request: DismissRequest,
  tabId: number | undefined,
  change: (all: SiteDismissals, site: string, text: string, entityKey: string) => SiteDismissals,
): Promise<{ site: string }> {
  const text = String(request.text ?? '');
  const entityKey = String(request.entityKey ?? '');
  if (!text || !entityKey || text.length > MAX_DISMISS_FIELD || entityKey.length > MAX_DISMISS_FIELD) {
    throw new HandlerError('bad-request', 'text and entityKey are required');
  }
  if (tabId === undefined) throw new HandlerError('bad-request', 'Only a page can change what is hidden on its site');
  const tab = await browser.tabs.get(tabId);
  const hostname = tab.url ? safeHostname(tab.url) : undefined;
  if (!hostname) throw new HandlerError('bad-request', 'This page has no site');
  const site = siteKey(hostname);
  await dismissalsItem.setValue(change(await dismissalsItem.getValue(), site, text, entityKey));
  return { site };
}

function safeHostname(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}
