import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getDatabase } from '../../../lib/db/database';
import type { ExtractedArticle } from '../../../lib/extract';
import { saveUserArticle } from '../../../lib/kb/my-articles';

const ARTICLE: ExtractedArticle = {
  headline: 'A visit to Astana',
  author: ['Ann Lee'],
  datePublished: '2024-07-04',
  url: 'https://news.example/astana',
  text: 'Leaders met in Astana.\n\nThe summit ended on Thursday.',
  readerable: true,
};

vi.mock('../../../entrypoints/save/load-capture', () => ({ loadCapture: async () => ({ ok: true, article: ARTICLE }) }));
// The worker writes in this test's database, as the real one does in the page's.
vi.mock('../../../workers/library-worker', () => ({
  saveArticleInWorker: (input: Parameters<typeof saveUserArticle>[1]) => saveUserArticle(getDatabase(), input),
}));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the save page', () => {
  it('says the article was saved when only the announcement of the change fails', async () => {
    // Neither the channel nor the background answers: the save has committed all the same.
    vi.stubGlobal('BroadcastChannel', () => {
      throw new Error('no channel here');
    });
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { App } = await import('../../../entrypoints/save/App');
    render(<App />);

    await screen.findByRole('button', { name: 'Save to My articles' });
    fireEvent.submit(screen.getByRole('form', { name: 'Article to save' }));

    expect((await screen.findByRole('status', {}, { timeout: 5_000 })).textContent).toContain('Saved to “My articles”');
    expect(screen.queryByText(/unchanged/u)).toBeNull();
    expect((await getDatabase().articles.toArray()).map((a) => a.headline)).toEqual(['A visit to Astana']);
    // The page's first import (its whole module graph) took over the default 5 s on a loaded machine.
  }, 30_000);
});
