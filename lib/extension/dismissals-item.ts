import { storage } from '@wxt-dev/storage';
import type { SiteDismissals } from '../settings/site-dismissals';

/**
 * Per-site "not this one" choices. Written by the background (which takes the site from
 * the sender's tab) and the options page; page scripts get their site's share from the
 * background (`page.config`), never from storage.
 */
export const dismissalsItem = storage.defineItem<SiteDismissals>('local:siteDismissals', {
  fallback: {},
  version: 1,
});
