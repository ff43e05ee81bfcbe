import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { writeGeneratedPages } from './fixtures/hostile/generate';
import { ClosedPopover, closedPopoverSize } from './support/closed-popover';
import { SCREENSHOTS, useE2eSession } from './support/e2e-session';
import { PageGuard } from './support/page-guard';
import { PageWorlds } from './support/page-worlds';
import { NetworkRecorder } from './support/network-recorder';
import { sendToTab } from './support/page-tools';

const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'none'; connect-src 'none'; font-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";
/** storm.js keeps at most this many paragraphs, one name in each. */
const STORM_MAX_PARAGRAPHS = 40;
/** The four starter-pack names in each hostile page's sentence. */
const NAMES_PER_SENTENCE = 4;

interface Opened {
  page: Page;
  worlds: PageWorlds;
  guard: PageGuard;
  popover: ClosedPopover;
}

interface LongTasks {
  count: number;
  maxMs: number;
  totalMs: number;
}

/**
 * Long tasks that started after the document was parsed (content scripts run at
 * document_idle, after that): Backstory's, plus the page's own first layout and paint.
 */
const LONG_TASKS_AFTER_PARSE = `(() => {
  const p = window.__probe; let count = 0, maxMs = 0, totalMs = 0;
  for (let i = 0; i < p.longTasks.length; i++) {
    const t = p.longTasks[i];
    if (p.parsedAt && t.start >= p.parsedAt) { count++; totalMs += t.duration; if (t.duration > maxMs) maxMs = t.duration; }
  }
  return { count, maxMs: Math.round(maxMs), totalMs: Math.round(totalMs) };
})()`;

/** The viewport centre of the first occurrence of `text`, found with the probe world's pristine builtins. */
function pointOfTextExpression(text: string): string {
  return `(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      node.parentElement.scrollIntoView({ block: 'center' });
      const range = new Range(); range.setStart(node, at); range.setEnd(node, at + ${text.length});
      const r = range.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  })()`;
}

/** The page's own script still runs and its text is what it loaded. */
async function expectPageIntact({ worlds, guard }: Opened, options: { textChanges?: boolean } = {}): Promise<void> {
  const ticks = await worlds.main<number>('window.__probe.ticks');
  await worlds.waitFor(async () => (await worlds.main<number>('window.__probe.ticks')) > ticks + 3, 'the page’s own timer');
  if (!options.textChanges) {
    const now = await worlds.main<{ length: number; hash: number }>('window.__probe.snapshot()');
    expect(now).toEqual({ length: await worlds.main('window.__probe.textLength'), hash: await worlds.main('window.__probe.textHash') });
  }
  expect(guard.errors).toEqual([]);
  expect(guard.dialogs).toEqual([]);
}

async function hover(opened: Opened, text: string): Promise<string> {
  const point = await opened.worlds.probe<{ x: number; y: number }>(pointOfTextExpression(text));
  await opened.page.mouse.move(point.x, point.y);
  return opened.popover.waitForText((t) => t.includes(text) && /article/u.test(t));
}

describe('hostile pages', () => {
  /** Asks for every name of the page, as the popup's "on this page" does (the rest of a long page is read then). */
  async function readWholePage(opened: Opened): Promise<void> {
    await sendToTab(session.browser, opened.page.url(), { type: 'tab.mentions', payload: {} });
  }

  let network: NetworkRecorder;
  let generated: string;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    generated = await mkdtemp(join(tmpdir(), 'backstory-hostile-'));
    await writeGeneratedPages(generated);
  });
  const session = useE2eSession({
    pages: () => [generated, 'tests/e2e/fixtures/hostile'],
    server: { headers: { '/csp-header.html': { 'content-security-policy': STRICT_CSP } } },
  });
  beforeAll(() => {
    network = new NetworkRecorder(session.browser.context);
  });

  afterAll(async () => {
    console.info('Hostile-page figures (measured in this run):', JSON.stringify(figures));
    await rm(generated, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Opened> {
    const page = await session.browser.context.newPage();
    const guard = new PageGuard(page);
    await page.goto(session.server.url(path));
    const worlds = await PageWorlds.attach(page);
    return { page, worlds, guard, popover: await ClosedPopover.attach(page) };
  }

  it('a page that replaces Array, JSON, Node, Element, Promise… prototypes: Backstory works untouched (isolated world)', async () => {
    const opened = await open('prototypes.html');
    // The page really did break its own world.
    expect(await opened.worlds.main<string>(`(() => { try { [1].map(String); return 'intact'; } catch (e) { return e.message; } })()`)).toBe('page broke map');
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) === NAMES_PER_SENTENCE, 'four highlights');
    expect(await hover(opened, 'Zhang Ming')).toMatch(/Secretary-General/u);
    await opened.page.screenshot({ path: `${SCREENSHOTS}/hostile-prototypes-popover.png` });
    await expectPageIntact(opened);
    await opened.page.close();
  });

  for (const [name, path] of [
    ['meta', 'csp-meta.html'],
    ['header', 'csp-header.html'],
  ] as const) {
    it(`a strict Content-Security-Policy (${name}): highlights and a styled popover, no violation reported to the page`, async () => {
      const opened = await open(path);
      await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) === NAMES_PER_SENTENCE, 'four highlights');
      expect(await hover(opened, 'Vladimir Putin')).toMatch(/President of Russia/u);
      // Unstyled, the dialog would span the viewport; styled, it is the card's width (entity-card.css: 380px).
      const size = await closedPopoverSize(opened.page);
      expect(size?.width).toBeGreaterThan(300);
      expect(size?.width).toBeLessThanOrEqual(380);
      await opened.page.screenshot({ path: `${SCREENSHOTS}/hostile-csp-${name}-popover.png` });
      expect(await opened.worlds.main<string[]>('window.__probe.violations')).toEqual([]);
      await expectPageIntact(opened);
      await opened.page.close();
    });
  }

  it('a page that clears CSS.highlights and removes our UI host: nothing thrown, the popover comes back on the next hover', async () => {
    const opened = await open('clears.html');
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) === NAMES_PER_SENTENCE, 'four highlights');
    await opened.worlds.main(`dispatchEvent(new Event('hostile-clear'))`);
    expect(await opened.worlds.highlightCount()).toBe(0);
    // Backstory does not fight the page over its highlights, but hover still finds names.
    expect(await hover(opened, 'Kazakhstan')).toContain('Kazakhstan');
    await opened.worlds.main(`dispatchEvent(new Event('hostile-clear'))`);
    expect(await opened.popover.isOpen()).toBe(false);
    await opened.page.mouse.move(5, 5);
    await opened.page.waitForTimeout(500);
    expect(await hover(opened, 'Zhang Ming')).toMatch(/Secretary-General/u);
    await expectPageIntact(opened);
    await opened.page.close();
  });

  it('a mutation storm: the page keeps its pace, new names are highlighted and removed ones dropped, Backstory throws nothing', async () => {
    const opened = await open('storm.html');
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) >= NAMES_PER_SENTENCE, 'the static names');
    const start = await opened.worlds.main<{ mutations: number; ticks: number }>(`({ mutations: window.__probe.mutations, ticks: window.__probe.ticks })`);
    await opened.page.waitForTimeout(2_000);
    const end = await opened.worlds.main<{ mutations: number; ticks: number }>(`({ mutations: window.__probe.mutations, ticks: window.__probe.ticks })`);
    figures.stormMutationsPerSecond = Math.round((end.mutations - start.mutations) / 2);
    // New text is highlighted as it comes and removed text drops its mentions: the storm box
    // holds at most 40 paragraphs with one name each, beside the four static names.
    const live = await opened.worlds.highlightCount();
    figures.stormHighlights = live;
    expect(live).toBeGreaterThan(NAMES_PER_SENTENCE);
    expect(live).toBeLessThanOrEqual(NAMES_PER_SENTENCE + STORM_MAX_PARAGRAPHS);
    figures.stormTicksIn2s = end.ticks - start.ticks;
    figures.stormLongTasks = await opened.worlds.main<LongTasks>(LONG_TASKS_AFTER_PARSE);
    // A 20 ms timer fires about 100 times in 2 s; a page starved by a content script would not.
    expect(end.ticks - start.ticks).toBeGreaterThan(50);
    expect(end.mutations - start.mutations).toBeGreaterThan(100);
    await expectPageIntact(opened, { textChanges: true });
    await opened.page.close();
  });

  it('nesting 5,000 deep: both mentions found, the page intact', async () => {
    const opened = await open('deep.html');
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) === 2 * NAMES_PER_SENTENCE, 'eight highlights');
    await expectPageIntact(opened);
    await opened.page.close();
  });

  it('200,000 nodes: every mention found, the page intact; first highlights and long tasks measured', async () => {
    const opened = await open('big-dom.html');
    const loaded = Date.now();
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) > 0, 'the first highlights', 30_000);
    figures.bigDomMsToFirstHighlights = Date.now() - loaded;
    // The page is read as far as the reader sees; the popup's "on this page" has the rest read too.
    await readWholePage(opened);
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) === 400, '400 highlights', 30_000);
    figures.bigDomMsToAllHighlights = Date.now() - loaded;
    figures.bigDomLongTasks = await opened.worlds.main<LongTasks>(LONG_TASKS_AFTER_PARSE);
    await expectPageIntact(opened);
    await opened.page.close();
  });

  it('20,000 mentions: Backstory backs off at its highlight cap, hover still opens the popover, the page intact', async () => {
    const opened = await open('many-mentions.html');
    const loaded = Date.now();
    // The page has 20,000 mentions; the content script keeps at most the cap (a setting).
    const cap = DEFAULT_SETTINGS.highlightCap;
    expect(cap).toBeLessThan(20_000);
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) > 0, 'the first highlights', 30_000);
    await readWholePage(opened);
    await opened.worlds.waitFor(async () => (await opened.worlds.highlightCount()) === cap, `${cap} highlights (the cap)`, 30_000);
    await opened.page.waitForTimeout(500);
    expect(await opened.worlds.highlightCount()).toBe(cap);
    figures.manyMentionsMsToAllHighlights = Date.now() - loaded;
    figures.manyMentionsLongTasks = await opened.worlds.main<LongTasks>(LONG_TASKS_AFTER_PARSE);
    const hovered = Date.now();
    expect(await hover(opened, 'Kazakhstan')).toContain('Kazakhstan');
    figures.manyMentionsHoverToPopoverMs = Date.now() - hovered;
    await opened.page.screenshot({ path: `${SCREENSHOTS}/hostile-many-mentions.png` });
    await expectPageIntact(opened);
    await opened.page.close();
  });

  it('made no request except to the fixture server and the extension itself', () => {
    expect(network.urls.some((u) => u.startsWith(session.server.origin))).toBe(true);
    expect(network.foreign([session.server.origin, `chrome-extension://${session.browser.extensionId}`])).toEqual([]);
  });

});
