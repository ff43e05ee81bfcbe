import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as fc from 'fast-check';
import { unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { articleToMarkdown, articlesToJsonLines, markdownZip } from '../../../lib/kb/open-formats';
import type { PackArticle } from '../../../lib/pack/schema';
import { jsonlArticles } from '../../../scripts/pack/jsonl-articles';
import { markdownArticle } from '../../../scripts/pack/markdown-article';

const ARTICLE: PackArticle = {
  id: 'leaders-meet',
  headline: 'Leaders meet again in Astana: "a second round"',
  url: 'https://example.org/news/astana?id=4&lang=en',
  author: ['Mara Ellison', 'Ilya Brandt'],
  datePublished: '2024-07-05',
  publisher: 'The Valley Post',
  inLanguage: 'en',
  description: 'Talks resume.',
  keywords: ['diplomacy'],
  articleBody:
    'Vladimir Putin and Xi Jinping met in Astana on Friday.\n\n# Not a heading, 1. not a list, - not an item\n\n*Stars*, _lines_, [brackets](x), <b>tags</b>, `ticks`, AT&T and &amp; stay as typed.\n\n> Not a quote either.',
};

/** An article without its links to entities, which the builder makes anew. */
function withoutLinks({ mentions: _mentions, about: _about, ...article }: PackArticle): PackArticle {
  return article;
}

/** What the pack builder reads back from the Markdown. */
function readBack(markdown: string): PackArticle {
  const read = markdownArticle(markdown);
  if (!('article' in read)) throw new Error(read.reason);
  return read.article;
}

describe('articleToMarkdown', () => {
  it('writes front matter note tools read: title, author, date, url, names mentioned', () => {
    const markdown = articleToMarkdown({ article: ARTICLE, names: ['Vladimir Putin', 'Xi Jinping', 'Astana'] });
    const front = parseYaml(markdown.split('---\n')[1]!);
    expect(front).toMatchObject({
      title: ARTICLE.headline,
      author: ['Mara Ellison', 'Ilya Brandt'],
      date: '2024-07-05',
      url: ARTICLE.url,
      names: ['Vladimir Putin', 'Xi Jinping', 'Astana'],
    });
  });

  it('reads back through the pack builder as the same article, markup-like text included', () => {
    expect(readBack(articleToMarkdown({ article: ARTICLE, names: [] }))).toEqual(ARTICLE);
  });

  it('round-trips any text of words and punctuation', { timeout: 30_000 }, () => {
    const piece = fc.oneof(fc.constantFrom('#', '-', '+', '*', '_', '`', '[', ']', '(', ')', '<', '>', '&', 'amp;', '\\', '!', '|', '~', '1.', '2)', '=', ':', '"', "'", ' ', 'é', 'Łódź'), fc.stringMatching(/^[A-Za-z]{1,8}$/u));
    const paragraph = fc.array(piece, { minLength: 1, maxLength: 20 }).map((parts) => parts.join('').replace(/\s+/gu, ' ').trim()).filter((p) => /[A-Za-z]/u.test(p));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const article: PackArticle = { id: 'a', headline: 'Title', articleBody: paragraphs.join('\n\n') };
        expect(readBack(articleToMarkdown({ article, names: [] })).articleBody).toBe(article.articleBody);
      }),
      { numRuns: 150 },
    );
  });
});

describe('markdownZip', () => {
  it('holds one folder of files named by date and headline, never twice the same', () => {
    const zip = unzipSync(markdownZip([{ name: 'My articles', articles: [ARTICLE, ARTICLE, { id: 'x', headline: 'Undated', articleBody: 'Text.' }].map((article) => ({ article, names: [] })) }]));
    expect(Object.keys(zip)).toEqual([
      'My articles/2024-07-05-leaders-meet-again-in-astana-a-second-round.md',
      'My articles/2024-07-05-leaders-meet-again-in-astana-a-second-round-2.md',
      'My articles/undated.md',
    ]);
  });

  it('builds back into a pack with the pack builder (npm run pack -- build export.zip)', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-formats-'));
    try {
      const second: PackArticle = { id: 'second', headline: 'Night trains return', datePublished: '2024-07-06', articleBody: 'The night train from Astana runs again.\n\nTickets sold out.' };
      await writeFile(join(dir, 'export.zip'), markdownZip([{ name: 'My articles', articles: [ARTICLE, second].map((article) => ({ article, names: [] })) }]));
      await writeFile(join(dir, 'entities.json'), JSON.stringify([{ id: 'astana', name: 'Astana', type: 'Place' }]));
      const out = join(dir, 'back.pack.json');
      await promisify(execFile)('node_modules/.bin/tsx', ['scripts/pack/cli.ts', 'build', join(dir, 'export.zip'), '--entities', join(dir, 'entities.json'), '--no-suggestions', '-o', out]);
      const pack = JSON.parse(await readFile(out, 'utf8')) as { articles: Array<PackArticle & { mentions?: string[] }> };
      expect(pack.articles.map(withoutLinks)).toEqual([ARTICLE, second].map(withoutLinks));
      expect(pack.articles.every((a) => a.mentions?.includes('astana'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('articlesToJsonLines', () => {
  it('writes one pack-format article per line that the pack builder reads back', () => {
    const text = articlesToJsonLines([
      { article: ARTICLE, names: ['Astana'] },
      { article: { id: 'b', headline: 'Second', articleBody: 'Text.' }, names: [] },
    ]);
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    const read = jsonlArticles(text);
    expect(read.problems).toEqual([]);
    expect(read.articles.map((a) => a.article)).toEqual([{ ...ARTICLE, names: ['Astana'] }, { id: 'b', headline: 'Second', articleBody: 'Text.' }]);
  });
});
