import { browser } from 'wxt/browser';
import type { MentionStepEvent } from '../../lib/messages/protocol';

/** Keyboard commands (manifest `commands`, rebindable in chrome://extensions/shortcuts). */
const COMMAND_DIRECTIONS: Record<string, MentionStepEvent['direction']> = {
  'next-mention': 'next',
  'previous-mention': 'previous',
};

/** Forwards "next/previous mention" to the top frame of the tab the command was pressed in. */
export function listenForCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    const direction = COMMAND_DIRECTIONS[command];
    if (!direction || tab?.id === undefined) return;
    const event: MentionStepEvent = { type: 'mention.step', direction };
    // A page without the script (chrome://, a disabled site) simply does not answer.
    void browser.tabs.sendMessage(tab.id, event, { frameId: 0 }).catch(() => undefined);
  });
}
