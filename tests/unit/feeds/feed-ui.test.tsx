import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedList } from '../../../components/FeedList';
import { FollowSite } from '../../../components/FollowSite';
import { advertisedFeeds } from '../../../lib/feeds/advertised-feeds';
import { feedStatus } from '../../../lib/feeds/feed-status';
import { feedName, type FeedRecord } from '../../../lib/feeds/feed-store';

afterEach(cleanup);

const time = (ms: number) => `T${ms}`;
const FEED: FeedRecord = { id: 'feed-1', url: 'https://a.example/feed', followedAt: 0, retentionDays: 90, maxItems: 1000, failures: 0, nextFetchAt: 0 };

/** The refusal beside a number field: the second of its descriptions. */
const noteOf = (input: HTMLInputElement) => document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent;

describe('advertisedFeeds', () => {
  it('finds RSS, Atom and JSON Feed links, resolved, each once, and nothing else', () => {
    document.head.innerHTML = `
      <base href="https://site.example/blog/">
      <link rel="alternate" type="application/rss+xml" title="  Main   feed " href="feed.xml">
      <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="/atom">
      <link rel="alternate" type="application/feed+json" href="https://site.example/feed.json">
      <link rel="alternate" type="application/rss+xml" href="feed.xml">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="icon" type="application/rss+xml" href="/not-a-feed">`;
    expect(advertisedFeeds(document)).toEqual([
      { url: 'https://site.example/blog/feed.xml', title: 'Main feed' },
      { url: 'https://site.example/atom' },
      { url: 'https://site.example/feed.json' },
    ]);
  });
});

describe('feedName', () => {
  it('is the title once known, else host and path, so two feeds of a site are told apart', () => {
    expect(feedName({ ...FEED, title: 'Steppe Wire' })).toBe('Steppe Wire');
    expect(feedName({ url: 'http://127.0.0.1:8765/feed.xml' })).toBe('127.0.0.1:8765/feed.xml');
    expect(feedName({ url: 'http://127.0.0.1:8765/atom.xml' })).toBe('127.0.0.1:8765/atom.xml');
    expect(feedName({ url: 'https://blog.example/?feed=rss2' })).toBe('blog.example?feed=rss2');
    expect(feedName({ url: 'https://blog.example/' })).toBe('blog.example');
  });
});

describe('feedStatus', () => {
  it('says in plain words what the last fetch did, and when a failing feed is tried again', () => {
    expect(feedStatus(FEED, time)).toEqual({ state: 'waiting', summary: 'Not fetched yet: the first fetch is on its way.' });
    expect(feedStatus({ ...FEED, lastFetchAt: 5, lastOutcome: 'new', lastNewItems: 3 }, time).summary).toBe('Fetched T5: 3 new articles.');
    expect(feedStatus({ ...FEED, lastFetchAt: 5, lastOutcome: 'unchanged', lastNewItems: 0 }, time).summary).toBe('Fetched T5: nothing new.');
    expect(feedStatus({ ...FEED, lastFetchAt: 5, lastOutcome: 'new', lastNewItems: 2, lastSkippedItems: 1, failures: 0, nextFetchAt: 9 }, time).summary).toBe(
      'Fetched T5: 2 new articles. 1 item without a title or text skipped.',
    );
    // A feed of old items looked empty: say why nothing was kept.
    expect(feedStatus({ ...FEED, lastFetchAt: 5, lastOutcome: 'unchanged', lastNewItems: 0, lastNotKeptItems: 1 }, time).summary).toBe(
      'Fetched T5: nothing new. 1 item not kept: older than this feed keeps (the last 90 days, at most 1,000 articles).',
    );
    expect(feedStatus({ ...FEED, lastFetchAt: 5, lastOutcome: 'failed', failures: 2, error: 'a.example answered 500.', nextFetchAt: 9 }, time)).toEqual({
      state: 'failing',
      summary: 'Last fetch T5 failed (2 times in a row).',
      error: 'a.example answered 500. Backstory tries again T9.',
    });
  });
});

describe('FollowSite and FeedList', () => {
  it('offers one "Follow this site" button, and names feeds when the page has several', () => {
    const onFollow = vi.fn();
    const { rerender } = render(<FollowSite feeds={[{ url: 'https://a/feed', title: 'A', followed: false }]} busy={false} onFollow={onFollow} />);
    fireEvent.click(screen.getByRole('button', { name: 'Follow this site' }));
    expect(onFollow).toHaveBeenCalledWith('https://a/feed');
    const onUnfollow = vi.fn();
    const onUndo = vi.fn();
    rerender(<FollowSite feeds={[{ url: 'https://a/1', title: 'News', followed: false }, { url: 'https://a/2', title: 'Sport', followed: true, name: 'Sport daily' }]} busy={false} onFollow={onFollow} onUnfollow={onUnfollow} onUndo={onUndo} />);
    expect(screen.getByRole('button', { name: 'Follow this site: News' })).toBeTruthy();
    // A feed followed already: "Following <name>", with Unfollow.
    expect(screen.getByText('Following Sport daily')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unfollow Sport daily' }));
    expect(onUnfollow).toHaveBeenCalledWith('https://a/2');
    rerender(<FollowSite feeds={[{ url: 'https://a/2', title: 'Sport', followed: false }]} busy={false} undo={{ message: 'Unfollowed Sport daily.', secondsLeft: 7 }} onFollow={onFollow} onUnfollow={onUnfollow} onUndo={onUndo} />);
    expect(screen.getByRole('status').textContent).toContain('Unfollowed Sport daily.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo (7 s)' }));
    expect(onUndo).toHaveBeenCalled();
    rerender(<FollowSite feeds={[]} busy={false} onFollow={onFollow} />);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('shows at most five feeds of a page, the others behind "N more feeds on this page"', () => {
    const feeds = Array.from({ length: 7 }, (_, i) => ({ url: `https://a/${i}`, title: `Section ${i}`, followed: false }));
    const { container } = render(<FollowSite feeds={feeds} busy={false} onFollow={vi.fn()} />);
    const summary = screen.getByText('2 more feeds on this page');
    expect(summary.tagName).toBe('SUMMARY');
    expect([...container.querySelectorAll('details button')].map((b) => b.textContent)).toEqual(['Follow “Section 5”', 'Follow “Section 6”']);
    expect(container.querySelectorAll('section > .follow-site__feeds > button')).toHaveLength(5);
  });

  it('lists feeds with their state, error, Fetch now, Unfollow and retention', () => {
    const onFetch = vi.fn();
    const onUnfollow = vi.fn();
    const onRetention = vi.fn();
    const status = feedStatus({ ...FEED, lastFetchAt: 5, lastOutcome: 'failed', failures: 1, error: 'Gone.', nextFetchAt: 9 }, time);
    const onFullArticles = vi.fn();
    render(
      <FeedList
        feeds={[{ id: 'f', title: 'A', url: FEED.url, status, articleCount: 0, retentionDays: 90, maxItems: 1000, fullArticles: false, fetching: false }]}
        onFetch={onFetch}
        onUnfollow={onUnfollow}
        onRetention={onRetention}
        onFullArticles={onFullArticles}
      />,
    );
    expect(screen.getByText('Gone. Backstory tries again T9.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fetch A now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unfollow A' }));
    fireEvent.change(screen.getByLabelText('Days to keep articles of A'), { target: { value: '30' } });
    const hint = screen.getByLabelText('Most articles to keep of A').getAttribute('aria-describedby')!.split(' ')[0];
    expect(document.getElementById(hint!)?.textContent).toBe('From 10 to 10,000. Backstory reads at most 500 items from each fetch.');
    // Fetched and nothing kept: said as 0, not left out.
    expect(screen.getByText(/Last fetch T5 failed\. 0 articles kept\./u)).toBeTruthy();
    expect([onFetch.mock.calls[0], onUnfollow.mock.calls[0], onRetention.mock.calls[0]]).toEqual([['f'], ['f'], ['f', { retentionDays: 30, maxItems: 1000 }]]);
    // Full articles: off by default, a labelled checkbox that says what it does.
    const full = screen.getByRole('checkbox', { name: 'Get the full article from the site when the feed gives only a summary' }) as HTMLInputElement;
    expect(full.checked).toBe(false);
    expect(document.getElementById(full.getAttribute('aria-describedby')!)?.textContent).toMatch(/only on this feed’s own site, one every few seconds at most/u);
    fireEvent.click(full);
    expect(onFullArticles).toHaveBeenCalledWith('f', true);
  });

  it('refuses retention values out of range beside the field, with the range, and saves nothing', () => {
    const onRetention = vi.fn();
    const status = feedStatus({ ...FEED }, time);
    render(
      <FeedList
        feeds={[{ id: 'f', title: 'A', url: FEED.url, status, articleCount: 0, retentionDays: 90, maxItems: 1000, fullArticles: false, fetching: false }]}
        onFetch={vi.fn()}
        onUnfollow={vi.fn()}
        onRetention={onRetention}
        onFullArticles={vi.fn()}
      />,
    );
    const days = screen.getByLabelText('Days to keep articles of A') as HTMLInputElement;
    const items = screen.getByLabelText('Most articles to keep of A') as HTMLInputElement;
    for (const bad of ['0', '-5', '3651', '1.5']) {
      fireEvent.change(days, { target: { value: bad } });
      expect(noteOf(days)).toBe(`${bad} was not saved: enter a whole number from 1 to 3,650.`);
      expect(days.getAttribute('aria-invalid')).toBe('true');
    }
    fireEvent.change(items, { target: { value: '2' } });
    expect(noteOf(items)).toBe('2 was not saved: enter a whole number from 10 to 10,000.');
    fireEvent.change(items, { target: { value: '' } });
    expect(noteOf(items)).toBe('An empty field was not saved: enter a whole number from 10 to 10,000.');
    expect(onRetention).not.toHaveBeenCalled();
    // Not fetched yet: no count of articles kept.
    expect(screen.queryByText(/articles kept/u)).toBeNull();
    fireEvent.change(days, { target: { value: '7' } });
    expect(noteOf(days)).toBe('');
    expect(days.getAttribute('aria-invalid')).toBeNull();
    expect(onRetention).toHaveBeenCalledWith('f', { retentionDays: 7, maxItems: 1000 });
  });
});
