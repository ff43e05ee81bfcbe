import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../lib/extract';
import { MIN_REMEMBERED_CHARS, worthRemembering } from '../../../lib/reading/worth-remembering';

const article: ExtractedArticle = { headline: 'Talks in Astana', author: [], text: 'x'.repeat(MIN_REMEMBERED_CHARS), readerable: true };

describe('which read pages are remembered', () => {
  it('keeps an article page', () => {
    expect(worthRemembering(article, 'https://news.example/2024/07/talks-in-astana')).toBe(true);
  });

  it('not a page Readability does not judge an article', () => {
    expect(worthRemembering({ ...article, readerable: false }, 'https://news.example/2024/07/talks')).toBe(false);
  });

  it('not a brief', () => {
    expect(worthRemembering({ ...article, text: 'x'.repeat(MIN_REMEMBERED_CHARS - 1) }, 'https://news.example/2024/07/talks')).toBe(false);
  });

  it('keeps a short page that says it is an article (JSON-LD NewsArticle, og:type article)', () => {
    expect(worthRemembering({ ...article, text: 'A short story.', readerable: false, declaresArticle: true }, 'https://news.example/port-strike')).toBe(true);
  });

  it.each(['https://news.example/', 'https://news.example', 'https://news.example/index.html', 'https://news.example/Home', 'https://news.example/?edition=uk'])(
    'not a front page (%s)',
    (url) => expect(worthRemembering(article, url)).toBe(false),
  );
});
