import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract/extract-article';
import { compileMatcher } from '../../../lib/matcher';
import { findCandidateEntities } from '../../../lib/nlp';
import { validatePack } from '../../../lib/pack/validate';
import { loadPage } from '../extract/pages';

function starterMatcher() {
  const validation = validatePack(JSON.parse(readFileSync('public/packs/starter.pack.json', 'utf8')));
  if (!validation.ok) throw new Error('starter pack invalid');
  return compileMatcher(
    validation.pack.entities.flatMap((e) => [e.name, ...(e.alternateName ?? [])].map((text) => ({ text, entityKey: e.id }))),
  );
}

function pageText(name: string): string {
  const result = extractArticle(loadPage(name), { url: 'https://example.com/' });
  if (!result.ok) throw new Error(result.message);
  return result.article.text;
}

describe('findCandidateEntities', () => {
  it('finds people, places and organizations with their types, names as written', () => {
    const candidates = findCandidateEntities(pageText('steppe-railway.html'));
    const byName = new Map(candidates.map((c) => [c.name, c]));
    expect(byName.get('Sarah Thompson')).toMatchObject({ type: 'Person', alternateName: ['Thompson'], count: 3 });
    expect(byName.get('Caspian Development Bank')).toMatchObject({ type: 'Organization', count: 2 });
    expect(byName.get('Baku')?.type).toBe('Place');
    expect(byName.get('Kassym-Jomart Tokayev')?.type).toBe('Person');
    // A short form folded into the full name is not a candidate of its own.
    expect(byName.has('Thompson')).toBe(false);
    // Titles are not part of a name; punctuation and possessives neither.
    expect(candidates.map((c) => c.name).filter((n) => /^President|[,.]$|'s$/u.test(n))).toEqual([]);
  });

  it('leaves out what the knowledge base already knows', () => {
    const text = pageText('steppe-railway.html');
    const all = findCandidateEntities(text).map((c) => c.name);
    expect(all).toEqual(expect.arrayContaining(['Kazakhstan', 'China', 'Turkey']));
    const fresh = findCandidateEntities(text, { known: starterMatcher() }).map((c) => c.name);
    for (const known of ['Kazakhstan', 'China', 'Turkey', 'Astana', 'Shanghai Cooperation Organization', 'Kassym-Jomart Tokayev']) {
      expect(fresh).not.toContain(known);
    }
    expect(fresh).toEqual(expect.arrayContaining(['Sarah Thompson', 'Caspian Development Bank', 'Baku']));
  });

  it('keeps a capitalized name the tagger could not type when it recurs, as a Thing', () => {
    const candidates = findCandidateEntities(pageText('steppe-railway.html'), { known: starterMatcher() });
    expect(candidates.find((c) => c.name === 'Aktau')).toMatchObject({ type: 'Thing', count: 2 });
  });

  it('orders by how often a name occurs and honours the limit', () => {
    const candidates = findCandidateEntities(pageText('steppe-railway.html'), { limit: 2 });
    expect(candidates).toHaveLength(2);
    expect(candidates[0]!.count).toBeGreaterThanOrEqual(candidates[1]!.count);
  });

  it('finds nothing in a text without names', () => {
    expect(findCandidateEntities('the train left at ten and the carriage smelled of tea.')).toEqual([]);
    expect(findCandidateEntities('')).toEqual([]);
  });

  it('suggests only names a careful reader would accept', () => {
    const text = pageText('daily-ledger.html');
    // The title as the save page once read it, before the text: the candidates see both.
    const names = findCandidateEntities(`Daily Ledger — Leaders gather in Astana as the summit opens\n\n${text}`).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Aigerim Nurlanova', 'Eurasia Policy Institute', 'Caspian Sea']));
    // Not across a dash, not a demonym, not a word capitalized only because a sentence starts with it.
    for (const wrong of ['Ledger — Leaders', 'Kazakh', 'Leaders', 'Analysts', 'However', 'Several', 'Daily', 'Nurlanova']) {
      expect(names).not.toContain(wrong);
    }
    expect(names.filter((n) => /[—–,;:]/u.test(n))).toEqual([]);
    // A hyphen inside a name is not a break.
    expect(names).toContain('Kassym-Jomart Tokayev');
  });
});
