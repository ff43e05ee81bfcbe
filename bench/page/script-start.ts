/**
 * The part of Backstory's main-thread work that its own performance measures cannot see:
 * compiling and running its scripts (the page script at document idle, the card script on
 * the first hover). Read from a Chromium trace of the page (CDP `Tracing`): the
 * `EvaluateScript` events of the extension's files, in thread (CPU) time where the trace
 * has it: on a shared machine, wall time counts the waits for a core too.
 */
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  dur?: number;
  /** Thread time (CPU) of the event: unlike `dur`, not lengthened while other processes hold the core. */
  tdur?: number;
  args?: { data?: { url?: string } };
}

export interface ScriptTrace {
  /** Stops tracing; milliseconds of script evaluation of the extension's files, by file name. */
  stop(): Promise<Map<string, number>>;
}

/** Starts tracing `page` (before it navigates); `extensionId` says which scripts are ours. */
export async function traceScriptStart(page: Page, extensionId: string): Promise<ScriptTrace> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  const prefix = `chrome-extension://${extensionId}/`;
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const byFile = new Map<string, number>();
      for (const event of events) {
        const url = event.args?.data?.url;
        if (event.name !== 'EvaluateScript' || !url?.startsWith(prefix)) continue;
        const file = url.slice(prefix.length);
        byFile.set(file, (byFile.get(file) ?? 0) + (event.tdur ?? event.dur ?? 0) / 1000);
      }
      return byFile;
    },
  };
}

/** The sum of a trace's figures. */
export function totalMs(byFile: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const value of byFile.values()) sum += value;
  return sum;
}
