/**
 * Every message between the extension's parts, declared once. Both sides import these
 * types. Replies are `{ ok: true, result }` or `{ ok: false, error }`: expected failures
 * come back as values with a code; unexpected ones are caught once per handler.
 */
import type { EntityCard } from '../kb/entity-card';
import type { SearchResults } from '../search/types';

/** A mention found in one scanned text: [start, end) and an index into `candidates`. */
export interface ScannedMention {
  start: number;
  end: number;
  /** Entity keys this name may refer to (several for a shared alias). */
  entityKeys: readonly string[];
}

export interface ProtocolMap {
  /** Find the known names in some page texts. Content scripts may ask. */
  'page.scan': { request: { texts: string[] }; response: { mentions: ScannedMention[][]; revision: number } };
  /** What the popover shows. Content scripts may ask. */
  'entity.cards': { request: { entityKeys: string[] }; response: { cards: EntityCard[] } };
  /** Open an article of the library in a new tab. Content scripts may ask. */
  'article.open': { request: { articleKey: string }; response: { opened: boolean } };
  /** Open the extension's search for a name in a new tab ("N more" in the popover). Content scripts may ask. */
  'search.open': { request: { query: string }; response: { opened: boolean } };
  /**
   * "Not this one": stop offering an entity for a name on the sender's site (the site is
   * taken from the sender's tab, never from the request). Content scripts may ask.
   */
  'site.dismiss': { request: { text: string; entityKey: string }; response: { site: string } };
  /** Undo of 'site.dismiss' (the card's "Undo"), for the sender's site likewise. Content scripts may ask. */
  'site.undismiss': { request: { text: string; entityKey: string }; response: { site: string } };
  /** Search the knowledge base. */
  'kb.search': { request: { query: string }; response: SearchResults };
  /**
   * Read the article of a tab (Readability, injected under activeTab) and open the save
   * preview with it. Extension pages only: the popup's "Save this page".
   */
  'page.capture': { request: { tabId: number }; response: { opened: boolean } };
  /** An extension page changed the knowledge base: rebuild derived data, tell tabs. */
  'kb.changed': { request: Record<string, never>; response: { revision: number } };
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<T extends MessageType> = ProtocolMap[T]['request'];
export type ResponseOf<T extends MessageType> = ProtocolMap[T]['response'];

/** Messages a content script may send: questions only, never writes. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'page.scan',
  'entity.cards',
  'article.open',
  'kb.search',
  'search.open',
  'site.dismiss',
  'site.undismiss',
]);

/**
 * Messages from extension pages (the popup) to the content script of one tab, through
 * `tabs.sendMessage`. The content script answers only these, and only from extension pages.
 */
export interface TabProtocolMap {
  /** What Backstory found on this page: one row per entity, most mentioned first. */
  'tab.mentions': {
    request: Record<string, never>;
    response: { entities: Array<{ entityKey: string; count: number; text: string }>; enabled: boolean };
  };
  /** Scroll to the first mention of an entity and open its popover. */
  'tab.reveal': { request: { entityKey: string }; response: { found: boolean } };
}

/** Sent by the background to the active tab when a keyboard command asks to step through mentions. */
export interface MentionStepEvent {
  type: 'mention.step';
  direction: 'next' | 'previous';
}

/** Sent by the background to every tab when the knowledge base changed. */
export interface KnowledgeBaseChangedEvent {
  type: 'kb.revision';
  revision: number;
}

export type ErrorCode = 'forbidden' | 'bad-request' | 'unknown-message' | 'not-found' | 'internal';

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T> = { ok: true; result: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Thrown on the asking side when the reply is an error. */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}
