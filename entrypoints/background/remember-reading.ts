import { browser } from 'wxt/browser';
import type { BackstoryDatabase } from '../../lib/db/database';
import type { ExtractResult } from '../../lib/extract';
import { loadSettings } from '../../lib/extension/settings-item';
import type { MatcherCache } from '../../lib/kb/matcher-cache';
import { rememberArticle } from '../../lib/kb/my-reading';
import { HandlerError } from '../../lib/messages/channel';
import type { RememberReadingReply } from '../../lib/messages/protocol';
import type { BackgroundContext } from '../../lib/messages/router';
import { worthRemembering } from '../../lib/reading/worth-remembering';
import { mayRememberReading } from '../../lib/settings/settings';
import { safeHttpUrl } from '../../lib/text/safe-url';

export interface RememberReadingDeps {
  db: BackstoryDatabase;
  matchers: MatcherCache;
  ready: Promise<unknown>;
}

/**
 * "Remember what I read": a tab's page script says its page has been read for the reading
 * time. Everything is decided here, from the browser's own records: the setting, the tab's
 * window (never private), its address and site (never an excluded or turned-off site). The
 * article is read by the same injected extractor as "Save this page" (entrypoints/extract.ts),
 * once, now; the page sends nothing but the signal.
 */
export async function rememberReading({ db, matchers, ready }: RememberReadingDeps, { tabId, incognito }: BackgroundContext): Promise<RememberReadingReply> {
  if (tabId === undefined) throw new HandlerError('bad-request', 'Only a page can be remembered');
  const settings = await loadSettings();
  if (!settings.rememberReading) return { status: 'skipped', reason: 'off' };
  const tab = await browser.tabs.get(tabId);
  if (incognito || tab.incognito) return { status: 'skipped', reason: 'private' };
  const url = safeHttpUrl(tab.url);
  if (!url || !mayRememberReading(settings, new URL(url).hostname)) return { status: 'skipped', reason: 'site' };

  const [injection] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/extract.js'] });
  const extracted = injection?.result as ExtractResult | undefined;
  if (!extracted?.ok || !worthRemembering(extracted.article, url)) return { status: 'skipped', reason: 'no-article' };
  // The tab may have moved on while the article was read: remember only what is still there.
  if ((await browser.tabs.get(tabId)).url !== tab.url) return { status: 'skipped', reason: 'not-saved' };

  await ready;
  // The matcher pages are scanned with, already built: compiling one here would hold the worker for seconds.
  const { matcher } = await matchers.get();
  const saved = await rememberArticle(db, { article: extracted.article, tabUrl: url, now: Date.now(), matcher });
  if (saved.status === 'invalid') {
    console.info('Backstory: a read article could not be remembered', saved.issues);
    return { status: 'skipped', reason: 'not-saved' };
  }
  return { status: saved.status, articleKey: saved.articleKey };
}
