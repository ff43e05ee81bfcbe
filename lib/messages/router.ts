import {
  CONTENT_SCRIPT_MESSAGES,
  type Envelope,
  type ErrorCode,
  type MessageType,
  type ProtocolMap,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from './protocol';

/** Who sent a message, as far as the background can tell. */
export type SenderTrust = 'extension-page' | 'content-script' | 'foreign';

export type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>, context: { tabId?: number }) => Promise<ResponseOf<T>>;
};

/** Thrown by a handler for an expected failure; becomes an error reply with its code. */
export class HandlerError extends Error {
  constructor(
    readonly code: 'bad-request' | 'not-found',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Dispatches one message: checks the sender may send it, runs the handler, and turns
 * every outcome into a `Reply`. Unexpected errors are logged once here.
 */
export async function routeMessage(
  handlers: Handlers,
  message: unknown,
  sender: { trust: SenderTrust; tabId?: number },
): Promise<Reply<unknown>> {
  if (!isEnvelope(message)) return fail('bad-request', 'Not a Backstory message');
  const type = message.type as MessageType;
  if (!Object.hasOwn(handlers, type)) return fail('unknown-message', `Unknown message ${String(type)}`);
  if (sender.trust === 'foreign') return fail('forbidden', 'Sender is not part of this extension');
  if (sender.trust === 'content-script' && !CONTENT_SCRIPT_MESSAGES.has(type)) {
    return fail('forbidden', `${type} is not available to content scripts`);
  }
  try {
    const handler = handlers[type] as (p: unknown, c: { tabId?: number }) => Promise<ProtocolMap[MessageType]['response']>;
    return { ok: true, result: await handler(message.payload, { tabId: sender.tabId }) };
  } catch (error) {
    if (error instanceof HandlerError) return fail(error.code, error.message);
    console.error(`Backstory: ${type} failed`, error instanceof Error ? (error.stack ?? error.message) : error);
    return fail('internal', 'Something went wrong inside Backstory');
  }
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';
}

function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
