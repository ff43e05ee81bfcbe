import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../lib/feeds/decode-feed';
import { parseFeedText } from '../../../lib/feeds/parse-feed';

const UNDECLARED = join(__dirname, '../../fixtures/feeds/undeclared');

async function parseUndeclared(name: string) {
  // No charset in the Content-Type, no encoding= in the XML declaration (generate.sh writes them so).
  const bytes = new Uint8Array(readFileSync(join(UNDECLARED, name)));
  const result = await parseFeedText(decodeFeed(bytes, 'application/rss+xml'), 'https://news.example.com/rss');
  if (!result.ok) throw new Error(result.message);
  return result.feed;
}

describe('decodeFeed: a feed that declares no encoding', () => {
  it.each([
    ['gb2312.xml', '新闻', '习近平会见外国领导人', '今天北京天气很好，市民在公园里散步。'],
    ['big5.xml', '新聞', '台北今天舉行國際會議', '今天台北天氣很好，市民在公園裡散步。'],
    ['shift_jis.xml', 'ニュース', '東京で国際会議が開かれた', '今日の東京は晴れで、市民は公園を散歩した。'],
    ['windows-1251.xml', 'Новости', 'В Москве прошла международная встреча', 'Сегодня в Москве хорошая погода, жители гуляют в парке.'],
    ['latin1.xml', 'Café des Sports', 'Résumé du match à Zürich', "Aujourd'hui à Genève il fait très beau, on se promène au parc."],
  ])('reads %s as written', async (name, title, headline, body) => {
    const feed = await parseUndeclared(name);
    expect(feed.title).toBe(title);
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toMatchObject({ headline, body });
  });

  it('reads valid UTF-8 as UTF-8, without guessing', () => {
    expect(decodeFeed(new TextEncoder().encode('<rss><title>新闻 Café</title></rss>'))).toContain('新闻 Café');
  });

  it('reads a large undeclared feed from a sample of its text, a character cut at the sample’s end included', () => {
    const item = readFileSync(join(UNDECLARED, 'gb2312.xml')).subarray(120, 400);
    const big = new Uint8Array(200_000);
    for (let at = 0; at + item.length <= big.length; at += item.length) big.set(item, at);
    expect(decodeFeed(big)).toContain('习近平');
  });
});
