/**
 * The words people read for schema.org entity types: "Creative work", not "CreativeWork".
 * Every place that shows a type takes its label from here.
 */
import type { EntityType } from '../pack/schema';

const LABELS: Readonly<Record<EntityType, { one: string; many: string }>> = {
  Person: { one: 'Person', many: 'People' },
  Organization: { one: 'Organization', many: 'Organizations' },
  Place: { one: 'Place', many: 'Places' },
  Event: { one: 'Event', many: 'Events' },
  CreativeWork: { one: 'Creative work', many: 'Creative works' },
  Thing: { one: 'Other', many: 'Other things' },
};

function known(type: string): type is EntityType {
  return Object.hasOwn(LABELS, type);
}

/**
 * One entity's type for reading: "Creative work". A type this build does not know (an
 * older row, a newer pack) is split at its capitals the same way ("SportsTeam" → "Sports team").
 */
export function typeLabel(type: string | undefined): string {
  if (!type) return LABELS.Thing.one;
  if (known(type)) return LABELS[type].one;
  const words = type.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A type as a group of names: "People", "Creative works". */
export function typeGroupLabel(type: EntityType): string {
  return LABELS[type].many;
}
