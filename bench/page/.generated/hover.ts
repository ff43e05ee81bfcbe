import { launchExtensionBrowser } from '../../../tests/e2e/support/extension-browser';
import { setSettings } from '../../../tests/e2e/support/page-tools';
import { startStaticServer } from '../../../tests/e2e/support/static-server';
import { openMeasuredPage, waitForScan } from '../measure-load';
import { hoverLatencies } from '../interactions';
const server = await startStaticServer(['bench/page/.generated', '/work/shared/samples/pages']);
const browser = await launchExtensionBrowser();
browser.serviceWorker.on('console', (m) => { if (m.text().startsWith('DBG')) console.log(m.text()); });
const options = await browser.openExtensionPage('options.html');
await options.locator('input[type=file]').setInputFiles('bench/page/.generated/bench.pack.json');
await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 180_000 });
await options.close();
await setSettings(browser, { hoverDelayMs: 0 });
for (const file of ['long.html', 'wikipedia-list_9_11_victims.html']) {
  const page = await openMeasuredPage(browser.context, server.origin);
  await page.goto(server.url(file)); await waitForScan(page, 120000);
  const lat = await hoverLatencies(page, 10);
  const stages = await page.evaluate(`(() => {
    const get = (n) => performance.getEntriesByName(n).map((e) => e.startTime);
    const open = get('dbg:open'), shown = get('dbg:shown'), cards = get('dbg:cards'), upd = get('dbg:updated'), ready = get('backstory:popover-ready');
    return open.map((o, i) => [shown[i] - o, cards[i] - shown[i], upd[i] - cards[i], ready[i] - upd[i]].map((x) => Math.round(x)));
  })()`);
  console.log(file, lat.map(Math.round), JSON.stringify(stages));
  await page.close();
}
await browser.close(); await server.close();
