import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForCommands } from '../../../entrypoints/background/commands';
import { registerSaveMenu } from '../../../entrypoints/background/context-menu';

/** Firefox for Android: no `commands`, no `contextMenus` (nor `menus`). */
describe('the background where the browser lacks keyboard commands and context menus', () => {
  const saved: Record<string, unknown> = {};
  const missing = ['commands', 'contextMenus'] as const;

  beforeEach(() => {
    fakeBrowser.reset();
    for (const api of missing) {
      saved[api] = (fakeBrowser as unknown as Record<string, unknown>)[api];
      (fakeBrowser as unknown as Record<string, unknown>)[api] = undefined;
    }
  });

  afterEach(() => {
    for (const api of missing) (fakeBrowser as unknown as Record<string, unknown>)[api] = saved[api];
  });

  it('starts without them instead of throwing', () => {
    expect(() => listenForCommands()).not.toThrow();
    expect(() => registerSaveMenu()).not.toThrow();
  });
});
