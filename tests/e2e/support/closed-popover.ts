import type { CDPSession, Page } from 'playwright-core';

/**
 * The popover lives in a closed shadow root that the page, and Playwright's locators,
 * cannot enter. The DevTools protocol can (`pierce: true`): this reads what a user sees.
 */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export class ClosedPopover {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<ClosedPopover> {
    return new ClosedPopover(page, await page.context().newCDPSession(page));
  }

  /** The popover's shadow root, or undefined when no popover is open. */
  private async root(): Promise<CdpNode | undefined> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = find(root, (n) => n.nodeName === 'BACKSTORY-POPOVER');
    return host?.shadowRoots?.[0];
  }

  async isOpen(): Promise<boolean> {
    const root = await this.root();
    return !!root && !!find(root, (n) => attr(n, 'role') === 'dialog');
  }

  /** The visible text of the popover, whitespace-collapsed ('' when closed). */
  async text(): Promise<string> {
    const root = await this.root();
    const dialog = root && find(root, (n) => attr(n, 'role') === 'dialog');
    if (!dialog) return '';
    const parts: string[] = [];
    walk(dialog, (n) => {
      if (n.nodeType === 3 && n.nodeValue) parts.push(n.nodeValue);
    });
    return parts.join(' ').replace(/\s+/gu, ' ').trim();
  }

  /** Attributes of the dialog element (role, aria-labelledby, data-theme…). */
  async dialogAttributes(): Promise<Record<string, string>> {
    const root = await this.root();
    const dialog = root && find(root, (n) => attr(n, 'role') === 'dialog');
    const out: Record<string, string> = {};
    const list = dialog?.attributes ?? [];
    for (let i = 0; i < list.length; i += 2) out[list[i]!] = list[i + 1]!;
    return out;
  }

  /** Waits until the popover's text satisfies `predicate`. */
  async waitForText(predicate: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.text();
      if (predicate(text)) return text;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`Popover text never matched; last text: "${text}"`);
  }

  async waitForClosed(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!(await this.isOpen())) return;
      await this.page.waitForTimeout(50);
    }
    throw new Error('Popover did not close');
  }

  /** Centre of the n-th element in the popover whose own text is `text`, in viewport coordinates. */
  async pointOf(text: string, occurrence = 0): Promise<{ x: number; y: number }> {
    const element = await this.elementWithText(text, occurrence);
    // The popover scrolls when its content is long: bring the element into view first, as a user would.
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: element.backendNodeId });
    const box = await this.boxOf(element);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** The border box of the n-th element whose own text is `text`, where it is now. */
  async textBox(text: string, occurrence = 0): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.boxOf(await this.elementWithText(text, occurrence));
  }

  private async elementWithText(text: string, occurrence: number): Promise<CdpNode> {
    const root = await this.root();
    const matches: CdpNode[] = [];
    if (root) {
      walk(root, (n) => {
        if (n.nodeType === 1 && (n.children ?? []).some((c) => c.nodeType === 3 && c.nodeValue?.trim() === text)) matches.push(n);
      });
    }
    const element = matches[occurrence];
    if (!element) throw new Error(`No "${text}" (occurrence ${occurrence}) in the popover`);
    return element;
  }

  /** Clicks the n-th element whose own text is `text`, as a user would. */
  async click(text: string, occurrence = 0): Promise<void> {
    const { x, y } = await this.pointOf(text, occurrence);
    await this.page.mouse.click(x, y);
  }

  /** The dialog's border box in viewport coordinates. */
  async box(): Promise<{ x: number; y: number; width: number; height: number }> {
    const root = await this.root();
    const dialog = root && find(root, (n) => attr(n, 'role') === 'dialog');
    if (!dialog) throw new Error('No popover open');
    return this.boxOf(dialog);
  }

  /** The names in the open card's "Related" list that open their own card. */
  async relatedNames(): Promise<string[]> {
    const root = await this.root();
    const names: string[] = [];
    if (root) {
      walk(root, (n) => {
        if (attr(n, 'data-related-key') !== undefined) names.push((n.children ?? []).map((c) => c.nodeValue ?? '').join('').trim());
      });
    }
    return names;
  }

  /** The text of the element that has keyboard focus inside the popover ('' when none). */
  async focusedText(): Promise<string> {
    const root = await this.root();
    if (!root) return '';
    const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.activeElement ? this.activeElement.textContent.trim() : ""; }',
      returnByValue: true,
    })) as { result: { value: string } };
    return result.value;
  }

  /** The border box of the control labelled `label` (aria-label), where it is now: no scrolling first. */
  async controlBox(label: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const root = await this.root();
    const control = root && find(root, (n) => attr(n, 'aria-label') === label);
    if (!control) throw new Error(`No control labelled "${label}" in the popover`);
    return this.boxOf(control);
  }

  /** The border box of the first element with class `className`, where it is now: no scrolling first. */
  async classBox(className: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const root = await this.root();
    const element = root && find(root, (n) => (attr(n, 'class') ?? '').split(' ').includes(className));
    if (!element) throw new Error(`No element of class "${className}" in the popover`);
    return this.boxOf(element);
  }

  /** Whether keyboard focus is inside the popover (the page sees only the host as focused). */
  async hasFocus(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.tagName === 'BACKSTORY-POPOVER');
  }

  private async boxOf(node: CdpNode): Promise<{ x: number; y: number; width: number; height: number }> {
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as {
      model: { border: number[] };
    };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  }
}

function attr(node: CdpNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function walk(node: CdpNode, visit: (n: CdpNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
  for (const shadow of node.shadowRoots ?? []) walk(shadow, visit);
}

function find(node: CdpNode, predicate: (n: CdpNode) => boolean): CdpNode | undefined {
  let found: CdpNode | undefined;
  walk(node, (n) => {
    if (!found && predicate(n)) found = n;
  });
  return found;
}

/** The `href` of every link in the popover's shadow root: pack URLs must only ever become http(s) links. */
export async function closedPopoverLinks(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = find(root, (n) => n.nodeName === 'BACKSTORY-POPOVER');
  const links: string[] = [];
  for (const shadow of host?.shadowRoots ?? []) {
    walk(shadow, (n) => {
      const href = attr(n, 'href');
      if (href !== undefined) links.push(href);
    });
  }
  await cdp.detach();
  return links;
}

/** Width and height of the open popover dialog in CSS pixels, or undefined when none is open. */
export async function closedPopoverSize(page: Page): Promise<{ width: number; height: number } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = find(root, (n) => n.nodeName === 'BACKSTORY-POPOVER');
    const dialog = host?.shadowRoots?.[0] && find(host.shadowRoots[0], (n) => attr(n, 'role') === 'dialog');
    if (!dialog) return undefined;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: dialog.backendNodeId })) as { model: { width: number; height: number } };
    return { width: model.width, height: model.height };
  } finally {
    await cdp.detach();
  }
}
