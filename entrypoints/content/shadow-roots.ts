/**
 * Finds open shadow roots under a root, in slices. Tree walkers do not enter shadow
 * trees, and there is no API that lists them, so every element has to be asked; on a
 * long page (45k elements) that is several milliseconds, so it runs after the page's
 * own text, when the browser is idle, and resumes where it stopped.
 */
export class ShadowRootFinder {
  private readonly pending: Array<Document | Element | ShadowRoot>;
  private elements: ArrayLike<Element> | undefined;
  private at = 0;

  constructor(root: Document | Element | ShadowRoot) {
    this.pending = [root];
  }

  get done(): boolean {
    return this.pending.length === 0 && !this.elements;
  }

  /** The open shadow roots found in this slice (nested ones are searched in turn). */
  find(shouldYield: () => boolean = () => false): ShadowRoot[] {
    const found: ShadowRoot[] = [];
    while (!this.done) {
      if (!this.elements) {
        const root = this.pending.shift()!;
        // A live collection is the cheapest way over every element; shadow roots have no getElementsByTagName.
        this.elements = 'getElementsByTagName' in root ? root.getElementsByTagName('*') : root.querySelectorAll('*');
        this.at = 0;
      }
      const elements = this.elements;
      const end = Math.min(elements.length, this.at + CHECK_EVERY_ELEMENTS);
      for (; this.at < end; this.at++) {
        const shadow = elements[this.at]!.shadowRoot;
        if (shadow) {
          found.push(shadow);
          this.pending.push(shadow);
        }
      }
      if (this.at >= elements.length) this.elements = undefined;
      if (shouldYield()) break;
    }
    return found;
  }
}

/** Elements asked between two looks at the clock. */
const CHECK_EVERY_ELEMENTS = 256;
