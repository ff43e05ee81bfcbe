import { type Envelope, MessageError, type MessageType, type Reply, type RequestOf, type ResponseOf } from './protocol';

/** How a context sends one message and receives the reply (`browser.runtime.sendMessage`). */
export type Transport = (envelope: Envelope) => Promise<unknown>;

export interface MessageClient {
  send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
}

/** A typed client over a transport; error replies become `MessageError`s. */
export function createMessageClient(transport: Transport): MessageClient {
  return {
    async send(type, payload) {
      const reply = (await transport({ type, payload } as Envelope)) as Reply<never> | undefined;
      if (!reply) throw new MessageError('internal', `No reply to ${type}`);
      if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
      return reply.result;
    },
  };
}
