import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../lib/pack/schema';
import { formatByteSize } from '../../../lib/text/byte-size';
import { countOf, nounFor } from '../../../lib/text/plural';
import { typeGroupLabel, typeLabel } from '../../../lib/text/type-labels';

describe('countOf and nounFor', () => {
  it('agree with the count', () => {
    expect(countOf(1, 'article')).toBe('1 article');
    expect(countOf(0, 'article')).toBe('0 articles');
    expect(countOf(2, 'entity', 'entities')).toBe('2 entities');
    expect(countOf(1, 'entity', 'entities')).toBe('1 entity');
    expect(countOf(1204, 'paragraph')).toBe(`${(1204).toLocaleString()} paragraphs`);
    expect(nounFor(1, 'name')).toBe('name');
    expect(nounFor(3, 'name')).toBe('names');
  });
});

describe('formatByteSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [900, '900 bytes'],
    [505_300, '505 kB'],
    [4_200_000, '4.2 MB'],
    [999_960, '1 MB'],
    [256_000_000, '256 MB'],
    [82_923_000_000, '83 GB'],
  ])('%d bytes → %j', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text);
  });

  it('writes usage and quota in the same style (the storage line)', () => {
    const line = `${formatByteSize(505_300)} of ${formatByteSize(79_082 * 1024 * 1024)}`;
    expect(line).toBe('505 kB of 83 GB');
  });
});

describe('typeLabel', () => {
  it('names every schema type in words, never as the raw type', () => {
    for (const type of ENTITY_TYPES) {
      expect(typeLabel(type)).not.toMatch(/\p{Ll}\p{Lu}/u);
      expect(typeGroupLabel(type)).not.toMatch(/\p{Ll}\p{Lu}/u);
    }
    expect(typeLabel('CreativeWork')).toBe('Creative work');
    expect(typeGroupLabel('CreativeWork')).toBe('Creative works');
    expect(typeLabel('Thing')).toBe('Other');
    expect(typeLabel('Person')).toBe('Person');
  });

  it('reads a type this build does not know, and a missing one', () => {
    expect(typeLabel('SportsTeam')).toBe('Sports team');
    expect(typeLabel(undefined)).toBe('Other');
    expect(typeLabel('toString')).toBe('To string');
  });
});
