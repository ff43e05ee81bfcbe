import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { updateSettings } from '../../../lib/extension/settings-item';
import type { MessageClient } from '../../../lib/messages/client';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { startPage } from '../../../entrypoints/content/page-session';

const NAMES = ['Putin', 'Belarus'];

/** The background, reduced to a plain search for a few names. */
function fakeClient() {
  const sent: string[] = [];
  const client = {
    send: vi.fn(async (type: string, payload: { texts?: string[] }) => {
      sent.push(type);
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

/** Asks the tab as the popup does (an extension page: our id, no tab). */
async function askTab(type: string): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger({ type, payload: {} }, { id: fakeBrowser.runtime.id }, () => undefined);
  return (replies as unknown[]).find((r) => r !== undefined);
}

describe('page session (content script wiring, with the fake browser)', () => {
  let ctx: ContentScriptContext;

  beforeEach(() => {
    fakeBrowser.reset();
    Object.assign(globalThis, { Highlight: class extends Set<Range> {} });
    Object.defineProperty(globalThis, 'CSS', { value: { highlights: new Map() }, configurable: true });
    document.body.innerHTML = '<p><a>Putin</a> <b>met</b> the press.</p><p>Russia<br>Belarus</p>';
    ctx = new ContentScriptContext('content');
  });

  afterEach(() => {
    ctx.abort();
  });

  it('scans the page with the stored settings, paints what was found, and answers the popup', async () => {
    const { client, sent } = fakeClient();
    startPage(ctx, client);
    await vi.waitFor(() => expect(painted()).toEqual(['Belarus', 'Putin']));
    expect(sent).toContain('page.scan');
    const reply = (await askTab('tab.mentions')) as { ok: boolean; result: { entities: Array<{ text: string }>; enabled: boolean } };
    expect(reply.ok).toBe(true);
    expect(reply.result.entities.map((e) => e.text).sort()).toEqual(['Belarus', 'Putin']);
  });

  it('hover-only: finds the names but registers nothing the page could read', async () => {
    await updateSettings({ ...DEFAULT_SETTINGS, highlightStyle: 'hover-only' });
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
    await updateSettings({ ...DEFAULT_SETTINGS, disabledSites: [location.hostname] });
    await vi.waitFor(() => expect(painted()).toEqual([]));
    const off = (await askTab('tab.mentions')) as { result: { enabled: boolean } };
    expect(off.result.enabled).toBe(false);
    await updateSettings({ ...DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(painted()).toHaveLength(2));
  });
});
