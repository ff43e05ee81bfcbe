import { describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../../lib/matcher';
import { MAX_NAME_CHARS, MAX_NAME_WORDS, nameLimitProblem } from '../../../lib/matcher/name-limits';
import { validatePack } from '../../../lib/pack/validate';
import { found, p } from './helpers';

// Every step the scanner takes below a trie's root goes through childOf: counting its
// calls measures the work of a scan without a clock, so the ratios below cannot flake.
const steps = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../lib/matcher/trie-layout', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../lib/matcher/trie-layout')>();
  return {
    ...original,
    childOf: (...args: Parameters<typeof original.childOf>) => {
      steps.count++;
      return original.childOf(...args);
    },
  };
});

/** Work of one scan: every character is read once, plus every step of a trie walk. */
function workOf(names: readonly string[], text: string): number {
  const matcher = compileMatcher(names.map((name, i) => p(name, `e${i}`)));
  steps.count = 0;
  matcher.scan(text);
  return text.length + steps.count;
}

/** `text` repeated up to `length` characters. */
function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

const words = (word: string, count: number) => Array.from({ length: count }, () => word).join(' ');

// Counting every trie step through a mock is slow (seconds under a loaded machine), not flaky:
// the measure is the count, so only the time limit is raised.
describe('names cannot stall the matcher', { timeout: 30_000 }, () => {
  const LENGTH = 200_000;
  const ordinaryNames = ['Zhang Wei', 'Li Na', 'Beijing', 'Vladimir Putin', 'Shanghai Cooperation Organization'];
  const ordinaryText = repeatTo('Zhang Wei met Vladimir Putin in Beijing on Tuesday, said Li Na of the Shanghai Cooperation Organization. ', LENGTH);

  it('scans text full of the first word of a 20,000-word alias as fast as ordinary text', () => {
    // Short enough that the unbounded walk of old finishes (in about 3 s), showing the ratio it had.
    const length = 20_000;
    const ordinary = workOf(ordinaryNames, ordinaryText.slice(0, length));
    // The attack that stalled highlighting: one alias of 20,000 words on a page full of its first word.
    const attack = workOf([...ordinaryNames, `${words('Zhang', 20_000)} Wei`], repeatTo('Zhang ', length));
    expect(attack / ordinary).toBeLessThan(2);
  });

  it('keeps the work per start position bounded by the limits: names at the limits stay within a small factor', () => {
    const ordinary = workOf(ordinaryNames, ordinaryText);
    // The worst a valid pack can do: the longest allowed almost-match from every word start.
    const oneLetterWords = workOf([`${words('A', MAX_NAME_WORDS - 1)} B`], repeatTo('A ', LENGTH));
    const longWords = workOf([`${words('Zhangzhang', MAX_NAME_WORDS - 1)} Wei`], repeatTo('Zhangzhang ', LENGTH));
    const longestName = workOf([`${'A'.repeat(MAX_NAME_CHARS - 1)}B`], repeatTo(`${'A'.repeat(MAX_NAME_CHARS - 1)} `, LENGTH));
    for (const work of [oneLetterWords, longWords, longestName]) expect(work / ordinary).toBeLessThan(MAX_NAME_WORDS + 2);
  });

  it('still matches names at the limits, and drops longer ones whatever their origin', () => {
    const atLimit = words('Aa', MAX_NAME_WORDS);
    const tooManyWords = words('Bb', MAX_NAME_WORDS + 1);
    const longest = 'C'.repeat(MAX_NAME_CHARS);
    const tooLong = 'D'.repeat(MAX_NAME_CHARS + 1);
    const matcher = compileMatcher([atLimit, tooManyWords, longest, tooLong].map((name) => p(name, name)));
    expect(found(matcher, `${atLimit}. ${tooManyWords}. ${longest}. ${tooLong}.`)).toEqual([atLimit, longest]);
  });
});

describe('nameLimitProblem', () => {
  it('says what is wrong with a name over a limit, with its measure and the limit', () => {
    expect(nameLimitProblem('Democratic People’s Republic of Korea')).toBeUndefined();
    expect(nameLimitProblem('x'.repeat(MAX_NAME_CHARS))).toBeUndefined();
    expect(nameLimitProblem('x'.repeat(20_519))).toBe(`too long to match on pages: 20,519 characters, at most ${MAX_NAME_CHARS} allowed`);
    expect(nameLimitProblem(words('x', MAX_NAME_WORDS))).toBeUndefined();
    expect(nameLimitProblem(words('x', MAX_NAME_WORDS + 1))).toBe(`too many words to match on pages: ${MAX_NAME_WORDS + 1}, at most ${MAX_NAME_WORDS} allowed`);
  });

  it('is enforced by the pack validator on names and aliases, at their paths', () => {
    const result = validatePack({
      format: 'article-pack',
      formatVersion: 1,
      pack: { id: 'p', name: 'P', version: '1.0.0' },
      entities: [{ id: 'e', name: 'x'.repeat(MAX_NAME_CHARS + 1), alternateName: ['Fine', words('Zhang', 20_000)] }],
      articles: [],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { path: 'entities[0].name', message: `too long to match on pages: ${MAX_NAME_CHARS + 1} characters, at most ${MAX_NAME_CHARS} allowed; shorten it or leave it out` },
      { path: 'entities[0].alternateName[1]', message: `too long to match on pages: 119,999 characters, at most ${MAX_NAME_CHARS} allowed; shorten it or leave it out` },
    ]);
  });
});
