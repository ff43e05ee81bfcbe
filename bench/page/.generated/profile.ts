import { launchExtensionBrowser } from '../../../tests/e2e/support/extension-browser';
import { startStaticServer } from '../../../tests/e2e/support/static-server';
import { openMeasuredPage, waitForScan, collectLoad } from '../measure-load';

const files = process.argv.slice(2);
const server = await startStaticServer(['bench/page/.generated', '/work/shared/samples/pages']);
const browser = await launchExtensionBrowser();
if (process.env.IMPORT) {
  const options = await browser.openExtensionPage('options.html');
  await options.locator('input[type=file]').setInputFiles('bench/page/.generated/bench.pack.json');
  await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 180_000 });
  await options.close();
  const w = await openMeasuredPage(browser.context, server.origin); await w.goto(server.url('long.html')); await waitForScan(w, 120000); await w.close();
}
for (const file of files) {
  const page = await openMeasuredPage(browser.context, server.origin);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(server.url(file));
  await waitForScan(page);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const load = await collectLoad(page);
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const self = new Map<string, number>();
  const dt = profile.timeDeltas as number[];
  profile.samples.forEach((id: number, i: number) => {
    const n = byId.get(id); const cf = n.callFrame;
    if (!cf.url.includes('content.js') && !(cf.url === '' && isOurs(n))) return;
    const key = `${cf.functionName || '(anon)'} ${cf.url.includes('content.js') ? 'L' + cf.lineNumber : '(native)'}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  function isOurs(n: any): boolean { // native frames called from our code
    let p = profile.nodes.find((m: any) => m.children?.includes(n.id));
    while (p) { if (p.callFrame.url.includes('content.js')) return true; p = profile.nodes.find((m: any) => m.children?.includes(p.id)); }
    return false;
  }
  console.log(file, 'main', load.mainThreadMs.toFixed(1), 'slices', load.slices, 'longest', load.longestSliceMs.toFixed(1), 'hl', load.highlights, 'nodes', load.textNodes);
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `  ${v.toFixed(1)}ms ${k}`).join('\n'));
  await page.close();
}
await browser.close(); await server.close();
