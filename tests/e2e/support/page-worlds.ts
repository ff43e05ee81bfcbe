import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads a hostile page without trusting its JavaScript. Playwright's `page.evaluate` runs
 * helper code in the page's main world, which a page that replaces builtins can break.
 * Here, `main()` evaluates a bare expression there with the result serialised by V8,
 * and `probe()` runs in a fresh isolated world of the test's own (pristine builtins,
 * same DOM, same `CSS.highlights` registry).
 */
export class PageWorlds {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly probeContextId: number,
  ) {}

  static async attach(page: Page): Promise<PageWorlds> {
    const cdp = await page.context().newCDPSession(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'backstory-test-probe',
    })) as { executionContextId: number };
    return new PageWorlds(cdp, executionContextId);
  }

  /** A value from the page's own world. */
  main<T>(expression: string): Promise<T> {
    return this.evaluate<T>(expression, undefined);
  }

  /** A value computed with pristine builtins over the page's DOM. */
  probe<T>(expression: string): Promise<T> {
    return this.evaluate<T>(expression, this.probeContextId);
  }

  /** How many mentions Backstory has painted (0 when its highlight is gone). */
  highlightCount(): Promise<number> {
    return this.probe<number>(`CSS.highlights.get('backstory-mention')?.size ?? 0`);
  }

  async waitFor(predicate: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (await predicate()) return Date.now() - started;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }

  private async evaluate<T>(expression: string, contextId: number | undefined): Promise<T> {
    const reply = (await this.cdp.send('Runtime.evaluate', {
      expression,
      ...(contextId === undefined ? {} : { contextId }),
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value;
  }
}
