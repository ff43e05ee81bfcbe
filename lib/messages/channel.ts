/**
 * One typed request/response channel for every way Backstory's parts talk: runtime
 * messages to the background, tab messages to a content script, the background's events
 * to tabs, and jobs in the library worker. Each message is declared once with the schema
 * of its payload and the senders allowed to use it; every reply is `{ ok, result }` or
 * `{ ok, error }`. Pure: the transport is injected, so both ends are unit-tested.
 */
import * as v from 'valibot';

/** Who may send a message. A content script runs inside web pages: it may ask, never write. */
export type SenderRole = 'extension-page' | 'content-script';

/** The sender as the receiving side can tell it; 'foreign' is another extension (or nobody we know). */
export type SenderTrust = SenderRole | 'foreign';

export type ErrorCode = 'forbidden' | 'bad-request' | 'unknown-message' | 'not-found' | 'internal';

export type Reply<T> = { ok: true; result: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** A type carried by a declaration without a value (the reply type: replies come from our own code). */
export interface Returns<T> {
  readonly returns?: T;
}

/** Marks the reply (or progress) type of a declaration. */
/* @__NO_SIDE_EFFECTS__ */
export function returns<T>(): Returns<T> {
  return {};
}

export interface MessageDeclaration<Schema extends v.GenericSchema = v.GenericSchema, Response = unknown, Progress = never> {
  /** Checked at the receiving door before any handler runs; the handler gets its output. */
  payload: Schema;
  senders: readonly SenderRole[];
  response: Returns<Response>;
  /** Progress a long job reports before its one completion (library worker jobs). */
  progress?: Returns<Progress>;
}

export type Declarations = Record<string, MessageDeclaration<v.GenericSchema, unknown, unknown>>;

/** The payload a handler receives (after validation). */
export type RequestOf<D extends Declarations, T extends keyof D> = v.InferOutput<D[T]['payload']>;
/** The payload a sender passes. */
export type PayloadOf<D extends Declarations, T extends keyof D> = v.InferInput<D[T]['payload']>;
export type ResponseOf<D extends Declarations, T extends keyof D> = D[T]['response'] extends Returns<infer R> ? R : never;
export type ProgressOf<D extends Declarations, T extends keyof D> = NonNullable<D[T]['progress']> extends Returns<infer P> ? P : never;

export interface Envelope<T extends string = string> {
  type: T;
  payload: unknown;
}

export type HandlersOf<D extends Declarations, Context> = {
  [T in keyof D]: (payload: RequestOf<D, T>, context: Context) => Promise<ResponseOf<D, T>> | ResponseOf<D, T>;
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

/** Longest error message a reply carries: a payload's own text may appear in valibot's messages. */
const MAX_ERROR_MESSAGE_CHARS = 300;

/** Whether `message` is an envelope of one of the `declarations` (own keys only: never `toString`). */
export function isDeclared<D extends Declarations>(declarations: D, message: unknown): message is Envelope<Extract<keyof D, string>> {
  return isEnvelope(message) && Object.hasOwn(declarations, message.type);
}

/**
 * The receiving door: checks the envelope, the sender and the payload, then runs the
 * handler and turns every outcome into a `Reply`. A handler never sees a message its
 * sender may not send or a payload its schema refuses. Unexpected errors are logged once
 * here and answered as `internal`, without details.
 */
export async function answerMessage<D extends Declarations, Context>(options: {
  declarations: D;
  handlers: HandlersOf<D, Context>;
  message: unknown;
  sender: SenderTrust;
  context: Context;
}): Promise<Reply<unknown>> {
  const { declarations, handlers, message, sender, context } = options;
  if (!isEnvelope(message)) return fail('bad-request', 'Not a Backstory message');
  const type = message.type;
  if (!Object.hasOwn(declarations, type) || !Object.hasOwn(handlers, type)) return fail('unknown-message', `Unknown message ${type.slice(0, 100)}`);
  const declaration = declarations[type]!;
  if (sender === 'foreign') return fail('forbidden', 'Sender is not part of this extension');
  if (!declaration.senders.includes(sender)) return fail('forbidden', `${type} is not available to ${sender === 'content-script' ? 'content scripts' : 'extension pages'}`);
  const parsed = v.safeParse(declaration.payload, message.payload);
  if (!parsed.success) return fail('bad-request', `${type}: ${describeIssues(parsed.issues)}`.slice(0, MAX_ERROR_MESSAGE_CHARS));
  try {
    const handler = handlers[type] as (payload: unknown, context: Context) => unknown;
    return { ok: true, result: await handler(parsed.output, context) };
  } catch (error) {
    if (error instanceof HandlerError) return fail(error.code, error.message);
    console.error(`Backstory: ${type} failed`, error instanceof Error ? (error.stack ?? error.message) : error);
    return fail('internal', 'Something went wrong inside Backstory');
  }
}

/** How a context sends one envelope and receives the reply (e.g. `browser.runtime.sendMessage`). */
export type Transport = (envelope: Envelope) => Promise<unknown>;

export interface ChannelClient<D extends Declarations> {
  send<T extends Extract<keyof D, string>>(type: T, payload: PayloadOf<D, T>): Promise<ResponseOf<D, T>>;
}

/** A typed client over a transport; error replies (and no reply at all) become `MessageError`s. */
export function createChannelClient<D extends Declarations>(transport: Transport): ChannelClient<D> {
  return {
    async send(type, payload) {
      return unwrapReply(type, await transport({ type, payload }));
    },
  };
}

/** The result of a reply, or a `MessageError` for an error reply or none. */
export function unwrapReply<T>(type: string, reply: unknown): T {
  if (!isReply(reply)) throw new MessageError('internal', `No reply to ${type}`);
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.result as T;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';
}

function isReply(reply: unknown): reply is Reply<unknown> {
  return typeof reply === 'object' && reply !== null && typeof (reply as Reply<unknown>).ok === 'boolean';
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${v.getDotPath(issue) ?? 'payload'}: ${issue.message}`)
    .join('; ');
}

function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
