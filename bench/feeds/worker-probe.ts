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
  private readonly waiting = new Map<number, (value: never) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
    private readonly worker: Worker,
  ) {
    this.cdp.on('Target.receivedMessageFromTarget' as never, (event: { message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: never };
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

  /** One CDP command to the worker's target, through the legacy session. */
  private async command<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<T>((resolve) => this.waiting.set(id, resolve as (value: never) => void));
    await this.cdp.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as never);
    return reply;
  }

  async heapUsed(): Promise<number> {
    return (await this.command<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  /** Starts the V8 CPU profiler in the worker (sampling every 200 µs). */
  async startProfile(): Promise<void> {
    await this.command('Profiler.enable');
    await this.command('Profiler.setSamplingInterval', { interval: 200 });
    await this.command('Profiler.start');
  }

  /** Stops the profiler: the profile (Chrome DevTools' .cpuprofile format). */
  async stopProfile(): Promise<CpuProfile> {
    return (await this.command<{ profile: CpuProfile }>('Profiler.stop')).profile;
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

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * Where a profile's time went: self time per function (name, file, line), the largest
 * first; and the longest runs of samples without an idle one (the worker's long tasks),
 * each with the functions that took most of it.
 */
export function summarizeProfile(profile: CpuProfile, top = 15): { selfMs: Array<[string, number]>; longestBusyMs: number[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const busy: number[] = [];
  let run = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    if (functionName === '(idle)') {
      if (run > 0) busy.push(run);
      run = 0;
    } else run += ms;
  });
  if (run > 0) busy.push(run);
  return {
    selfMs: [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top),
    longestBusyMs: busy.sort((a, b) => b - a).slice(0, 10),
  };
}
