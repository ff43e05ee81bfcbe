import type { MentionMarks } from './mention-marks';
import type { HoverController } from './hover-controller';
import type { MentionIndex, PageMention } from './mention-index';

export interface KeyboardNavDeps {
  index: MentionIndex;
  marks: MentionMarks;
  hover: HoverController;
}

/**
 * Steps through the page's mentions from the keyboard (the manifest's commands, relayed
 * by the background): scrolls the next one into view and marks it with the focus
 * highlight; Enter opens its popover, Esc closes it, then clears the mark. Only these
 * two plain keys are ever looked at, and only while a mention is marked and the user is
 * not typing, so no keystroke is taken from the page otherwise.
 */
export class KeyboardNav {
  private focused: PageMention | undefined;

  constructor(private readonly deps: KeyboardNavDeps) {}

  get current(): PageMention | undefined {
    return this.focused;
  }

  step(direction: 'next' | 'previous'): PageMention | undefined {
    const mentions = this.deps.index.inOrder();
    if (mentions.length === 0) return undefined;
    if (this.deps.hover.isOpen) this.deps.hover.close();
    const at = this.focused ? mentions.indexOf(this.focused) : -1;
    const next = at >= 0
      ? mentions[(at + (direction === 'next' ? 1 : mentions.length - 1)) % mentions.length]!
      : firstFromViewport(mentions, direction);
    this.focus(next);
    return next;
  }

  /** Marks a mention as the keyboard's place and brings it into view (unless it is where the user just was). */
  focus(mention: PageMention, options: { scroll?: boolean } = {}): void {
    this.focused = mention;
    if (options.scroll ?? true) mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    this.deps.marks.setFocus(mention.range);
  }

  /** Handles Enter and Esc; returns whether the key was ours (the caller then stops it). */
  onKeyDown(event: KeyboardEvent): boolean {
    if (event.key === 'Escape') {
      if (this.deps.hover.onEscape()) return true;
      if (this.focused) {
        this.clear();
        return true;
      }
      return false;
    }
    if (event.key !== 'Enter' || !this.focused || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
    if (this.deps.hover.isOpen || isTyping()) return false;
    if (!this.focused.range.startContainer.isConnected) {
      this.clear();
      return false;
    }
    this.deps.hover.openFromKeyboard(this.focused);
    return true;
  }

  /** Forgets the mark (Esc, or the mention left the page). */
  clear(): void {
    this.focused = undefined;
    this.deps.marks.setFocus(undefined);
  }
}

/** Where a step starts without a mark: the first mention at or below the top of the viewport (or the last above its bottom). */
function firstFromViewport(mentions: readonly PageMention[], direction: 'next' | 'previous'): PageMention {
  if (direction === 'next') {
    return mentions.find((m) => m.range.getBoundingClientRect().top >= 0) ?? mentions[0]!;
  }
  return mentions.findLast((m) => m.range.getBoundingClientRect().bottom <= innerHeight) ?? mentions.at(-1)!;
}

/** Whether keyboard focus is somewhere the user types (where Enter is theirs). */
function isTyping(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || active === document.documentElement) return false;
  // Any other focused element (a link, a button, a field) keeps its Enter.
  return true;
}
