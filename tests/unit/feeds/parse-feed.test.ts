import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../lib/feeds/decode-feed';
import { parseFeedText, type ParsedFeed } from '../../../lib/feeds/parse-feed';

const FIXTURES = join(__dirname, '../../fixtures/feeds');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

async function parse(name: string, url: string, contentType?: string): Promise<ParsedFeed> {
  const result = await parseFeedText(decodeFeed(bytesOf(name), contentType), url);
  if (!result.ok) throw new Error(result.message);
  return result.feed;
}

describe('parseFeedText: the formats in their real variety', () => {
  it('reads RSS 2.0 as WordPress writes it: HTML in titles, full content, relative links, wrong dates, duplicates', async () => {
    const feed = await parse('rss2-wordpress.xml', 'https://gazette.example.org/feed/');
    expect(feed).toMatchObject({ format: 'rss', title: 'The Harbour & Hill Gazette', link: 'https://gazette.example.org/' });
    expect(feed.items).toHaveLength(3);
    const [first, second, third] = feed.items;
    expect(first).toMatchObject({
      guid: 'https://gazette.example.org/?p=101',
      url: 'https://gazette.example.org/2026/12/ada-statue/',
      headline: 'Breaking: Ada Lovelace statue unveiled',
      author: ['Jane Roe'],
      datePublished: '2026-12-05T08:30:00Z',
      description: 'A statue of Ada Lovelace…',
    });
    // Full content wins over the summary; scripts are dropped; entities decoded; paragraphs kept.
    expect(first!.body).toBe('A statue of Ada Lovelace was unveiled in London on Saturday.\n\nCharles Babbage’s engine stood beside it.');
    expect(second).toMatchObject({ url: 'https://gazette.example.org/2026/12/relative/', body: 'Only a summary here.' });
    expect(second!.datePublished).toBeUndefined();
    // A javascript: link is no address.
    expect(third).toMatchObject({ guid: 'js-1', url: undefined });
  });

  it('reads RSS 0.91 (with its DOCTYPE) and RSS 1.0 (RDF) with Dublin Core', async () => {
    const old = await parse('rss091.xml', 'http://old.example.com/rss');
    expect(old.items).toEqual([expect.objectContaining({ headline: 'Babbage engine restored', url: 'http://old.example.com/babbage.html', body: 'The Difference Engine runs again.' })]);
    const rdf = await parse('rss1-rdf.xml', 'https://rdf.example.net/index.rdf');
    expect(rdf.format).toBe('rdf');
    expect(rdf.items[0]).toMatchObject({ headline: 'Lovelace notes found', author: ['Sam Writer'], datePublished: '2026-11-30T09:00:00+01:00' });
  });

  it('reads Atom with xml:base on the feed and on an entry, several authors, xhtml and text content', async () => {
    const feed = await parse('atom-xmlbase.xml', 'https://blog.example.com/atom.xml');
    expect(feed).toMatchObject({ format: 'atom', title: 'Engines and Notes', link: 'https://blog.example.com/' });
    expect(feed.items[0]).toMatchObject({
      url: 'https://blog.example.com/posts/analytical-engine',
      author: ['Ann Lee', 'Bob Ray'],
      datePublished: '2026-12-04T10:00:00-05:00',
      body: 'Charles Babbage designed it.\n\nAda Lovelace wrote about it.',
    });
    expect(feed.items[1]).toMatchObject({ url: 'https://other.example.com/deep/entry-2', headline: 'Plain <title> text', body: 'Line one.\n\nLine two.' });
  });

  it('reads JSON Feed 1.1 and 1.0 fields, numeric ids, missing titles', async () => {
    const feed = await parse('jsonfeed.json', 'https://json.example.org/feed.json');
    expect(feed).toMatchObject({ format: 'json', title: 'JSON Dispatch', link: 'https://json.example.org/' });
    expect(feed.items[0]).toMatchObject({ guid: '1', headline: 'London bridges', body: 'London has many bridges.', author: ['Kim'] });
    expect(feed.items[1]).toMatchObject({ guid: '2', url: 'https://json.example.org/2', headline: 'No title here, only text about Ada Lovelace.', datePublished: '2026-12-02' });
    expect(feed.items[2]).toMatchObject({ author: ['Old Style'] });
  });

  it('decodes declared gb2312 and undeclared latin-1', async () => {
    const cn = await parse('gb2312.xml', 'https://cn.example.com/rss');
    expect(cn.title).toBe('新闻');
    expect(cn.items[0]).toMatchObject({ headline: '北京的新闻', body: '今天北京天气很好。' });
    const fr = await parse('latin1-undeclared.xml', 'https://fr.example.com/rss');
    expect(fr.title).toBe('Café des Sports');
    expect(fr.items[0]!.headline).toBe('Résumé du match à Zürich');
  });

  it('leaves out items with neither a title nor any text, and counts them', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title></title><description></description><link>/a</link></item>
      <item><title>&#8203;&#160;</title><guid>zero-width</guid></item>
      <item><title><![CDATA[<b> – </b>]]></title><description><![CDATA[<p>&nbsp;</p><img src="x.png">]]></description><guid>punctuation</guid></item>
      <item><title>Kept</title><guid>kept</guid></item>
    </channel></rss>`;
    const result = await parseFeedText(rss, 'https://h.example/feed');
    expect(result).toMatchObject({ ok: true, feed: { skipped: 3, items: [{ guid: 'kept', headline: 'Kept' }] } });
  });

  it('lets the HTTP charset win over the XML declaration', async () => {
    const text = decodeFeed(new TextEncoder().encode('<?xml version="1.0" encoding="iso-8859-1"?><x>é</x>'), 'application/rss+xml; charset=UTF-8');
    expect(text).toContain('<x>é</x>');
  });
});

describe('parseFeedText: hostile and broken feeds', () => {
  it('never expands entities declared in a DOCTYPE (billion laughs)', async () => {
    const started = performance.now();
    const feed = await parse('billion-laughs.xml', 'https://x.example/rss');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(feed.items[0]!.headline.length).toBeLessThan(100);
    expect(feed.items[0]!.headline).not.toContain('lollol');
  });

  it('never reads external entities: such a feed is refused', async () => {
    const result = await parseFeedText(decodeFeed(bytesOf('external-entity.xml')), 'https://x.example/rss');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('caps items per feed and characters per article', async () => {
    const body = 'word '.repeat(50_000);
    const items = Array.from({ length: 2000 }, (_, i) => `<item><title>T${i}</title><link>https://x.example/${i}</link><description>${i === 0 ? body : 'b'}</description></item>`).join('');
    const feed = await parseFeedText(`<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`, 'https://x.example/');
    expect(feed.ok && feed.feed.items.length).toBe(500);
    expect(feed.ok && feed.feed.items[0]!.body.length).toBeLessThanOrEqual(100_000);
  });

  it('says plainly when the answer is no feed', async () => {
    expect(await parseFeedText(readFileSync(join(FIXTURES, 'not-a-feed.html'), 'utf8'), 'https://x.example/')).toEqual({
      ok: false,
      message: 'This address does not give a feed Backstory can read (RSS, Atom or JSON Feed).',
    });
    expect((await parseFeedText('{"not":"a feed"}')).ok).toBe(false);
    expect((await parseFeedText('<rss><channel><title>x</title><item><title>unclosed')).ok).toBeDefined();
  });
});
