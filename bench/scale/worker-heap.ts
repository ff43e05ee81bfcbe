/** The service worker's JavaScript heap, through the DevTools protocol (worker-session.ts). */
import type { BrowserContext } from 'playwright-core';
import { workerSession } from './worker-session';

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
  const session = await workerSession(context, extensionId);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number; backingStorageSize?: number };
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize, externalBytes: usage.backingStorageSize };
  } finally {
    await session.close();
  }
}
