import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import type { ExtensionBrowser } from './support/extension-browser';
import { NetworkRecorder } from './support/network-recorder';

describe('the privacy policy, from the options page', () => {
  const session = useE2eSession();
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ browser } = session);
  });

  it('opens the policy shipped inside the extension in a new tab, text only, with every permission explained', async () => {
    const network = new NetworkRecorder(browser.context);
    const options = await browser.openExtensionPage('options.html');
    const link = options.getByRole('link', { name: 'Privacy policy' });
    const [policy] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await policy.waitForLoadState();
    expect(policy.url()).toBe(`chrome-extension://${browser.extensionId}/privacy.html`);
    await expect(policy.getByRole('heading', { name: 'Backstory privacy policy', level: 1 }).isVisible()).resolves.toBe(true);
    await expect(policy.getByText('Backstory collects nothing.', { exact: false }).isVisible()).resolves.toBe(true);
    for (const permission of ['unlimitedStorage', 'activeTab', '<all_urls>']) {
      await expect(policy.getByRole('listitem').filter({ hasText: permission }).count()).resolves.toBe(1);
    }
    await expect(policy.locator('script').count()).resolves.toBe(0);
    expect(network.foreign([`chrome-extension://${browser.extensionId}`])).toEqual([]);
    await policy.setViewportSize({ width: 900, height: 900 });
    await policy.screenshot({ path: `${SCREENSHOTS}/privacy-policy.png` });
    await options.close();
    await policy.close();
  });
});
