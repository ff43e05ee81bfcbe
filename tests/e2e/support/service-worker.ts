import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

type TargetInfo = { targetId: string; type: string; url: string };

/**
 * Stops the extension's service worker, as Chromium does after 30 s idle, and waits
 * until it is gone (through the DevTools protocol of any page). Used by tests and benchmarks.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, anyPage: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(anyPage);
  const workers = async () =>
    ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
  const [worker] = await workers();
  if (!worker) throw new Error('No service worker to stop');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  for (let i = 0; i < 100 && (await workers()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  const left = (await workers()).length;
  await cdp.detach();
  if (left > 0) throw new Error('The service worker did not stop');
}
