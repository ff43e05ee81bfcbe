import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-browser';

const SCREENSHOTS = 'artifacts/screenshots';

interface Expected {
  mentions: Array<{ text: string }>;
}

/** Texts of the painted mentions in document order, as the page itself can read them. */
function highlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('backstory-mention');
    const ranges = [...(highlight ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  });
}

async function waitForHighlights(page: Page, min: number): Promise<string[]> {
  await page.waitForFunction(
    (n: number) => ((CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('backstory-mention')?.size ?? 0) >= n,
    { timeout: 20_000 },
    min,
  );
  return highlightTexts(page);
}

/** Rect of the first occurrence of `text` on the page, scrolled into view. */
function rectOfText(page: Page, text: string): Promise<{ x: number; y: number; bottom: number }> {
  return page.evaluate((wanted: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom };
    }
    throw new Error(`${wanted} is not on the page`);
  }, text);
}

describe('Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startStaticServer(['tests/e2e/fixtures/pages']);
    firefox = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('the Firefox build passes web-ext lint with no errors', async () => {
    const run = await promisify(execFile)('node_modules/.bin/web-ext', ['lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-input'], {
      maxBuffer: 10_000_000,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as { errors: Array<{ code: string; message: string; file?: string }>; summary: { errors: number } };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  describe('on the demo page', () => {
    let page: Page;

    beforeAll(async () => {
      page = await firefox.browser.newPage();
      await page.goto(server.url('demo.html'));
    });

    it('highlights exactly the names the starter pack knows (CSS Custom Highlight API, present in Firefox ESR 153)', async () => {
      const expected = JSON.parse(await readFile('tests/e2e/fixtures/pages/demo.expected.json', 'utf8')) as Expected;
      await waitForHighlights(page, expected.mentions.length);
      await new Promise((done) => setTimeout(done, 300));
      expect(await highlightTexts(page)).toEqual(expected.mentions.map((m) => m.text));
      await page.screenshot({ path: `${SCREENSHOTS}/firefox-demo-highlights.png` });
    });

    it('opens the popover under a hovered name, in a closed shadow root the page cannot read', async () => {
      const name = await rectOfText(page, 'Zhang Ming');
      await page.mouse.move(name.x, name.y);
      // The popover's text lives in a closed shadow root that neither the page nor WebDriver
      // BiDi can enter in Firefox (its content-script realm is not exposed to BiDi). What the
      // user sees is checked by hit-testing: the card covers the area just below the name.
      const below = { x: name.x, y: name.bottom + 40 };
      await page.waitForFunction(
        (p: { x: number; y: number }) => document.elementFromPoint(p.x, p.y)?.tagName === 'BACKSTORY-POPOVER',
        { timeout: 10_000 },
        below,
      );
      expect(await page.evaluate(() => document.querySelector('backstory-popover')?.shadowRoot ?? null)).toBeNull();
      await page.screenshot({ path: `${SCREENSHOTS}/firefox-demo-popover.png` });
      // Pinned and scrolled: the name stays on top, edge to edge, under the pinned strip.
      await page.mouse.click(name.x, name.y);
      // A short window leaves the card less room than it needs, so it scrolls inside.
      const viewport = page.viewport();
      await page.setViewport({ width: viewport?.width ?? 1280, height: Math.round(name.bottom + 260) });
      await new Promise((done) => setTimeout(done, 400));
      await page.mouse.move(below.x, below.y);
      await page.mouse.wheel({ deltaY: 120 });
      await new Promise((done) => setTimeout(done, 400));
      await page.screenshot({ path: `${SCREENSHOTS}/firefox-card-pinned-scrolled.png` });
      if (viewport) await page.setViewport(viewport);
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        (p: { x: number; y: number }) => document.elementFromPoint(p.x, p.y)?.tagName !== 'BACKSTORY-POPOVER',
        { timeout: 5_000 },
        below,
      );
    });
  });

  it('popup search finds entities and articles', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    await popup.type('[role=combobox]', 'astana');
    // Results are options of a listbox, grouped (people and places, then articles).
    await popup.waitForFunction(
      () => [...document.querySelectorAll('[role=option]')].some((o) => /^Astana\b/u.test(o.textContent ?? '')),
      { timeout: 10_000 },
    );
    const options = await popup.$$eval('[role=option]', (els) => els.map((el) => el.textContent ?? ''));
    expect(options.filter((t) => /Astana/iu.test(t)).length).toBeGreaterThan(1);
    await popup.screenshot({ path: `${SCREENSHOTS}/firefox-popup-search.png` });
    await popup.close();
  });

  it('options page imports a pack file, and its names highlight on a page', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const input = await options.waitForSelector('input[type=file]');
    await input!.uploadFile('tests/fixtures/packs/valid/complete.pack.json');
    await options.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Imported River Delta water summit, 2025'), {
      timeout: 20_000,
    });
    await options.screenshot({ path: `${SCREENSHOTS}/firefox-options-after-import.png`, fullPage: true });
    const page = await firefox.browser.newPage();
    await page.goto(server.url('river-delta.html'));
    expect(await waitForHighlights(page, 2)).toEqual(['Amara Okafor', 'Port Vale']);
    await page.close();
    await options.close();
  });
});
