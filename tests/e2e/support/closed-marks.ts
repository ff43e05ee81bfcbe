import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const sessions = new WeakMap<Page, CDPSession>();

function find(node: CdpNode, predicate: (n: CdpNode) => boolean): CdpNode | undefined {
  if (predicate(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = find(child, predicate);
    if (found) return found;
  }
  return undefined;
}

/**
 * The text of the mention under a mark ('focus': the keyboard's place, 'active': the one
 * whose popover is open). Marks are boxes in Backstory's closed shadow root, read through
 * the DevTools protocol; the mention is the painted range whose first box they cover.
 */
export async function markedText(page: Page, kind: 'focus' | 'active'): Promise<string | undefined> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = find(root, (n) => n.nodeName === 'BACKSTORY-MARKS');
  const mark = host && find(host, (n) => (n.attributes ?? []).some((a) => a.includes(`mark--${kind}`)));
  if (!mark) return undefined;
  // The mark can be hidden or replaced between the two calls: no box, nothing marked yet.
  const box = (await cdp.send('DOM.getBoxModel', { backendNodeId: mark.backendNodeId }).catch(() => undefined)) as { model: { border: number[] } } | undefined;
  if (!box) return undefined;
  const [x, y] = box.model.border as [number, number];
  return page.evaluate(
    ({ x: left, y: top }) => {
      const registry = (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
      for (const highlight of registry.values()) {
        for (const range of highlight) {
          const rect = range.getClientRects()[0];
          if (rect && Math.abs(rect.left - left) < 2 && Math.abs(rect.top - top) < 2) return range.toString();
        }
      }
      return undefined;
    },
    { x, y },
  );
}
