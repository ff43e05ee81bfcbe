import { describe, expect, it } from 'vitest';
import type { EntityRow } from '../../../lib/db/rows';
import { entityPatterns } from '../../../lib/kb/matcher-patterns';
import { matchableName, typedNamesProblem } from '../../../lib/kb/ordinary-words';

describe('names typed for an entity', () => {
  it.each(['the', 'and', 'a', 'The', 'AND'])('refuses the function word “%s”, in any case', (name) => {
    expect(typedNamesProblem([name])).toMatch(/ordinary/u);
  });

  it.each(['the party', 'apple', 'river bank'])('refuses ordinary words in lowercase (“%s”)', (name) => {
    expect(typedNamesProblem([name])).toMatch(/ordinary words in lowercase/u);
  });

  it('refuses a single letter', () => {
    expect(typedNamesProblem(['X'])).toMatch(/too short/u);
  });

  it.each(['Shehbaz Sharif', 'Apple', 'The Hague', 'UN', 'Xi', 'May', 'bitcoin', 'iPhone', 'Ерлан', 'El Niño'])('keeps the name “%s”', (name) => {
    expect(typedNamesProblem([name])).toBeUndefined();
  });

  it('names the first name at fault, after the length limits', () => {
    expect(typedNamesProblem(['Shehbaz', 'the', 'and'])).toBe('“the” is an ordinary word: it would be marked wherever it is written. Leave it out, or write the name in full.');
    expect(typedNamesProblem(['x'.repeat(201)])).toMatch(/too long/u);
  });
});

describe('names from a pack looked for on pages', () => {
  const person = { type: 'Person' };
  const knownPlace = { type: 'Place', popularity: 150 };

  it.each(['The', 'the', 'And', 'Who', 'its', 'Will', 'May', 'Said', 'Must'])('never the function word or sentence verb “%s”, name or other name', (name) => {
    expect(matchableName(name, { isLabel: true, owner: person })).toBe(false);
    expect(matchableName(name, { isLabel: false, owner: person })).toBe(false);
  });

  it.each(['US', 'WHO', 'IT'])('the acronym “%s”, which the matcher keeps case-sensitive', (name) => {
    expect(matchableName(name, { isLabel: false, owner: person })).toBe(true);
  });

  it.each(['May', 'Will', 'Said', 'Time', 'Hope', 'Sunday', 'Black'])('not the ordinary word “%s” as another name of a person', (name) => {
    expect(matchableName(name, { isLabel: false, owner: person })).toBe(false);
  });

  it('an ordinary word as another name of a well-known organization or place only; as the entity’s own name, always', () => {
    expect(matchableName('Apple', { isLabel: false, owner: { type: 'Organization', popularity: 120 } })).toBe(true);
    expect(matchableName('Apple', { isLabel: false, owner: { type: 'Organization', popularity: 20 } })).toBe(false);
    expect(matchableName('Reading', { isLabel: false, owner: knownPlace })).toBe(true);
    expect(matchableName('Turkey', { isLabel: true, owner: { type: 'Place' } })).toBe(true);
    expect(matchableName('Time', { isLabel: true, owner: { type: 'Organization' } })).toBe(true);
  });

  it.each(['Theresa May', 'The Hague', 'Black Sea', 'Putin'])('every name of more than one word, or not an ordinary word (“%s”)', (name) => {
    expect(matchableName(name, { isLabel: false, owner: person })).toBe(true);
  });
});

function entity(over: Partial<EntityRow>): EntityRow {
  return { key: 'p/e', packId: 'p', id: 'e', name: 'Theresa May', type: 'Person', alternateName: ['May', 'The', 'PM May'], sameAs: [], nameFold: '', ...over } as EntityRow;
}

describe('entityPatterns', () => {
  it("leaves a pack's ordinary words out, and keeps the names the user chose", () => {
    expect(entityPatterns(entity({})).map((p) => p.text)).toEqual(['Theresa May', 'PM May']);
    expect(entityPatterns(entity({ packId: 'my-articles', key: 'my-articles/e' })).map((p) => p.text)).toEqual(['Theresa May', 'May', 'The', 'PM May']);
    expect(entityPatterns(entity({}), { alternateName: ['May'] }).map((p) => p.text)).toEqual(['Theresa May', 'May', 'The', 'PM May']);
  });
});
