/**
 * Finds open shadow roots under a root, in slices. Tree walkers do not enter shadow
 * trees, and there is no API that lists them, so every element has to be asked; on a
 * long page (45k elements) that is several milliseconds, so it runs after the page's
 * own text, when the browser is idle, only as far as the text walk has gone, and resumes
 * where it stopped.
 */
export class ShadowRootFinder {
  /** A live collection of the root's elements: the cheapest way over every element. */
  private readonly elements: ArrayLike<Element>;
  private at = 0;
  private stoppedAtUntil = false;

  constructor(root: Document | Element | ShadowRoot) {
    // Shadow roots have no getElementsByTagName.
    this.elements = 'getElementsByTagName' in root ? root.getElementsByTagName('*') : root.querySelectorAll('*');
  }

  get done(): boolean {
    return this.at >= this.elements.length;
  }

  /** Whether the last `find` stopped at its `until` node (it goes on from there when asked again). */
  get waiting(): boolean {
    return this.stoppedAtUntil;
  }

  /**
   * The open shadow roots found in this slice, nested ones included (each right after its
   * host's), asking only elements that come before `until` in document order, when given.
   */
  find(shouldYield: () => boolean = () => false, until?: Node): ShadowRoot[] {
    const found: ShadowRoot[] = [];
    const { elements } = this;
    this.stoppedAtUntil = false;
    while (!this.done) {
      let end = Math.min(elements.length, this.at + CHECK_EVERY_ELEMENTS);
      // Near `until`, one element at a time: stop at the first one that is not before it.
      if (until && !isBefore(elements[end - 1]!, until)) {
        end = this.at;
        while (isBefore(elements[end]!, until)) end++;
        this.stoppedAtUntil = true;
      }
      for (; this.at < end; this.at++) {
        const shadow = elements[this.at]!.shadowRoot;
        if (shadow) found.push(shadow, ...allShadowRoots(shadow));
      }
      if (this.stoppedAtUntil || shouldYield()) break;
    }
    return found;
  }
}

/** Every open shadow root inside `root`, nested ones too (a component's own tree is small). */
function allShadowRoots(root: ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(element.shadowRoot, ...allShadowRoots(element.shadowRoot));
  }
  return found;
}

/** Whether `element` starts before `node` in document order (an ancestor of it does). */
function isBefore(element: Element, node: Node): boolean {
  return (element.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** Elements asked between two looks at the clock. */
const CHECK_EVERY_ELEMENTS = 256;
