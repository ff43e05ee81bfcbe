import type { Reply, SearchPortControl, SearchPortReply, SearchPortRequest } from '../../lib/messages/protocol';
import type { SearchResults } from '../../lib/search/types';

/** What the service worker's `message` event gives us (the webworker lib is not in the project's types). */
interface ClientMessageEvent {
  origin: string;
  data: unknown;
  ports: readonly MessagePort[];
}

/**
 * Answers searches over the MessagePorts that extension pages hand to the service worker
 * (see SearchPortControl). `answer` is the same path as the `kb.search` message: the
 * router's checks and error replies. Nothing happens where there is no service worker
 * (Firefox's background page): the popup asks by message there.
 */
export function listenForSearchPorts(answer: (query: string) => Promise<Reply<SearchResults>>): void {
  if (!('ServiceWorkerGlobalScope' in globalThis)) return;
  addEventListener('message', (event) => {
    const { origin, data, ports } = event as unknown as ClientMessageEvent;
    // Only the extension's own pages can be clients of its worker; checked all the same.
    if (origin !== location.origin || !isControl(data) || data.type !== 'search.connect' || !ports[0]) return;
    serve(ports[0], answer);
  });
}

function serve(port: MessagePort, answer: (query: string) => Promise<Reply<SearchResults>>): void {
  port.addEventListener('message', ({ data }: MessageEvent<unknown>) => {
    if (!isRequest(data)) return;
    void answer(data.query).then((reply) => port.postMessage({ id: data.id, reply } satisfies SearchPortReply));
  });
  port.start();
}

function isControl(data: unknown): data is SearchPortControl {
  return typeof data === 'object' && data !== null && typeof (data as SearchPortControl).type === 'string';
}

function isRequest(data: unknown): data is SearchPortRequest {
  return typeof data === 'object' && data !== null && Number.isInteger((data as SearchPortRequest).id) && typeof (data as SearchPortRequest).query === 'string';
}
