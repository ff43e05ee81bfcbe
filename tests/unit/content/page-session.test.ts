import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MessageClient } from '../../../lib/messages/client';
import { pageConfigFor, type PageConfig } from '../../../lib/settings/page-config';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { startPage } from '../../../entrypoints/content/page-session';

const NAMES = ['Putin', 'Belarus'];

/** The background's answer to 'page.config' for this page's site. */
let config: PageConfig;
const configWith = (settings: Partial<Settings>) => (config = pageConfigFor({ ...DEFAULT_SETTINGS, ...settings }, {}, location.hostname));

/** The background, reduced to a plain search for a few names and the page's settings. */
function fakeClient() {
  const sent: string[] = [];
  const client = {
    send: vi.fn(async (type: string, payload: { texts?: string[] }) => {
      sent.push(type);
      if (type === 'page.config') return config;
      if (type === 'page.scan') {
        const mentions = payload.texts!.map((text) =>
          NAMES.flatMap((name) => {
            const at = text.indexOf(name);
            return at < 0 ? [] : [{ start: at, end: at + name.length, entityKeys: [name.toLowerCase()] }];
          }).sort((a, b) => a.start - b.start),
        );
        return { mentions, revision: 1 };
      }
      return { cards: [] };
    }),
  };
  return { client: client as unknown as MessageClient, sent };
}

/** What CSS.highlights holds, by name (happy-dom has no Custom Highlight API: a Map and a Set stand in). */
const registry = () => (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
const painted = (name = 'backstory-mention') => [...(registry().get(name) ?? [])].map((r) => r.toString()).sort();

/** The background changes the settings and announces it, as announcePageConfigChanges does. */
async function changeSettings(settings: Partial<Settings>): Promise<void> {
  configWith(settings);
  await fakeBrowser.runtime.onMessage.trigger({ type: 'config.changed', payload: {} }, { id: fakeBrowser.runtime.id }, () => undefined);
}

/** Asks the tab as the popup does (an extension page: our id, no tab). */
async function askTab(type: string): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger({ type, payload: {} }, { id: fakeBrowser.runtime.id }, () => undefined);
  return (replies as unknown[]).find((r) => r !== undefined);
}

describe('page session (content script wiring, with the fake browser)', () => {
  let ctx: ContentScriptContext;

  beforeEach(() => {
    fakeBrowser.reset();
    configWith({});
    Object.assign(globalThis, { Highlight: class extends Set<Range> {} });
    Object.defineProperty(globalThis, 'CSS', { value: { highlights: new Map() }, configurable: true });
    document.body.innerHTML = '<p><a>Putin</a> <b>met</b> the press.</p><p>Russia<br>Belarus</p>';
    ctx = new ContentScriptContext('content');
  });

  afterEach(() => {
    ctx.abort();
  });

  it('scans the page with the settings the background gives, paints what was found, and answers the popup', async () => {
    const { client, sent } = fakeClient();
    startPage(ctx, client);
    await vi.waitFor(() => expect(painted()).toEqual(['Belarus', 'Putin']));
    expect(sent).toContain('page.scan');
    const reply = (await askTab('tab.mentions')) as { ok: boolean; result: { entities: Array<{ text: string }>; enabled: boolean } };
    expect(reply.ok).toBe(true);
    expect(reply.result.entities.map((e) => e.text).sort()).toEqual(['Belarus', 'Putin']);
  });

  it('hover-only: finds the names but registers nothing the page could read', async () => {
    configWith({ highlightStyle: 'hover-only' });
    const { client } = fakeClient();
    startPage(ctx, client);
    await vi.waitFor(async () => {
      const reply = (await askTab('tab.mentions')) as { result: { entities: unknown[] } };
      expect(reply.result.entities).toHaveLength(2);
    });
    expect([...registry().keys()]).toEqual([]);
  });

  it("ignores a page's synthetic pointer and key events: no card is asked for", async () => {
    const { client, sent } = fakeClient();
    startPage(ctx, client);
    await vi.waitFor(() => expect(painted()).toHaveLength(2));
    const name = document.querySelector('a')!;
    name.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, bubbles: true }));
    name.dispatchEvent(new PointerEvent('pointerdown', { clientX: 5, clientY: 5, bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).not.toContain('entity.cards');
  });

  it('stops at once when the site is turned off, and starts again when turned back on', async () => {
    const { client } = fakeClient();
    startPage(ctx, client);
    await vi.waitFor(() => expect(painted()).toHaveLength(2));
    await changeSettings({ disabledSites: [location.hostname] });
    await vi.waitFor(() => expect(painted()).toEqual([]));
    const off = (await askTab('tab.mentions')) as { result: { enabled: boolean } };
    expect(off.result.enabled).toBe(false);
    await changeSettings({});
    await vi.waitFor(() => expect(painted()).toHaveLength(2));
  });

  it('never touches extension storage: settings come from the background, and a change is asked for again', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const { client, sent } = fakeClient();
    startPage(ctx, client);
    await vi.waitFor(() => expect(painted()).toHaveLength(2));
    config = { ...config, dismissed: ['putin\u0000putin'] };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'config.changed', payload: {} }, { id: fakeBrowser.runtime.id }, () => undefined);
    await vi.waitFor(() => expect(painted()).toEqual(['Belarus']));
    expect(sent.filter((type) => type === 'page.config')).toHaveLength(2);
    expect(get).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
  });
});
