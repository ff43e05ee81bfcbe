import type { Reply, TabProtocolMap } from '../../lib/messages/protocol';
import type { PageMention } from './mention-index';

type TabMessageType = keyof TabProtocolMap;
type TabHandlers = { [T in TabMessageType]: (payload: TabProtocolMap[T]['request']) => TabProtocolMap[T]['response'] };

export interface TabProtocolDeps {
  mentions(): readonly PageMention[];
  enabled(): boolean;
  /** Scrolls to the first mention of the entity and opens its popover; whether there was one. */
  reveal(entityKey: string): boolean;
}

/** The "on this page" list: one row per entity, most mentioned first, with the text first seen. */
export function summarizeMentions(mentions: readonly PageMention[]): TabProtocolMap['tab.mentions']['response']['entities'] {
  const rows = new Map<string, { entityKey: string; count: number; text: string }>();
  for (const mention of mentions) {
    for (const entityKey of mention.entityKeys) {
      const row = rows.get(entityKey);
      if (row) row.count++;
      else rows.set(entityKey, { entityKey, count: 1, text: mention.text });
    }
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

export interface MessageSenderLike {
  id?: string;
  tab?: unknown;
  url?: string;
}

/**
 * Whether a message comes from this extension's own pages or service worker: our id, and
 * either no tab (popup, worker) or a page of our own origin open in a tab. A content
 * script (ours in another tab, possibly on a hostile page) always has a tab and a web URL.
 */
export function isFromExtensionPage(sender: MessageSenderLike, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  return sender.tab === undefined || (typeof sender.url === 'string' && sender.url.startsWith(ownOrigin));
}

/**
 * Answers the popup's questions about this tab ('tab.mentions', 'tab.reveal'), and only
 * from extension pages (see isFromExtensionPage). Returns undefined for anything else,
 * so other listeners (and other frames) stay free to answer.
 */
export function answerTabMessage(
  message: unknown,
  sender: MessageSenderLike,
  trusted: boolean,
  deps: TabProtocolDeps,
): Reply<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (type !== 'tab.mentions' && type !== 'tab.reveal') return undefined;
  if (!trusted) {
    return { ok: false, error: { code: 'forbidden', message: 'Only extension pages may ask a tab' } };
  }
  const handlers: TabHandlers = {
    'tab.mentions': () => ({ entities: deps.enabled() ? summarizeMentions(deps.mentions()) : [], enabled: deps.enabled() }),
    'tab.reveal': ({ entityKey }) => ({ found: deps.enabled() && deps.reveal(String(entityKey ?? '')) }),
  };
  const payload = (message as { payload?: unknown }).payload ?? {};
  return { ok: true, result: (handlers[type] as (p: unknown) => unknown)(payload) };
}
