/**
 * The service worker's JavaScript heap, through the DevTools protocol: Playwright opens
 * protocol sessions only on pages, so the page's session attaches to the worker's target
 * and relays messages to it (Target.sendMessageToTarget).
 */
import type { BrowserContext } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface WorkerHeap {
  /** Bytes of JavaScript objects after a full garbage collection. */
  usedBytes: number;
  /** Bytes the heap holds from the system. */
  totalBytes: number;
  /** Array buffers and other memory outside the heap, when the browser reports it. */
  externalBytes?: number;
}

/** The extension's service worker heap after two full collections. */
export async function workerHeap(context: BrowserContext, extensionId: string): Promise<WorkerHeap> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
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
    const send = (method: string, params: object = {}): Promise<unknown> =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    await send('HeapProfiler.enable');
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number; backingStorageSize?: number; embedderHeapUsedSize?: number };
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize, externalBytes: usage.backingStorageSize };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
