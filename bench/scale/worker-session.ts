/**
 * A DevTools protocol session on the extension's service worker: Playwright opens
 * protocol sessions only on pages, so a page's session attaches to the worker's target
 * and relays messages to it (Target.sendMessageToTarget).
 */
import type { BrowserContext } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface WorkerSession {
  send(method: string, params?: object): Promise<unknown>;
  close(): Promise<void>;
}

export async function workerSession(context: BrowserContext, extensionId: string): Promise<WorkerSession> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const close = async () => {
    await cdp.detach().catch(() => undefined);
    await page.close();
  };
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
    if (!worker) throw new Error('no service worker target');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    let nextId = 1;
    const waiting = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? message.error);
    });
    return {
      send: (method, params = {}) =>
        new Promise((resolve) => {
          const id = nextId++;
          waiting.set(id, resolve);
          void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
        }),
      async close() {
        await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
