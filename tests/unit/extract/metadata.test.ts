import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../lib/extract/normalize-date';
import { readPageMetadata } from '../../../lib/extract/metadata';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

const declares = (head: string) => readPageMetadata(page(head), undefined).declaresArticle;

describe('readPageMetadata', () => {
  it('says whether the page declares itself an article (JSON-LD article types, og:type), a WebPage or a home page not', () => {
    expect(declares('<script type="application/ld+json">{"@type":"NewsArticle"}</script>')).toBe(true);
    expect(declares('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"BlogPosting"}]}</script>')).toBe(true);
    expect(declares('<meta property="og:type" content="article">')).toBe(true);
    expect(declares('<script type="application/ld+json">{"@type":"WebPage"}</script><meta property="og:type" content="website">')).toBe(false);
    expect(declares('')).toBe(false);
  });

  it('prefers article:published_time over JSON-LD and <time>', () => {
    const doc = page(
      '<meta property="article:published_time" content="2024-01-02"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-05-05"}</script>',
      '<time datetime="2020-01-01"></time>',
    );
    expect(readPageMetadata(doc, undefined).datePublished).toBe('2024-01-02');
  });

  it('finds datePublished in a JSON-LD array nested in @graph, skipping a WebPage node', () => {
    const doc = page(`<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},[{"@type":"ReportageNewsArticle","datePublished":"2024-02-29T12:00:00+01:00","author":{"name":"By Ana Ruiz"}}]]}</script>`);
    const metadata = readPageMetadata(doc, undefined);
    expect(metadata.datePublished).toBe('2024-02-29T12:00:00+01:00');
    expect(metadata.author).toEqual(['Ana Ruiz']);
  });

  it('ignores dates that are not dates, and author profile URLs', () => {
    const doc = page('<meta property="article:published_time" content="yesterday"><meta property="article:author" content="https://social.example/ana">', '<time datetime="2024-13-40">x</time>');
    const metadata = readPageMetadata(doc, undefined);
    expect(metadata.datePublished).toBeUndefined();
    expect(metadata.author).toEqual([]);
  });

  it('accepts only http(s) canonical URLs', () => {
    const doc = page('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://example.com/a">');
    expect(readPageMetadata(doc, 'https://example.com/a?x=1').url).toBe('https://example.com/a');
    expect(readPageMetadata(page(''), 'chrome://settings').url).toBeUndefined();
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2024-07-10', '2024-07-10'],
    ['2024-07-10T09:30:00+0300', '2024-07-10T09:30:00+0300'],
    ['2024-07-10 09:30:00', '2024-07-10T09:30:00'],
    ['Wed, 10 Jul 2024 09:30:00 GMT', '2024-07-10T09:30:00Z'],
    ['10 July 2024', '2024-07-10'],
    ['2024-02-30', undefined],
    ['May', undefined],
    ['', undefined],
  ])('%j → %j', (input, output) => {
    expect(normalizeDate(input)).toBe(output);
  });
});
