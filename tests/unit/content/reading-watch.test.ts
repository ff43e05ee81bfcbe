import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ReadingWatch } from '../../../entrypoints/content/reading-watch';
import { pageConfigFor } from '../../../lib/settings/page-config';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';

/** What the background would answer this site's page script (`page.config`). */
const configOf = (settings: Settings, site: string) => pageConfigFor(settings, null, site);

/**
 * The page side of "Remember what I read", with the page's visibility and focus in the
 * test's hands (a headless Chromium keeps every tab visible and focused, so the end-to-end
 * journey cannot hide a tab).
 */
const ON: Settings = { ...DEFAULT_SETTINGS, rememberReading: true, readingSeconds: 30 };
let visibility: DocumentVisibilityState = 'visible';
let focused = true;

function setPage(state: { visible?: boolean; focused?: boolean }): void {
  if (state.visible !== undefined) {
    visibility = state.visible ? 'visible' : 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
  }
  if (state.focused !== undefined) {
    focused = state.focused;
    window.dispatchEvent(new Event(focused ? 'focus' : 'blur'));
  }
}

describe('ReadingWatch', () => {
  let ctx: ContentScriptContext;
  let remember: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
    visibility = 'visible';
    focused = true;
    Object.defineProperty(document, 'visibilityState', { get: () => visibility, configurable: true });
    vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
    ctx = new ContentScriptContext('content');
    remember = vi.fn<() => void>();
  });

  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('asks once, after the reading time of visible, focused reading', () => {
    new ReadingWatch({ ctx, remember }).apply(configOf(ON, 'news.example'));
    vi.advanceTimersByTime(29_000);
    expect(remember).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(remember).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(remember).toHaveBeenCalledTimes(1);
  });

  it('does not count while the tab is hidden, and goes on where it stopped', () => {
    new ReadingWatch({ ctx, remember }).apply(configOf(ON, 'news.example'));
    vi.advanceTimersByTime(20_000);
    setPage({ visible: false });
    vi.advanceTimersByTime(600_000);
    expect(remember).not.toHaveBeenCalled();
    setPage({ visible: true });
    vi.advanceTimersByTime(9_000);
    expect(remember).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(remember).toHaveBeenCalledTimes(1);
  });

  it('does not count while the window has no focus, whatever events the page dispatches', () => {
    new ReadingWatch({ ctx, remember }).apply(configOf(ON, 'news.example'));
    setPage({ focused: false });
    window.dispatchEvent(new Event('focus')); // a page's own, untrusted "focus"
    vi.advanceTimersByTime(600_000);
    expect(remember).not.toHaveBeenCalled();
    setPage({ focused: true });
    vi.advanceTimersByTime(30_000);
    expect(remember).toHaveBeenCalledTimes(1);
  });

  it('holds no listener and no timer while off, on an excluded site, or where Backstory is off', () => {
    const addDocument = vi.spyOn(document, 'addEventListener');
    const addWindow = vi.spyOn(window, 'addEventListener');
    const watch = new ReadingWatch({ ctx, remember });
    watch.apply(configOf(DEFAULT_SETTINGS, 'news.example'));
    watch.apply(configOf({ ...ON, readingExcludedSites: ['example'] }, 'news.example'));
    watch.apply(configOf({ ...ON, disabledSites: ['news.example'] }, 'www.news.example'));
    watch.apply(configOf({ ...ON, paused: true }, 'news.example'));
    expect(addDocument).not.toHaveBeenCalled();
    expect(addWindow).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(600_000);
    expect(remember).not.toHaveBeenCalled();
  });

  it('stops when the setting is turned off midway, and follows a changed reading time', () => {
    const watch = new ReadingWatch({ ctx, remember });
    watch.apply(configOf(ON, 'news.example'));
    vi.advanceTimersByTime(10_000);
    watch.apply(configOf({ ...ON, rememberReading: false }, 'news.example'));
    vi.advanceTimersByTime(600_000);
    expect(remember).not.toHaveBeenCalled();
    watch.apply(configOf({ ...ON, readingSeconds: 15 }, 'news.example'));
    vi.advanceTimersByTime(5000);
    expect(remember).toHaveBeenCalledTimes(1);
  });
});
