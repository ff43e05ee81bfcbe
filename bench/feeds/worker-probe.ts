import type { CDPSession, Page, Worker } from 'playwright-core';

/**
 * What the background's service worker costs during a fetch round: its JS heap (CDP
 * Runtime.getHeapUsage, through a legacy session on the worker's target: Playwright gives
 * no CDP session to a worker), sampled every 100 ms, and how late a 10 ms timer inside it
 * fires (a task over 50 ms there delays every message the background answers).
 */
export class WorkerProbe {
  private peak = 0;
  private sampling?: ReturnType<typeof setInterval>;
  private nextId = 1;
  private readonly waiting = new Map<number, (value: { usedSize: number }) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
    private readonly worker: Worker,
  ) {
    this.cdp.on('Target.receivedMessageFromTarget' as never, (event: { message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
      if (reply.id && reply.result) this.waiting.get(reply.id)?.(reply.result);
    });
  }

  static async attach(page: Page, worker: Worker): Promise<WorkerProbe> {
    const cdp = await page.context().newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: Array<{ targetId: string; type: string }> };
    const target = targetInfos.find((t) => t.type === 'service_worker')!;
    const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId: target.targetId, flatten: false } as never)) as { sessionId: string };
    return new WorkerProbe(cdp, sessionId, worker);
  }

  async heapUsed(): Promise<number> {
    const id = this.nextId++;
    const reply = new Promise<{ usedSize: number }>((resolve) => this.waiting.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) } as never);
    return (await reply).usedSize;
  }

  async start(): Promise<void> {
    this.peak = await this.heapUsed();
    this.sampling = setInterval(() => void this.heapUsed().then((used) => (this.peak = Math.max(this.peak, used)), () => undefined), 100);
    await this.worker.evaluate(() => {
      const g = globalThis as unknown as { benchLag: { max: number; late: number; last: number; timer: number } };
      g.benchLag = { max: 0, late: 0, last: performance.now(), timer: 0 };
      g.benchLag.timer = setInterval(() => {
        const now = performance.now();
        const lag = now - g.benchLag.last - 10;
        g.benchLag.max = Math.max(g.benchLag.max, lag);
        if (lag > 50) g.benchLag.late++;
        g.benchLag.last = now;
      }, 10) as unknown as number;
    });
  }

  /** Peak heap since start, and the worker's timer lag. */
  async stop(): Promise<{ peakHeap: number; maxLagMs: number; lateTicks: number }> {
    clearInterval(this.sampling);
    const lag = await this.worker.evaluate(() => {
      const g = globalThis as unknown as { benchLag: { max: number; late: number; timer: number } };
      clearInterval(g.benchLag.timer);
      return { max: g.benchLag.max, late: g.benchLag.late };
    });
    return { peakHeap: this.peak, maxLagMs: lag.max, lateTicks: lag.late };
  }
}
