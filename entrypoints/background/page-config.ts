import { dismissalsItem } from '../../lib/extension/dismissals-item';
import { loadSettings, watchSettings } from '../../lib/extension/settings-item';
import type { BackgroundContext } from '../../lib/messages/router';
import { pageConfigFor, type PageConfig } from '../../lib/settings/page-config';
import { siteKey } from '../../lib/settings/settings';
import { siteOfTab, webHostname } from './page-actions';
import { emitToTabs } from './tab-events';

/**
 * A page script's settings and dismissals, for the sender's own site: the frame's site as
 * the browser reports it (its URL, else its origin for about:blank and srcdoc frames),
 * else the tab's. Never a site named by the page.
 */
export async function pageConfigOfSender(context: BackgroundContext): Promise<PageConfig> {
  const [settings, dismissals, site] = await Promise.all([loadSettings(), dismissalsItem.getValue(), siteOfSender(context)]);
  return pageConfigFor(settings, dismissals, site);
}

async function siteOfSender({ frameUrl, frameOrigin, tabId }: BackgroundContext): Promise<string> {
  const hostname = webHostname(frameUrl) ?? webHostname(frameOrigin);
  if (hostname) return siteKey(hostname);
  // A page that is not a web site (a file, the browser's own) has no site: it still gets the settings.
  return siteOfTab(tabId).catch(() => '');
}

/**
 * Tells every tab when the settings or dismissals change ('config.changed'): page scripts
 * cannot watch the storage themselves, so they ask again (`page.config`) on this event.
 */
export function announcePageConfigChanges(): void {
  watchSettings(announce);
  dismissalsItem.watch(announce);
}

function announce(): void {
  void emitToTabs('config.changed', {}).catch(() => undefined);
}
