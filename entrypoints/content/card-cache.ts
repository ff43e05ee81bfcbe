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

  /** Forgets every card (the library changed). */
  clear(): void {
    this.cards.clear();
  }
}
