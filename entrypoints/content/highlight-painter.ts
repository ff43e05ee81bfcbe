import type { HighlightStyle } from '../../lib/settings/settings';
import highlightCss from './highlights.css?inline';

/**
 * Paints mentions with the CSS Custom Highlight API: no wrapper elements, so the page's
 * DOM, layout and scripts are untouched. The styles live in highlights.css, which the
 * content-script registration injects into the page.
 */
const MENTION_HIGHLIGHT = 'backstory-mention';
const MENTION_UNDERLINE_HIGHLIGHT = 'backstory-mention-underline';

const MENTION_NAMES: Record<HighlightStyle, string | undefined> = {
  // The default style keeps the plain name.
  background: MENTION_HIGHLIGHT,
  underline: MENTION_UNDERLINE_HIGHLIGHT,
  // Privacy mode: nothing in CSS.highlights, which the page can read (the hovered name is marked in our own UI).
  'hover-only': undefined,
};

export class HighlightPainter {
  private readonly mentions = new Highlight();
  private style: HighlightStyle = 'background';
  private shadowSheet: CSSStyleSheet | undefined;
  private readonly styledRoots = new WeakSet<ShadowRoot>();

  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.register();
  }

  add(ranges: Iterable<Range>): void {
    for (const range of ranges) this.mentions.add(range);
    this.register();
  }

  remove(ranges: Iterable<Range>): void {
    for (const range of ranges) this.mentions.delete(range);
  }

  get count(): number {
    return this.mentions.size;
  }

  /** Lets mentions inside an open shadow root be painted: page styles do not reach into it. */
  styleShadowRoot(root: ShadowRoot): void {
    if (this.styledRoots.has(root)) return;
    this.styledRoots.add(root);
    this.shadowSheet ??= createSheet(highlightCss);
    if (this.shadowSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.shadowSheet];
  }

  clear(): void {
    this.mentions.clear();
    this.register();
  }

  dispose(): void {
    this.clear();
    for (const name of [MENTION_HIGHLIGHT, MENTION_UNDERLINE_HIGHLIGHT]) {
      if (CSS.highlights.get(name) === this.mentions) CSS.highlights.delete(name);
    }
  }

  /** Registers exactly the highlights that have something to show under the current style. */
  private register(): void {
    const wanted = MENTION_NAMES[this.style];
    for (const name of [MENTION_HIGHLIGHT, MENTION_UNDERLINE_HIGHLIGHT]) {
      const show = name === wanted && this.mentions.size > 0;
      setRegistered(name, this.mentions, show);
    }
  }
}

function setRegistered(name: string, highlight: Highlight, show: boolean): void {
  const registered = CSS.highlights.get(name) === highlight;
  if (show && !registered) CSS.highlights.set(name, highlight);
  else if (!show && registered) CSS.highlights.delete(name);
}

function createSheet(css: string): CSSStyleSheet | undefined {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return undefined;
  }
}
