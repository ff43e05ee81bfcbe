import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlainTextArticle, type PlainTextArticleResult } from '../../../lib/pack/plain-text-article';
import { validatePack } from '../../../lib/pack/validate';

const SAMPLE = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/packs/text/port-vale-levy-2025-02-14.txt'),
  'utf8',
);
const NBSP = '\u00a0';

function parsed(text: string): Extract<PlainTextArticleResult, { ok: true }> {
  const result = parsePlainTextArticle(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

function paragraphs(text: string): string[] {
  return parsed(text).article.articleBody?.split('\n\n') ?? [];
}

describe('parsePlainTextArticle on the full layout', () => {
  const result = parsed(SAMPLE);

  it('reads headline, author and date', () => {
    expect(result.article).toMatchObject({
      id: 'port-vale-council-backs-flood-levy-after-all-night-2025-02-14',
      headline: 'Port Vale council backs flood levy after all-night session',
      author: ['lenapark'],
      datePublished: '2025-02-14',
    });
  });

  it('keeps the body paragraphs, a subheading among them, separated by one blank line', () => {
    const body = result.article.articleBody ?? '';
    expect(body.split('\n\n').map((p) => p.slice(0, 30))).toEqual([
      'The River Delta Water Council ',
      'Who pays, and when',
      'Households will pay the levy f',
    ]);
    expect(body).toContain(`(Related:${NBSP}Storm surge closes Port Vale harbour for a week.)`);
    expect(body).not.toMatch(/More related stories|Sources include|\n{3}/);
    expect(body.endsWith('public meeting on the plan in March.')).toBe(true);
  });

  it('keeps the related stories apart, one per story', () => {
    expect(result.related).toEqual([
      'Harbour traders count the cost of January floods.',
      'Sluice gate contract goes to tender.',
      'Upland villages ask for a seat on the council.',
    ]);
  });

  it('keeps the sources apart, one per domain', () => {
    expect(result.sources).toEqual(['TideReport.example', 'PortValeNews.example', 'example.org']);
  });

  it('makes an article that a pack accepts', () => {
    const pack = {
      format: 'article-pack',
      formatVersion: 1,
      pack: { id: 'mine', name: 'Mine', version: '1.0.0' },
      entities: [],
      articles: [result.article],
    };
    expect(validatePack(pack).ok).toBe(true);
  });

  it('reads the same with CRLF line ends and a final newline', () => {
    expect(parsed(SAMPLE.replaceAll('\n', '\r\n') + '\r\n')).toEqual(result);
    expect(parsed(SAMPLE + '\n\n')).toEqual(result);
  });
});

describe('parsePlainTextArticle on other layouts', () => {
  it('reads an article without a byline', () => {
    const result = parsed('Tide tables for March\n\nHigh water comes early this month.\n\nLow water follows.');
    expect(result.article).toEqual({
      id: 'tide-tables-for-march',
      headline: 'Tide tables for March',
      articleBody: 'High water comes early this month.\n\nLow water follows.',
    });
    expect(result.related).toEqual([]);
    expect(result.sources).toEqual([]);
  });

  it('reads a byline without a date, and a date without an author', () => {
    expect(parsed('Headline\nBy Jonas Weber\n\nBody.').article).toMatchObject({ author: ['Jonas Weber'] });
    expect(parsed('Headline\nBy Jonas Weber\n\nBody.').article.datePublished).toBeUndefined();
    const dateOnly = parsed('Headline\nBy // 2025-01-02\n\nBody.').article;
    expect(dateOnly).toMatchObject({ id: 'headline-2025-01-02', datePublished: '2025-01-02' });
    expect(dateOnly.author).toBeUndefined();
  });

  it('takes the body right after the byline when there is no blank line', () => {
    expect(paragraphs('Headline\nBy ana // 2025-01-02\nFirst paragraph.\n\nSecond.')).toEqual([
      'First paragraph.',
      'Second.',
    ]);
  });

  it('treats lines of spaces, tabs and no-break spaces as blank, and collapses runs of them', () => {
    const text = `Headline\nBy ana // 2025-01-02\n${NBSP}\nOne.\n \t${NBSP}\n\n${NBSP}${NBSP}\nTwo.  \n${NBSP}`;
    expect(paragraphs(text)).toEqual(['One.', 'Two.']);
  });

  it('keeps line breaks inside a paragraph', () => {
    expect(paragraphs('Headline\n\nA line\nwrapped here.\n\nNext.')).toEqual(['A line\nwrapped here.', 'Next.']);
  });

  it('skips blank lines and a byte order mark before the headline', () => {
    expect(parsed('\uFEFF\n\n  Headline  \nBy ana // 2025-01-02\n\nBody.').article.headline).toBe('Headline');
  });

  it('reads sources listed one per line, without a related section', () => {
    const result = parsed('Headline\n\nBody text.\n\nSources include:\n\nexample.org\nReuters news agency\n\nhttps://example.com/a');
    expect(result.article.articleBody).toBe('Body text.');
    expect(result.sources).toEqual(['example.org', 'Reuters news agency', 'https://example.com/a']);
  });

  it('reads "Sources:" at the end of the last body paragraph', () => {
    const result = parsed('Headline\n\nBody text.\n\nLast paragraph. Sources include: example.org, example.net');
    expect(result.article.articleBody).toBe('Body text.\n\nLast paragraph.');
    expect(result.sources).toEqual(['example.org', 'example.net']);
  });

  it('reads related stories listed one per line, with the heading as its own paragraph', () => {
    const result = parsed('Headline\n\nBody.\n\nRelated stories:\nFirst story\nSecond story: with a colon');
    expect(result.article.articleBody).toBe('Body.');
    expect(result.related).toEqual(['First story', 'Second story: with a colon']);
    expect(result.sources).toEqual([]);
  });

  it('leaves body sentences about sources in the body', () => {
    const long = 'Sources: farms, roads and the old quarry, officials said. ' + 'More words. '.repeat(30);
    const short = 'Officials said the sources include: farms and roads.';
    const result = parsed(`Headline\n\nFirst.\n\n${long.trim()}\n\n${short}`);
    expect(result.sources).toEqual([]);
    expect(result.article.articleBody).toBe(`First.\n\n${long.trim()}\n\n${short}`);
  });

  it('leaves a "Related stories:" line at the start of the body in the body', () => {
    expect(paragraphs('Headline\n\nRelated stories:\n\nBody.')).toEqual(['Related stories:', 'Body.']);
  });

  it('makes ids from headlines in any script, and a fallback for none', () => {
    expect(parsed('Zoë’s Café reopens!\nBy ana // 2025-01-02\n\nBody.').article.id).toBe('zoes-cafe-reopens-2025-01-02');
    expect(parsed('Владимир Путин в Астане\n\nBody.').article.id).toBe('владимир-путин-в-астане');
    expect(parsed('!!!\n\nBody.').article.id).toBe('article');
  });

  it('keeps ids of long headlines within 64 characters, cut between words', () => {
    const headline = 'A very long headline about the council and its levy that keeps going and going';
    const { id } = parsed(`${headline}\nBy ana // 2025-01-02\n\nBody.`).article;
    expect(id).toBe('a-very-long-headline-about-the-council-and-its-levy-2025-01-02');
    expect(id.length).toBeLessThanOrEqual(64);
  });

  it('accepts a date-time in the byline', () => {
    expect(parsed('Headline\nBy ana // 2025-01-02T08:00:00Z\n\nBody.').article.datePublished).toBe('2025-01-02T08:00:00Z');
  });
});

describe('parsePlainTextArticle refusals', () => {
  it.each([
    ['', 'The text is empty.'],
    [` \n${NBSP}\n\t`, 'The text is empty.'],
    ['Headline only', 'The text has a headline but no article body.'],
    ['Headline\nBy ana // 2025-01-02\n\n', 'The text has a headline but no article body.'],
    ['Headline\nBy ana // 14.02.2025\n\nBody.', 'Line 2: "14.02.2025" is not a date in the form YYYY-MM-DD.'],
    ['Headline\nBy ana // 2025-02-30\n\nBody.', 'Line 2: "2025-02-30" is not a date in the form YYYY-MM-DD.'],
    ['{"format": "article-pack"}', 'The text looks like JSON or HTML, not a plain-text article.'],
    ['<!doctype html><title>x</title>', 'The text looks like JSON or HTML, not a plain-text article.'],
    [
      'word '.repeat(100) + '\n\nBody.',
      'The first line is too long for a headline (499 characters). Start the text with the headline on a line of its own.',
    ],
  ])('refuses %j', (text, message) => {
    expect(parsePlainTextArticle(text)).toEqual({ ok: false, message });
  });
});
