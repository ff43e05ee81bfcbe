/**
 * Paints mentions with the CSS Custom Highlight API: no wrapper elements, so the page's
 * DOM, layout and scripts are untouched. The styles live in highlights.css, which the
 * manifest injects.
 */
export const MENTION_HIGHLIGHT = 'backstory-mention';
export const ACTIVE_HIGHLIGHT = 'backstory-active';

export class HighlightPainter {
  private readonly mentions = new Highlight();
  private readonly active = new Highlight();

  constructor() {
    // The active mention paints over the calm one.
    this.active.priority = 1;
    CSS.highlights.set(MENTION_HIGHLIGHT, this.mentions);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  add(ranges: Iterable<Range>): void {
    for (const range of ranges) this.mentions.add(range);
  }

  setActive(range: Range | undefined): void {
    this.active.clear();
    if (range) this.active.add(range);
  }

  clear(): void {
    this.mentions.clear();
    this.active.clear();
  }

  dispose(): void {
    this.clear();
    if (CSS.highlights.get(MENTION_HIGHLIGHT) === this.mentions) CSS.highlights.delete(MENTION_HIGHLIGHT);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT) === this.active) CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}
