import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedArticle } from '../../../lib/extract/extract-article';
import { validatePack } from '../../../lib/pack/validate';
import { loadPage } from './pages';

function extracted(name: string, url: string): ExtractedArticle {
  const result = extractArticle(loadPage(name), { url });
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result.article;
}

describe('extractArticle', () => {
  it('reads a news page: headline, byline, date, site, canonical URL, paragraphs, language', () => {
    const article = extracted('steppe-railway.html', 'https://courier.example.com/news/2024/07/caspian-rail-link?ref=home#comments');
    expect(article.headline).toBe('Caspian rail link opens to freight');
    expect(article.author).toEqual(['Dana Seitkali']);
    expect(article.datePublished).toBe('2024-07-12T08:15:00+05:00');
    expect(article.publisher).toBe('The Steppe Courier');
    expect(article.url).toBe('https://courier.example.com/news/2024/07/caspian-rail-link');
    expect(article.inLanguage).toBe('en');
    expect(article.description).toBe('A new railway from Aktau carries its first containers toward China.');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^The first freight train on the new line from the port of Aktau/u);
    expect(paragraphs).toContain('A summit promise kept');
    expect(paragraphs.at(-1)).toMatch(/lend for a second track\.$/u);
    // Navigation, the "most read" box, scripts and the footer are not article text.
    expect(article.text).not.toMatch(/Sign in|Most read|Wheat prices|All rights reserved|analytics/u);
    // The headline is not repeated as the first paragraph; no paragraph has stray whitespace.
    expect(paragraphs[0]).not.toBe(article.headline);
    for (const paragraph of paragraphs) expect(paragraph).toBe(paragraph.replace(/\s+/gu, ' ').trim());
  });

  it('reads JSON-LD inside @graph: date, several authors, publisher; og:url as canonical', () => {
    const article = extracted('graph-json-ld.html', 'https://science.example.org/glaciers-tian-shan');
    expect(article.headline).toBe('Glaciers of the Tian Shan are shrinking faster');
    expect(article.datePublished).toBe('2023-11-02T10:00:00Z');
    expect(article.author).toEqual(['Aru Bekova', 'Tom Miller']);
    expect(article.publisher).toBe('Mountain Science Weekly');
    expect(article.url).toBe('https://science.example.org/glaciers-tian-shan?utm_source=feed');
    expect(article.inLanguage).toBe('en-GB');
    expect(article.text.split('\n\n')).toHaveLength(3);
  });

  it('falls back to <time datetime>, a JSON-LD array, and the page URL without its fragment', () => {
    const article = extracted('time-only.html', 'http://blog.example.net/night-train#top');
    expect(article.datePublished).toBe('2022-03-05');
    expect(article.author).toEqual(['Lena Park']);
    expect(article.url).toBe('http://blog.example.net/night-train');
    expect(article.inLanguage).toBeUndefined();
  });

  it('says so for a page without an article', () => {
    const result = extractArticle(loadPage('no-article.html'), { url: 'https://mail.example.com/login' });
    expect(result).toEqual({ ok: false, code: 'no-article', message: expect.stringMatching(/no article/u) });
  });

  it('leaves the document as it was', () => {
    const doc = loadPage('steppe-railway.html');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, { url: 'https://courier.example.com/x' });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('gives what a pack article needs: the extracted fields pass the pack validator', () => {
    const article = extracted('steppe-railway.html', 'https://courier.example.com/x');
    const pack = {
      format: 'article-pack',
      formatVersion: 1,
      pack: { id: 't', name: 'T', version: '1.0.0' },
      entities: [],
      articles: [{ id: 'a', headline: article.headline, author: article.author, datePublished: article.datePublished, url: article.url, inLanguage: article.inLanguage, publisher: article.publisher, articleBody: article.text }],
    };
    expect(validatePack(pack).ok).toBe(true);
  });
});

describe('extractArticle on pages of other shapes', () => {
  it('takes the <h1> over a <title> that starts with the site, splits a "By … · date" byline, skips an editable draft', () => {
    const article = extracted('daily-ledger.html', 'https://ledger.example.com/world/summit-opens');
    expect(article.headline).toBe('Leaders gather in Astana as the summit opens');
    expect(article.author).toEqual(['A. Reporter']);
    expect(article.datePublished).toBe('2024-07-04');
    expect(article.publisher).toBe('Daily Ledger');
    // Editable, form and hidden regions are not what a reader sees; highlighting skips them too.
    expect(article.text).not.toMatch(/DRAFT NOTE|Marat Bekov|Olga Smirnova|Boris Ivanov|Pavel Orlov/u);
    expect(article.text).toMatch(/dinner for the delegations\.$/u);
  });

  it('reads JSON-LD NewsArticle headline, author, date and publisher, ignoring the logo <h1>', () => {
    const article = extracted('harbour-gazette.html', 'https://gazette.example.co.uk/port-strike');
    expect(article).toMatchObject({
      headline: 'Port strike ends after three weeks',
      author: ['Niamh Gallagher'],
      datePublished: '2025-03-18T17:40:00Z',
      publisher: 'Harbour Gazette',
    });
    expect(article.description).toBeUndefined();
  });

  it('strips " - Site" from og:title, takes rel=author and <time datetime>, skips hidden text', () => {
    const article = extracted('valley-post.html', 'https://valleypost.example.com/floods');
    expect(article).toMatchObject({ headline: 'Floods close the valley road', author: ['Mira Osei'], datePublished: '2023-10-09', publisher: 'Valley Post' });
    expect(article.text).not.toMatch(/Advertisement|Gregor Lind/u);
    expect(article.text.split('\n\n')).toHaveLength(2);
  });
});
