/**
 * `npm start`: the built extension in Chromium, with the starter pack, on the bundled
 * demo page served from 127.0.0.1. With a display it opens a window and stays until
 * Ctrl+C; without one it runs headless, saves screenshots and prints their paths.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ClosedPopover } from '../tests/e2e/support/closed-popover';
import { launchExtensionBrowser, pointOfText, waitForHighlights } from '../tests/e2e/support/extension-browser';
import { startStaticServer } from '../tests/e2e/support/static-server';

const SCREENSHOTS = resolve('artifacts/demo');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const server = await startStaticServer(['tests/e2e/fixtures/pages']);
const browser = await launchExtensionBrowser({ headless });
const page = await browser.context.newPage();
await page.goto(server.url('demo.html'));
const mentions = await waitForHighlights(page);
console.info(`Backstory is running on ${server.url('demo.html')} — ${mentions.length} names highlighted.`);

if (!headless) {
  console.info('Hover a highlighted name. Press Ctrl+C to quit.');
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
} else {
  await mkdir(SCREENSHOTS, { recursive: true });
  const shots: string[] = [];
  const shot = async (target: { screenshot(o: { path: string }): Promise<unknown> }, name: string) => {
    const path = `${SCREENSHOTS}/${name}.png`;
    await target.screenshot({ path });
    shots.push(path);
  };
  await shot(page, 'demo-page');
  const popover = await ClosedPopover.attach(page);
  const point = await pointOfText(page, 'Zhang Ming');
  await page.mouse.move(point.x, point.y);
  await popover.waitForText((t) => t.includes('article'));
  await shot(page, 'demo-popover');
  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.getByRole('combobox').fill('Astana');
  await popup.getByRole('group', { name: 'Articles' }).waitFor();
  await shot(popup, 'popup-search');
  const options = await browser.openExtensionPage('options.html');
  await options.getByText('Starter: SCO summit, Astana 2024').waitFor();
  await shot(options, 'options');
  console.info('No display here, so Chromium ran headless. Screenshots:');
  for (const path of shots) console.info(`  ${path}`);
}

await browser.close();
await server.close();
