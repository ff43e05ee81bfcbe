import type { BrowserContext, Worker } from 'playwright-core';

/**
 * Records every request the browser makes for the extension's pages, the pages it runs
 * on and its service worker. Playwright reports service-worker requests through the
 * context in Chromium; `expectSeen` lets a test prove that with a canary request.
 */
export class NetworkRecorder {
  readonly urls: string[] = [];

  constructor(context: BrowserContext) {
    context.on('request', (request) => this.urls.push(request.url()));
  }

  /** Makes the service worker fetch `url` (a canary), and waits until it is recorded. */
  async canaryFromServiceWorker(worker: Worker, url: string): Promise<boolean> {
    await worker.evaluate((u) => fetch(u).then(() => undefined, () => undefined), url);
    for (let i = 0; i < 50 && !this.urls.includes(url); i++) await new Promise((done) => setTimeout(done, 20));
    return this.urls.includes(url);
  }

  /** Requests to anything but the given origins (and URLs that never leave the browser). */
  foreign(allowedOrigins: readonly string[]): string[] {
    return this.urls.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return false;
      return !allowedOrigins.some((origin) => url.startsWith(origin + '/') || url === origin);
    });
  }
}
