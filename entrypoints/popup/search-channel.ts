import type { SearchPortControl, SearchPortReply, SearchPortRequest } from '../../lib/messages/protocol';
import { MessageError } from '../../lib/messages/protocol';
import type { SearchResults } from '../../lib/search/types';

/**
 * A reply not back after this long means the port is dead (the service worker was stopped
 * and the close event did not arrive): the search is asked by message instead. Generous,
 * in milliseconds: a worker that has just woken loads the index before its first answer.
 */
const REPLY_TIMEOUT_MS = 5_000;
/**
 * Messages over a transferred port do not count as activity for the service worker's idle
 * timer (30 s); a message to the worker itself does. Sent with a search when the last was
 * longer ago than this, in milliseconds.
 */
const KEEPALIVE_EVERY_MS = 10_000;

/** The port stopped answering; the search is asked by message instead. */
class DeadPort extends Error {}

interface Waiting {
  resolve(results: SearchResults): void;
  reject(error: unknown): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Searches over a MessagePort to the background's service worker (see SearchPortControl
 * in the protocol), falling back to `bySendMessage` where there is no service worker
 * controlling the page (Firefox's background page) or when the port is dead.
 */
export function searchChannel(bySendMessage: (query: string) => Promise<SearchResults>): (query: string) => Promise<SearchResults> {
  let port: MessagePort | undefined;
  let nextId = 1;
  let lastKeepalive = Number.NEGATIVE_INFINITY;
  const waiting = new Map<number, Waiting>();

  function drop(dead: MessagePort): void {
    if (port !== dead) return;
    port = undefined;
    dead.close();
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new DeadPort('The search port closed'));
    }
    waiting.clear();
  }

  function connect(): MessagePort | undefined {
    const worker = globalThis.navigator?.serviceWorker?.controller;
    if (!worker) return undefined;
    const channel = new MessageChannel();
    const opened = channel.port1;
    opened.addEventListener('message', ({ data }: MessageEvent<SearchPortReply>) => {
      const w = waiting.get(data.id);
      if (!w) return;
      waiting.delete(data.id);
      clearTimeout(w.timer);
      if (data.reply.ok) w.resolve(data.reply.result);
      else w.reject(new MessageError(data.reply.error.code, data.reply.error.message));
    });
    opened.start();
    // Fired when the other end goes away (the service worker stopped).
    opened.addEventListener('close', () => drop(opened));
    worker.postMessage({ type: 'search.connect' } satisfies SearchPortControl, [channel.port2]);
    lastKeepalive = performance.now();
    return opened;
  }

  function keepAlive(): void {
    if (performance.now() - lastKeepalive < KEEPALIVE_EVERY_MS) return;
    lastKeepalive = performance.now();
    globalThis.navigator.serviceWorker.controller?.postMessage({ type: 'search.keepalive' } satisfies SearchPortControl, []);
  }

  function overPort(open: MessagePort, query: string): Promise<SearchResults> {
    keepAlive();
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        drop(open);
        reject(new DeadPort('No reply on the search port'));
      }, REPLY_TIMEOUT_MS);
      waiting.set(id, { resolve, reject, timer });
      // A MessagePort has no target origin (the lint rule is about window.postMessage).
      open.postMessage({ id, query } satisfies SearchPortRequest, []);
    });
  }

  return async (query) => {
    port ??= connect();
    if (!port) return bySendMessage(query);
    try {
      return await overPort(port, query);
    } catch (error) {
      // An error the background answered stands; a dead port is replaced next time, and this search asked by message.
      if (!(error instanceof DeadPort)) throw error;
      return bySendMessage(query);
    }
  };
}
