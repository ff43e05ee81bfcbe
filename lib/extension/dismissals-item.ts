import { storage } from '@wxt-dev/storage';
import type { SiteDismissals } from '../settings/site-dismissals';

/**
 * Per-site "not this one" choices. Written only by the background (which takes the site
 * from the sender's tab), read by content scripts, which follow its changes live.
 */
export const dismissalsItem = storage.defineItem<SiteDismissals>('local:siteDismissals', {
  fallback: {},
  version: 1,
});
