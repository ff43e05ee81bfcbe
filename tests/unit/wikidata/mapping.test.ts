import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../lib/pack/validate';
import { convertItems } from '../../../lib/wikidata/convert';
import { entityTypeOf } from '../../../lib/wikidata/entity-types';
import { entitiesOfDocument, itemFromEntity } from '../../../lib/wikidata/from-entity';
import { itemsFromSparql } from '../../../lib/wikidata/from-sparql';
import type { WikidataItem } from '../../../lib/wikidata/item';
import { languageChain } from '../../../lib/wikidata/languages';
import { buildWikidataPack } from '../../../lib/wikidata/wikidata-pack';

const FIXTURES = 'tests/fixtures/wikidata';
const fixture = (name: string) => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8'));

function item(overrides: Partial<WikidataItem> & { id: string }): WikidataItem {
  return { labels: {}, descriptions: {}, aliases: {}, instanceOf: [], belongsTo: [], dates: {}, sitelinks: 0, wikipedia: {}, ...overrides };
}

describe('language fallbacks', () => {
  it('adds the base language, mul and English after the reader’s own', () => {
    expect(languageChain(['pt-BR'])).toEqual(['pt-br', 'pt', 'mul', 'en']);
    expect(languageChain(['en'])).toEqual(['en', 'mul']);
  });
});

describe('types from instance of (P31)', () => {
  it('maps the common classes and their listed subclasses', () => {
    expect(entityTypeOf(['Q5'])).toBe('Person');
    expect(entityTypeOf(['Q3624078'])).toBe('Place'); // sovereign state
    expect(entityTypeOf(['Q5119'])).toBe('Place'); // capital
    expect(entityTypeOf(['Q7278'])).toBe('Organization'); // political party
    expect(entityTypeOf(['Q891723'])).toBe('Organization'); // public company
    expect(entityTypeOf(['Q2761147'])).toBe('Event'); // summit
    expect(entityTypeOf(['Q858439'])).toBe('Event'); // presidential election
    expect(entityTypeOf(['Q123456789'])).toBe('Thing');
  });
  it('prefers a place to an organization when an item is both (a state is also a legal body)', () => {
    expect(entityTypeOf(['Q43229', 'Q6256'])).toBe('Place');
  });
  it('takes a publisher’s own rules first', () => {
    expect(entityTypeOf(['Q123456789'], new Map([['Q123456789', 'Event']]))).toBe('Event');
  });
});

describe('entity JSON (Special:EntityData, wbgetentities, dump lines)', () => {
  const [raw] = entitiesOfDocument(fixture('Q7747.entity.json'));
  const read = itemFromEntity(raw ?? {});

  it('reads labels, aliases, classes, truthy claims, dates, sitelinks and the picture as a link', () => {
    expect(read).toMatchObject({
      id: 'Q7747',
      labels: { en: 'Vladimir Putin', fr: 'Vladimir Poutine' },
      instanceOf: ['Q5'],
      belongsTo: ['Q159'], // the deprecated Soviet citizenship is left out
      dates: { birthDate: '1952-10-07' },
      sitelinks: 5,
      wikipedia: { en: 'https://en.wikipedia.org/wiki/Vladimir_Putin', fr: 'https://fr.wikipedia.org/wiki/Vladimir_Poutine' },
      image: 'https://commons.wikimedia.org/wiki/Special:FilePath/Vladimir_Putin_2024.jpg',
    });
    expect(read?.wikipedia.ru).toMatch(/^https:\/\/ru\.wikipedia\.org\/wiki\//u);
  });

  it('gives the French reader French names, description and article', () => {
    const { entities } = convertItems([read as WikidataItem], { languages: ['fr'] });
    expect(entities[0]).toMatchObject({
      name: 'Vladimir Poutine',
      description: 'président de la fédération de Russie',
      sameAs: ['https://www.wikidata.org/wiki/Q7747', 'https://fr.wikipedia.org/wiki/Vladimir_Poutine'],
    });
    expect(entities[0]?.alternateName).toEqual(['Poutine', 'Putin', 'Vladimir Vladimirovich Putin', 'VVP']);
  });

  it('keeps only the year when Wikidata knows only the year', () => {
    const yearOnly = structuredClone(raw) as { claims: { P569: Array<{ mainsnak: { datavalue: { value: { time: string; precision: number } } } }> } };
    const value = yearOnly.claims.P569[0]?.mainsnak.datavalue.value;
    if (value) Object.assign(value, { time: '+1957-00-00T00:00:00Z', precision: 9 });
    expect(itemFromEntity(yearOnly)?.dates.birthDate).toBe('1957');
  });

  it('skips what is not an item', () => {
    expect(itemFromEntity({ id: 'P31', type: 'property' })).toBeUndefined();
    expect(itemFromEntity({ id: 'L7' })).toBeUndefined();
  });
});

describe('SPARQL results', () => {
  const items = itemsFromSparql(fixture('heads-of-state.srj.json'), 'en');

  it('merges the rows of one item and reads every variable', () => {
    const may = items.find((i) => i.id === 'Q264766');
    expect(may?.aliases.en).toEqual(['May', 'Theresa Mary May', 'Theresa Brasier', 'Mrs May']);
    expect(may?.dates).toEqual({ birthDate: '1956-10-01', startDate: '2016-07-13' });
    const putin = items.find((i) => i.id === 'Q7747');
    expect(putin).toMatchObject({ instanceOf: ['Q5'], belongsTo: ['Q159', 'Q15'], sitelinks: 254 });
    expect(putin?.image).toMatch(/^https:\/\/commons/u);
  });

  it('becomes a valid pack: related names only where present, no label no entity', () => {
    const result = buildWikidataPack(items, {
      languages: ['en'],
      meta: { id: 'wikidata-leaders', name: 'Leaders', version: '1.0.0' },
      source: { readyQuery: 'heads-of-state-and-government', languages: ['en'] },
    });
    expect(result.withoutLabel).toBe(1);
    const validation = validatePack(result.pack);
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    const byId = new Map(validation.pack.entities.map((e) => [e.id, e]));
    expect(byId.get('Q7747')).toMatchObject({
      name: 'Vladimir Putin',
      type: 'Person',
      birthDate: '1952-10-07',
      popularity: 254,
      related: ['Q159'],
      sameAs: ['https://www.wikidata.org/wiki/Q7747', 'https://en.wikipedia.org/wiki/Vladimir_Putin'],
    });
    expect(byId.get('Q159')).toMatchObject({ type: 'Place', foundingDate: '1991-12-25' });
    expect(byId.get('Q159')?.related).toBeUndefined(); // itself and the absent UN
    expect(byId.get('Q264766')?.alternateName).toEqual(['Theresa Mary May', 'Theresa Brasier', 'Mrs May']);
    expect(validation.pack.pack).toMatchObject({ license: 'CC0-1.0', wikidata: { readyQuery: 'heads-of-state-and-government' } });
  });
});

const pack = (entity: Record<string, unknown>) => ({
  format: 'article-pack',
  formatVersion: 1,
  pack: { id: 'p', name: 'P', version: '1.0.0' },
  entities: [{ id: 'Q1', name: 'One' }, { id: 'Q2', name: 'Two', ...entity }],
  articles: [],
});

describe('pack schema: the new entity fields', () => {
  it('accepts years, months and dates, and refuses others', () => {
    expect(validatePack(pack({ birthDate: '1957', deathDate: '2001-09', startDate: '-0044-03-15' })).ok).toBe(true);
    const bad = validatePack(pack({ birthDate: '1957-13' }));
    expect(bad.ok || bad.issues[0]?.path).toBe('entities[1].birthDate');
  });
  it('checks popularity and related ids', () => {
    const bad = validatePack(pack({ popularity: -1, related: ['Q1', 'Q3'] }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path)).toEqual(['entities[1].popularity', 'entities[1].related[1]']);
  });
});

it('an item without a label in any language of the chain is left out and counted', () => {
  const result = convertItems([item({ id: 'Q1', labels: { de: 'Eins' } })], { languages: ['fr'] });
  expect(result).toMatchObject({ entities: [], withoutLabel: 1 });
  expect(convertItems([item({ id: 'Q1', labels: { mul: 'Eins' } })], { languages: ['fr'] }).entities[0]?.name).toBe('Eins');
});
