import type { CDPSession, Page } from 'playwright-core';

/**
 * Runs code in a content script's isolated world, as the content script itself would,
 * through the DevTools protocol: the world's execution context is the one whose
 * auxData says `isolated` and whose name is the extension's.
 */
export class IsolatedWorld {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly contextId: number,
  ) {}

  static async attach(page: Page, worldName = 'Backstory'): Promise<IsolatedWorld> {
    const cdp = await page.context().newCDPSession(page);
    const contexts: Array<{ id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    // Contexts that already exist are reported during Runtime.enable.
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === worldName);
    if (!world) throw new Error(`No isolated world named ${worldName}: ${contexts.map((c) => `${c.name}/${c.auxData?.type}`).join(', ')}`);
    return new IsolatedWorld(cdp, world.id);
  }

  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = (await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.contextId,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value;
  }
}
