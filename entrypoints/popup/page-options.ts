import type { Options } from './result-options';
import type { OptionAction } from './App';
import type { PageMentions } from './use-page-mentions';
import { typeLabel } from '../../lib/text/type-labels';
import { countOf } from '../../lib/text/plural';

/** The names found on the page as one listbox group; choosing one reveals it on the page. */
export function pageOptions(mentions: PageMentions): Options {
  const actions = new Map<string, OptionAction>();
  if (mentions.status !== 'ready') return { groups: [], actions };
  const options = mentions.entities.map((entity, i) => {
    const id = `page-entity-${i}`;
    actions.set(id, { kind: 'reveal', key: entity.entityKey });
    const name = entity.name ?? entity.text;
    return {
      id,
      title: { text: name, marks: [] },
      detail: entity.type && typeLabel(entity.type),
      badge: `${entity.count}×`,
      badgeLabel: countOf(entity.count, 'mention'),
      snippet: entity.name && entity.text !== entity.name ? { text: `as “${entity.text}”`, marks: [] } : undefined,
    };
  });
  return { groups: [{ id: 'group-page', title: 'On this page', options }], actions };
}
