import { browser } from 'wxt/browser';
import type { TabEventPayload } from '../../lib/messages/protocol';
import { emitToTab } from './tab-events';

/** Keyboard commands (manifest `commands`, rebindable in chrome://extensions/shortcuts). */
export const COMMAND_DIRECTIONS: Record<string, TabEventPayload<'mention.step'>['direction']> = {
  'next-mention': 'next',
  'previous-mention': 'previous',
};

/**
 * Forwards "next/previous mention" to the top frame of the tab the command was pressed in.
 * Firefox for Android has no keyboard commands API: there is nothing to listen to there.
 */
export function listenForCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    const direction = COMMAND_DIRECTIONS[command];
    if (!direction || tab?.id === undefined) return;
    void emitToTab(tab.id, 'mention.step', { direction }, 0);
  });
}
