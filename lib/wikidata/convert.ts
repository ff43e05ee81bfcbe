/**
 * What a Wikidata item becomes: a pack entity with its name in the reader's language,
 * safe aliases, description, type, identity links, dates, picture link, popularity and
 * the related names (country, party, organization) that are in the same result.
 */
import type { EntityType, PackEntity } from '../pack';
import { countAlias, emptyAliasReport, type AliasReport } from './alias-report';
import { cleanName, dropSharedAliases, filterAliases } from './ambiguity';
import { entityTypeOf } from './entity-types';
import { wikidataUri, type WikidataItem } from './item';
import { languageChain, pickTerm } from './languages';

export interface ConvertOptions {
  /** The reader's languages, most wanted first ("fr", "pt-BR"); fallbacks are added. */
  languages: readonly string[];
  /** Extra or overriding class → type rules ("Q2618461" → "Event"). */
  types?: ReadonlyMap<string, EntityType>;
}

export interface WikidataConversion {
  /** Pack entities, in the order of the items; ids are the item ids ("Q7747"). */
  entities: PackEntity[];
  /** What the ambiguity rules kept and dropped. */
  aliases: AliasReport;
  /** Items left out because they have no label in any language of the chain. */
  withoutLabel: number;
}

type Draft = PackEntity & { alternateName: string[] };

function draftOf(item: WikidataItem, chain: readonly string[], options: ConvertOptions, report: AliasReport): { draft: Draft; restricted: string[] } | undefined {
  const label = pickTerm(item.labels, chain);
  if (!label || !cleanName(label.value)) return undefined;
  const name = cleanName(label.value);
  const type = entityTypeOf(item.instanceOf, options.types);
  const aliases = chain.flatMap((language) => item.aliases[language] ?? []);
  const description = pickTerm(item.descriptions, chain)?.value.trim();
  const article = pickTerm(item.wikipedia, chain)?.value;
  const { kept, restricted } = filterAliases(aliases, { id: item.id, name, type, popularity: item.sitelinks }, report);
  const draft: Draft = {
    id: item.id,
    name,
    type,
    alternateName: kept,
    ...(description ? { description } : {}),
    sameAs: article ? [wikidataUri(item.id), article] : [wikidataUri(item.id)],
    ...item.dates,
    ...(item.image ? { image: item.image } : {}),
    popularity: item.sitelinks,
  };
  return { draft, restricted };
}

/** Converts items to pack entities, applying the ambiguity rules across the whole result. */
export function convertItems(items: readonly WikidataItem[], options: ConvertOptions): WikidataConversion {
  const chain = languageChain(options.languages);
  const report = emptyAliasReport();
  const drafts: Draft[] = [];
  const belongsTo = new Map<string, readonly string[]>();
  const restricted = new Map<string, readonly string[]>();
  let withoutLabel = 0;
  for (const item of items) {
    if (belongsTo.has(item.id)) continue;
    const drafted = draftOf(item, chain, options, report);
    if (!drafted) {
      withoutLabel++;
      continue;
    }
    drafts.push(drafted.draft);
    belongsTo.set(item.id, item.belongsTo);
    if (drafted.restricted.length > 0) restricted.set(item.id, drafted.restricted);
  }
  dropSharedAliases(drafts, report);
  for (const draft of drafts) {
    const related = (belongsTo.get(draft.id) ?? []).filter((id) => id !== draft.id && belongsTo.has(id));
    if (related.length > 0) draft.related = related;
    if (draft.alternateName.length === 0) delete (draft as PackEntity).alternateName;
    report.kept += draft.alternateName?.length ?? 0;
    // Counted now, so that an alias the shared rule dropped is not also "restricted".
    for (const alias of restricted.get(draft.id) ?? []) if (draft.alternateName?.includes(alias)) countAlias(report.restricted, alias, draft.id);
  }
  return { entities: drafts, aliases: report, withoutLabel };
}
