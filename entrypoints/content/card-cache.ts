import type { PopoverContent } from '../../components/EntityPopover';
import type { EntityCard } from '../../lib/kb/entity-card';

/** Cards kept in the tab for names hovered again (a few KB; cleared when the library changes). */
const CARD_CACHE_SIZE = 32;

/**
 * The cards of the names hovered lately, most recently used last: asked for as soon as the
 * pointer lands on a name, so the round trip to the background overlaps the hover-intent
 * delay, and kept for re-hovers. A failed answer is not kept: the next hover asks again.
 */
export class CardCache {
  private readonly cards = new Map<string, Promise<EntityCard[]>>();

  constructor(private readonly load: (entityKeys: readonly string[]) => Promise<EntityCard[]>) {}

  get(entityKeys: readonly string[]): Promise<EntityCard[]> {
    const key = entityKeys.join('\n');
    let cards = this.cards.get(key);
    if (cards) {
      this.cards.delete(key);
    } else {
      cards = this.load(entityKeys);
      cards.catch(() => this.cards.delete(key));
    }
    this.cards.set(key, cards);
    if (this.cards.size > CARD_CACHE_SIZE) this.cards.delete(this.cards.keys().next().value!);
    return cards;
  }

  /** What the popover shows for these entities: their cards, or why there are none. */
  content(entityKeys: readonly string[]): Promise<PopoverContent> {
    return this.get(entityKeys)
      .then((cards): PopoverContent =>
        cards.length > 0 ? { status: 'ready', cards } : { status: 'error', message: 'This name is no longer in your library.' },
      )
      .catch((): PopoverContent => ({ status: 'error', message: 'Backstory could not look this up. Reload the page to try again.' }));
  }

  /** Forgets every card (the library changed). */
  clear(): void {
    this.cards.clear();
  }
}

/** How Back names a card: its entity, or the name on the page when it lists several candidates. */
export function viewName(content: PopoverContent, pageText: string | undefined): string {
  if (content.status === 'ready' && content.cards.length === 1) return content.cards[0]!.name;
  if (content.status === 'loading') return content.name;
  return pageText ?? 'the previous card';
}
