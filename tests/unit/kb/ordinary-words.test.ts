import { describe, expect, it } from 'vitest';
import { typedNamesProblem } from '../../../lib/kb/ordinary-words';

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
