import { importantStyle } from './host-style';

/**
 * The marks on the one or two mentions that matter right now: the one under the pointer
 * (its popover open) and the keyboard's place. Drawn as boxes in our own closed shadow
 * root instead of CSS highlights: every change to CSS.highlights makes Chromium redo the
 * markers of every registered range (2,000 on a long page, tens of milliseconds), and a
 * hover should cost nothing of the sort. The page cannot read these either.
 */
export class MentionMarks {
  readonly host: HTMLElement;
  private readonly layer: HTMLElement;
  private active: Range | undefined;
  private focus: Range | undefined;
  private frame = 0;
  private listening = false;
  private readonly onMove = () => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  };

  constructor() {
    this.host = document.createElement('backstory-marks');
    // Contained and left in place once added, like the popover's host.
    this.host.style.cssText = importantStyle('all: initial; position: fixed; top: 0; left: 0; pointer-events: none; z-index: 2147483646; contain: size layout style; zoom: 1');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = MARK_CSS;
    this.layer = document.createElement('div');
    shadow.append(style, this.layer);
  }

  setActive(range: Range | undefined): void {
    this.active = range;
    this.update();
  }

  setFocus(range: Range | undefined): void {
    this.focus = range;
    this.update();
  }

  dispose(): void {
    this.active = undefined;
    this.focus = undefined;
    this.update();
    this.host.remove();
  }

  private update(): void {
    const any = !!(this.active || this.focus);
    if (any && !this.host.isConnected) document.documentElement.append(this.host);
    if (any !== this.listening) {
      this.listening = any;
      // Capture: scroll does not bubble, and nested scroll containers move the marks too.
      const method = any ? 'addEventListener' : 'removeEventListener';
      document[method]('scroll', this.onMove, { capture: true, passive: true } as AddEventListenerOptions);
      window[method]('resize', this.onMove, { passive: true } as AddEventListenerOptions);
    }
    this.draw();
  }

  private draw(): void {
    const boxes: HTMLElement[] = [];
    for (const [range, kind] of [[this.active, 'active'], [this.focus, 'focus']] as const) {
      if (!range || !range.startContainer.isConnected) continue;
      for (const rect of range.getClientRects()) {
        const box = document.createElement('div');
        box.className = `mark mark--${kind}`;
        box.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
        boxes.push(box);
      }
    }
    this.layer.replaceChildren(...boxes);
  }
}

const MARK_CSS = `
.mark { position: fixed; box-sizing: border-box; border-radius: 2px; pointer-events: none; }
.mark--active { background: rgb(255 200 40 / 0.3); box-shadow: inset 0 -2px rgb(180 120 0); }
.mark--focus { background: rgb(40 110 255 / 0.16); outline: 2px solid rgb(40 110 255); outline-offset: 1px; }
`;
