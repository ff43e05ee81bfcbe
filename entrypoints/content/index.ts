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
  main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // No Custom Highlight API: stay out of the way.
    const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
    startPage(ctx, client);
  },
});
