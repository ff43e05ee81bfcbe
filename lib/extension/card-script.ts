/**
 * The card's code (Preact, Floating UI, the popover) is a script of its own, injected into
 * a page's isolated world on the first hover rather than with the page script, so that
 * every page Backstory starts on pays only for highlighting (docs/benchmarks.md "## Page").
 */

/** The card script, from the extension's root (WXT builds entrypoints/card.ts there). */
export const CARD_SCRIPT_FILE = '/card.js';

/**
 * Where the card script leaves what it exports, on the isolated world's global object
 * (shared by an extension's scripts in one frame; the page's own scripts cannot see it).
 */
export const CARD_SCRIPT_GLOBAL = 'backstoryCard';
