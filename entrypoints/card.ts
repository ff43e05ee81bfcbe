import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_SCRIPT_GLOBAL } from '../lib/extension/card-script';
import type { CardScript } from './content/lazy-popover';
import { PopoverHost } from './content/popover-host';

/**
 * The card's code, injected by the background (`card.load`) into the frame whose page
 * script asks for it on the first hover: it hands the popover to that script through the
 * isolated world's global object (entrypoints/content/lazy-popover.ts).
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_SCRIPT_GLOBAL] = { PopoverHost } satisfies CardScript;
});

