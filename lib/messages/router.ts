import { answerMessage, type Reply, type SenderTrust } from './channel';
import { BACKGROUND_MESSAGES, type MessageType, type RequestOfMessage, type ResponseOfMessage } from './protocol';

/** What a background handler knows of the sender besides the payload. */
export interface BackgroundContext {
  /** The sender's tab: set for content scripts (and extension pages open in a tab). */
  tabId?: number;
  /** The sending frame's address and origin, as the browser reports them (never the payload). */
  frameUrl?: string;
  frameOrigin?: string;
  /** Whether the sender's tab is in a private (incognito) window. */
  incognito?: boolean;
  /** The sender's frame in that tab (0: the top frame). */
  frameId?: number;
}

/** The background's handlers: one per declared message, each asynchronous. */
export type Handlers = {
  [T in MessageType]: (payload: RequestOfMessage<T>, context: BackgroundContext) => Promise<ResponseOfMessage<T>>;
};

/**
 * Dispatches one runtime message to the background's handlers, through the door that
 * checks the sender and the payload against the protocol's declarations first.
 */
export function routeMessage(handlers: Handlers, message: unknown, sender: { trust: SenderTrust } & BackgroundContext): Promise<Reply<unknown>> {
  const { trust, ...context } = sender;
  return answerMessage({ declarations: BACKGROUND_MESSAGES, handlers, message, sender: trust, context });
}
