import { answerMessage, type HandlersOf, isDeclared, type Reply, type SenderTrust } from '../../lib/messages/channel';
import { TAB_EVENTS, TAB_MESSAGES, type TabEventPayload } from '../../lib/messages/protocol';
import type { AdvertisedFeed } from '../../lib/messages/protocol';
import type { PageMention } from './mention-index';

/** What the top frame answers: the popup's questions and the background's events. */
const TOP_FRAME_DOOR = { ...TAB_MESSAGES, ...TAB_EVENTS };

export interface TabProtocolDeps {
  /** Whether this frame answers the popup's questions: only the top frame does, so its answer is the one. */
  answersQuestions: boolean;
  /** Every mention on the page (the scanner reads the rest of the page first). */
  mentions(): Promise<readonly PageMention[]>;
  enabled(): boolean;
  /** The highlight cap, when the page reached it (more names than are counted), else undefined. */
  cappedAt(): number | undefined;
  /** Scrolls to the first mention of the entity and opens its popover; whether there was one. */
  reveal(entityKey: string): Promise<boolean>;
  /** The feeds the page advertises ('tab.feeds'). */
  feeds(): AdvertisedFeed[];
  /** The knowledge base changed ('kb.revision'). */
  knowledgeChanged(): void;
  /** The settings or dismissals changed ('config.changed'). */
  configChanged(): void;
  /** A keyboard command asks for the next or previous mention ('mention.step'). */
  step(direction: TabEventPayload<'mention.step'>['direction']): void;
}

type TabEntities = Array<{ entityKey: string; count: number; text: string }>;

/** The "on this page" list: one row per entity, most mentioned first, with the text first seen. */
export function summarizeMentions(mentions: readonly PageMention[]): TabEntities {
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

/** The sender's trust as the content script can tell it (see isFromExtensionPage). */
export function tabSenderTrust(sender: MessageSenderLike, ownId: string, ownOrigin: string): SenderTrust {
  if (sender.id !== ownId) return 'foreign';
  return isFromExtensionPage(sender, ownId, ownOrigin) ? 'extension-page' : 'content-script';
}

/**
 * The content script's door: answers the declared tab messages and events
 * (lib/messages/protocol.ts), each checked for its sender and payload first; nothing is
 * trusted by cast. Returns undefined for anything not declared here (and for the popup's
 * questions in frames other than the top one), so other listeners and frames stay free to answer.
 */
export function answerTabMessage(message: unknown, sender: SenderTrust, deps: TabProtocolDeps): Promise<Reply<unknown>> | undefined {
  const declarations = deps.answersQuestions ? TOP_FRAME_DOOR : TAB_EVENTS;
  if (!isDeclared(declarations, message)) return undefined;
  const handlers: HandlersOf<typeof TOP_FRAME_DOOR, undefined> = {
    'tab.mentions': async () => {
      if (!deps.enabled()) return { entities: [], enabled: false };
      const entities = summarizeMentions(await deps.mentions());
      return { entities, enabled: deps.enabled(), cappedAt: deps.cappedAt() };
    },
    'tab.reveal': async ({ entityKey }) => ({ found: deps.enabled() && (await deps.reveal(entityKey)) }),
    'tab.feeds': () => ({ feeds: deps.feeds() }),
    'kb.revision': () => {
      deps.knowledgeChanged();
      return null;
    },
    'config.changed': () => {
      deps.configChanged();
      return null;
    },
    'mention.step': ({ direction }) => {
      deps.step(direction);
      return null;
    },
  };
  return answerMessage({ declarations, handlers, message, sender, context: undefined });
}
