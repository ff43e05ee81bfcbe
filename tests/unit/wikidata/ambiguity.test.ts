import { describe, expect, it } from 'vitest';
import { droppedTotal, emptyAliasReport } from '../../../lib/wikidata/alias-report';
import { filterAliases } from '../../../lib/wikidata/ambiguity';
import { convertItems } from '../../../lib/wikidata/convert';
import type { WikidataItem } from '../../../lib/wikidata/item';

const report = () => emptyAliasReport();

function item(id: string, label: string, aliases: string[], instanceOf = ['Q5'], sitelinks = 10): WikidataItem {
  return { id, labels: { en: label }, descriptions: {}, aliases: { en: aliases }, instanceOf, belongsTo: [], dates: {}, sitelinks, wikipedia: {} };
}

/** A well-known company whose aliases are an ordinary word and two letters. */
const famous = (n: number) => item(`Q${n}`, `Apple Company ${n}`, ['Apple', 'AC'], ['Q4830453'], 200);

describe('alias rules', () => {
  it('drops ordinary words of a person ("May") with the reason and an example', () => {
    const r = report();
    expect(filterAliases(['May', 'Mrs May'], { id: 'Q264766', name: 'Theresa May', type: 'Person', popularity: 120 }, r).kept).toEqual(['Mrs May']);
    expect(r.dropped['common-word']).toEqual({ count: 1, examples: ['May (Q264766)'] });
  });

  it('keeps an ordinary word for a well-known organization, counted as restricted', () => {
    const r = report();
    expect(filterAliases(['Apple', 'apple inc'], { id: 'Q312', name: 'Apple Inc.', type: 'Organization', popularity: 160 }, r)).toEqual({ kept: ['Apple'], restricted: ['Apple'] });
    expect(r.dropped.lowercase.examples).toEqual(['apple inc (Q312)']);
  });

  it('drops an ordinary word for a little-known organization ("Chase")', () => {
    const r = report();
    expect(filterAliases(['Chase'], { id: 'Q524629', name: 'JPMorgan Chase Bank', type: 'Organization', popularity: 30 }, r).kept).toEqual([]);
    expect(r.dropped['common-word'].count).toBe(1);
  });

  it('keeps two-letter codes only for entities everyone knows', () => {
    const r = report();
    expect(filterAliases(['UN'], { id: 'Q1065', name: 'United Nations', type: 'Organization', popularity: 300 }, r).kept).toEqual(['UN']);
    expect(filterAliases(['FR', 'Xi', 'X'], { id: 'Q9', name: 'Somewhere', type: 'Place', popularity: 40 }, r).kept).toEqual([]);
    expect(r.dropped['two-letter-code'].count).toBe(1);
    expect(r.dropped['too-short'].count).toBe(2);
  });

  it('cleans spacing, drops duplicates of the label and what is not a name', () => {
    const r = report();
    const { kept } = filterAliases(['  Vladimir   Putin ', 'VLADIMIR PUTIN', '12345', 'https://kremlin.ru', 'V. V.  Putin'], { id: 'Q7747', name: 'Vladimir Putin', type: 'Person', popularity: 250 }, r);
    expect(kept).toEqual(['V. V. Putin']);
    expect(r.dropped.duplicate.count).toBe(2);
    expect(r.dropped['not-a-name'].count).toBe(2);
  });

  it('drops an alias that many entities of the result share, keeps labels, and reports it', () => {
    const items = [1, 2, 3, 4].map((n) => item(`Q${n}`, `John Smith ${n}`, ['John Smith']));
    items.push(item('Q5', 'Ferrari', ['Scuderia Ferrari'], ['Q4830453'], 200));
    const { entities, aliases } = convertItems(items, { languages: ['en'] });
    expect(entities.every((e) => !e.alternateName?.includes('John Smith'))).toBe(true);
    expect(aliases.dropped.shared.count).toBe(4);
    expect(aliases.kept).toBe(1);
    expect(droppedTotal(aliases)).toBe(4);
  });

  it('counts as restricted only the short names and ordinary words that stay in the pack', () => {
    const one = convertItems([famous(1)], { languages: ['en'] }).aliases;
    expect(one.restricted).toEqual({ count: 2, examples: ['Apple (Q1)', 'AC (Q1)'] });
    // Shared by four: dropped as shared, so no longer restricted.
    const four = convertItems([1, 2, 3, 4].map(famous), { languages: ['en'] }).aliases;
    expect(four.restricted.count).toBe(0);
    expect(four.dropped.shared.count).toBe(8);
  });
});
