/**
 * A CPU profile of the library worker while it imports the 1M-name pack (bench/scale), taken
 * through the DevTools protocol (the options page's session attaches to the worker as it
 * starts), with when each write chunk was reported: where the worker's time goes between
 * our code, garbage collection and waiting for IndexedDB. Writes the profile to
 * artifacts/ and prints a summary: `node node_modules/.bin/tsx bench/scale/profile-import.ts [extension dir]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BENCH_EXTENSION_DIR, launchExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { installProbe, type ProbeResult } from '../import/probe';
import { FULL_SCALE, generateLibrary } from './generate-library';
import { removeFiles, scaleFiles } from './measure-import';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}
type Probe = { backstoryProbe: ProbeResult };

async function main(): Promise<void> {
  const extensionDir = resolve(process.argv[2] ?? BENCH_EXTENSION_DIR);
  const files = await scaleFiles(generateLibrary(FULL_SCALE));
  const browser = await launchExtensionBrowser({ extensionDir });
  try {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('list', { name: 'Installed packs' }).waitFor();
    await options.evaluate('globalThis.__name = (f) => f');
    const cdp = await browser.context.newCDPSession(options);
    let nextId = 1;
    const waiting = new Map<number, (result: unknown) => void>();
    let workerSession: string | undefined;
    const send = (method: string, params: object = {}): Promise<unknown> =>
      new Promise((done) => {
        const id = nextId++;
        waiting.set(id, done);
        void cdp.send('Target.sendMessageToTarget', { sessionId: workerSession!, message: JSON.stringify({ id, method, params }) });
      });
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? message.error);
    });
    const attached = new Promise<void>((done) => {
      cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => {
        if (event.targetInfo.type !== 'worker' || workerSession) return;
        workerSession = event.sessionId;
        void (async () => {
          await send('Profiler.enable');
          await send('Profiler.setSamplingInterval', { interval: 1000 });
          await send('Profiler.start');
          await send('Runtime.runIfWaitingForDebugger');
          done();
        })();
      });
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    await options.evaluate(installProbe);
    const load = loadavg()[0]!.toFixed(1);
    await options.locator('input[type=file]').first().setInputFiles(files.big);
    await attached;
    // Stop while the worker is alive: once the last chunks are reported (before the switch).
    await options.waitForFunction(() => ((globalThis as unknown as Probe).backstoryProbe.writes.at(-1)?.[1] ?? 0) >= 548_000 || (globalThis as unknown as Probe).backstoryProbe.end > 0, undefined, { timeout: 900_000, polling: 100 });
    const { profile } = (await send('Profiler.stop')) as { profile: Profile };
    const probe = await options.evaluate(() => (globalThis as unknown as Probe).backstoryProbe);
    await mkdir('artifacts/import6', { recursive: true });
    await writeFile('artifacts/import6/worker.cpuprofile', JSON.stringify(profile));
    await writeFile('artifacts/import6/worker-writes.json', JSON.stringify({ stages: probe.stages, start: probe.start, writes: probe.writes }));
    console.info(JSON.stringify({ load: `${load} → ${loadavg()[0]!.toFixed(1)}`, stages: Object.fromEntries(Object.entries(probe.stages).map(([s, t]) => [s, Math.round(t - probe.start)])) }));
    console.info(summarize(profile));
  } finally {
    await browser.close();
    await removeFiles(files.dir);
  }
}

/** Self time by function (top 25), and idle, program and GC, in ms. */
export function summarize(profile: Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!)!;
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').at(-1)}:${node.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const rows = [...self].toSorted((a, b) => b[1] - a[1]).slice(0, 25);
  return [`profile ${total.toFixed(0)} ms`, ...rows.map(([name, ms]) => `${ms.toFixed(0).padStart(8)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${name}`)].join('\n');
}

await main();
