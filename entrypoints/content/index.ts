import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMessageClient } from '../../lib/messages/client';
import './highlights.css';
import { startPage } from './page-session';

export default defineContentScript({
  // Registered by the background at run time (entrypoints/background/content-registration.ts),
  // so that sites the user turned Backstory off for can be left out of the injection.
  registration: 'runtime',
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT also announces each start with window.postMessage, which every page can read (and
  // which names the extension's id); its document event is enough to retire an old copy.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // No Custom Highlight API: stay out of the way.
    // Frames of other sites (ads, embeds) are not the page being read: no copy of Backstory there.
    if (!isSameOriginAsTop()) return;
    const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
    startPage(ctx, client);
  },
});

/** Whether this is the top frame, or a frame of the same origin (about:blank and srcdoc included). */
function isSameOriginAsTop(): boolean {
  if (window === window.top) return true;
  try {
    return window.top?.location.origin === location.origin || location.origin === 'null';
  } catch {
    return false; // Reading a cross-origin frame's location throws.
  }
}
