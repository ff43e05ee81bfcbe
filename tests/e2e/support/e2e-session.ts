import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser';
import { startStaticServer, type StaticServer, type StaticServerOptions } from './static-server';

/** Where end-to-end tests save the screenshots a person looks at. */
export const SCREENSHOTS = 'artifacts/screenshots';

export interface E2eSessionOptions {
  /** Folders served from 127.0.0.1 (a function when they are made by an earlier hook); none: no server. */
  pages?: readonly string[] | (() => readonly string[]);
  server?: StaticServerOptions;
  /** Options of the browser launch, read when it starts. */
  launch?: () => Parameters<typeof launchExtensionBrowser>[0];
}

/** What one test file drives: the browser with the extension, and the server of its pages. */
export interface E2eSession {
  readonly browser: ExtensionBrowser;
  /** Throws when the session was opened without `pages`. */
  readonly server: StaticServer;
}

/**
 * One Chromium with the built extension for the calling `describe` (one per file: launch
 * costs seconds), its fixture pages served, the screenshot folder made; all closed after
 * the last test. Call it at the top of a `describe`; the handle fills in before the first test.
 */
export function useE2eSession(options: E2eSessionOptions = {}): E2eSession {
  let browser: ExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const pages = typeof options.pages === 'function' ? options.pages() : options.pages;
    if (pages) server = await startStaticServer([...pages], options.server);
    browser = await launchExtensionBrowser(options.launch?.());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll: use it inside hooks and tests');
      return browser;
    },
    get server() {
      if (!server) throw new Error('This session serves no pages');
      return server;
    },
  };
}
