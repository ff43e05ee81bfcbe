import { describe, expect, it } from 'vitest';
import { advertisedFeedsInHtml } from '../../../lib/feeds/advertised-feeds';
import { checkFeedAddress } from '../../../lib/feeds/check-feed-address';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Post</title><item><title>A</title><link>/a</link></item></channel></rss>';
const ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Comments</title><entry><title>C</title><id>c</id></entry></feed>';
const page = (head: string) => `<!doctype html><html><head><title>Daily</title>${head}</head><body><p>News</p></body></html>`;

/** A site in a function: each path answers what `routes` says (a body, or a status), anything else 404. */
function site(routes: Record<string, string | number>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    const route = routes[new URL(url).pathname];
    if (route === undefined) return new Response('not found', { status: 404 });
    if (typeof route === 'number') return new Response('error', { status: route });
    const type = route.startsWith('<?xml') ? 'application/xml' : 'text/html';
    return new Response(route, { status: 200, headers: { 'content-type': type } });
  };
  return { fetch, asked };
}

const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));

describe('advertisedFeedsInHtml: the popup’s rules, on HTML without a DOM', () => {
  it('finds RSS, Atom and JSON Feed links in order, resolved against <base>, and nothing else', () => {
    const html = page(`<base href="https://news.example/en/">
      <link rel="stylesheet" href="/s.css"><link rel="alternate" type="text/html" href="/fr/">
      <LINK REL="Alternate" TYPE="application/rss+xml" HREF="feed.xml" TITLE=" Daily &amp; more ">
      <link rel="alternate" type="application/atom+xml" href="/comments.atom">
      <link rel="alternate" type="application/feed+json" href="javascript:alert(1)">`);
    expect(advertisedFeedsInHtml(html, 'https://news.example/')).toEqual([
      { url: 'https://news.example/en/feed.xml', title: 'Daily & more' },
      { url: 'https://news.example/comments.atom' },
    ]);
  });
});

describe('checkFeedAddress: asked once before an address is followed', () => {
  it('follows a feed as it is, with its title', async () => {
    const { fetch } = site({ '/feed.xml': RSS });
    expect(await checkFeedAddress('http://s.example/feed.xml', { fetch })).toEqual({ ok: true, url: 'http://s.example/feed.xml', title: 'Daily Post', others: [] });
  });

  it('follows the first feed a web page advertises, and names the others', async () => {
    const { fetch, asked } = site({
      '/': page('<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed.xml"><link rel="alternate" type="application/atom+xml" title="Comments" href="/c.atom">'),
      '/feed.xml': RSS,
      '/c.atom': ATOM,
    });
    expect(await checkFeedAddress('http://s.example/', { fetch })).toEqual({
      ok: true,
      url: 'http://s.example/feed.xml',
      title: 'Daily Post',
      foundOn: 'http://s.example/',
      others: [{ url: 'http://s.example/c.atom', title: 'Comments' }],
    });
    // Only the page and the feed it chose: the others are named, not fetched.
    expect(asked).toEqual(['http://s.example/', 'http://s.example/feed.xml']);
  });

  it('refuses a page that names no feed, in a plain sentence', async () => {
    const { fetch } = site({ '/': page('') });
    expect(await checkFeedAddress('http://s.example/', { fetch })).toEqual({
      ok: false,
      message: 's.example sent a web page that names no feed (RSS, Atom or JSON Feed). Look on the site for a link to its feed, and follow that address.',
    });
  });

  it('refuses an address that answers 404 or 500, or cannot be reached', async () => {
    const { fetch } = site({ '/down': 500 });
    expect(await checkFeedAddress('http://s.example/nothing.xml', { fetch })).toEqual({ ok: false, message: 's.example answered 404: no such page. Check the address.' });
    expect(await checkFeedAddress('http://s.example/down', { fetch })).toEqual({ ok: false, message: 's.example: the site had an error (500). Check the address.' });
    expect(await checkFeedAddress('http://s.example/feed.xml', { fetch: unreachable })).toEqual({ ok: false, message: 'Could not reach s.example. Check the address.' });
  });

  it('refuses a page whose feed link is broken, naming it; follows no page past the first', async () => {
    const broken = site({ '/': page('<link rel="alternate" type="application/rss+xml" href="/gone.xml">') });
    expect(await checkFeedAddress('http://s.example/', { fetch: broken.fetch })).toEqual({
      ok: false,
      message: 'The page at s.example names a feed (http://s.example/gone.xml), but it cannot be followed: s.example answered 404: no such page. Check the address.',
    });
    const loop = site({ '/': page('<link rel="alternate" type="application/rss+xml" href="/other">'), '/other': page('<link rel="alternate" type="application/rss+xml" href="/">') });
    expect(await checkFeedAddress('http://s.example/', { fetch: loop.fetch })).toMatchObject({ ok: false });
    expect(loop.asked).toHaveLength(2);
  });

  it('refuses text that is neither a feed nor a page with the parser’s sentence', async () => {
    const { fetch } = site({ '/x': '<?xml version="1.0"?><note>hi</note>' });
    expect(await checkFeedAddress('http://s.example/x', { fetch })).toEqual({ ok: false, message: 'This address does not give a feed Backstory can read (RSS, Atom or JSON Feed).' });
  });
});
