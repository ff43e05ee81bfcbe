import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PackArticle, PackEntity } from '../../../lib/pack/schema';
import { buildPack, type BuildPackResult } from '../../../scripts/pack/build-pack';
import { collectFiles } from '../../../scripts/pack/collect-files';
import { readArticles } from '../../../scripts/pack/read-articles';

const FIXTURES = 'tests/fixtures/builder';
const ENTITIES = JSON.parse(readFileSync(`${FIXTURES}/entities.json`, 'utf8')) as PackEntity[];
const META = { id: 'freight', name: 'Freight', version: '1.0.0' };

async function build(options: { suggest?: boolean; addSuggestions?: boolean } = {}) {
  const { files, skipped } = await collectFiles([`${FIXTURES}/mixed`]);
  const read = await readArticles(files);
  const result = buildPack({ meta: META, articles: read.articles, entities: ENTITIES, suggest: options.suggest ?? false, addSuggestions: options.addSuggestions ?? false });
  return { result, skipped: [...skipped, ...read.skipped, ...result.skipped] };
}

function articles(result: BuildPackResult): PackArticle[] {
  if (!result.validation.ok) throw new Error(JSON.stringify(result.validation.issues));
  return result.validation.pack.articles;
}

describe('building a pack from a folder', () => {
  it('reads .txt, .html, .md and .jsonl files, in name order, into a valid pack', async () => {
    const { result } = await build();
    expect(result.validation.ok).toBe(true);
    expect(articles(result).map((a) => a.id)).toEqual([
      'new-border-crossing-speeds-trucks-between-kazakhstan-2024-06-03',
      'port-of-aktau-doubles-its-grain-terminal-2024-08-20',
      'a-railway-museum-opens-in-an-old-depot-2024-09-14',
      'wire-1',
      'rail-freight-index-published-2024-10-02',
    ]);
    expect(result.stats).toEqual({ articles: 5, entities: 3, suggestedEntities: 0, mentions: 11 });
  });

  it('keeps each format\'s metadata', async () => {
    const [txt, html, md] = articles((await build()).result);
    expect(txt).toMatchObject({ headline: 'New border crossing speeds trucks between Kazakhstan and China', author: ['Ruslan Akhmetov'], datePublished: '2024-06-03' });
    expect(html).toMatchObject({ author: ['Maria Sokolova'], datePublished: '2024-08-20', publisher: 'Caspian Trade News', url: 'https://trade.example.com/aktau-grain', inLanguage: 'en' });
    expect(md).toMatchObject({
      headline: 'A railway museum opens in an old depot',
      author: ['Aigerim Sadykova', 'Tom Baker'],
      datePublished: '2024-09-14',
      url: 'https://culture.example.org/railway-museum',
      publisher: 'Steppe Culture',
      keywords: ['railways', 'museums'],
    });
  });

  it('turns Markdown into plain paragraphs: no markup, one paragraph per block or item, no code', async () => {
    const md = articles((await build()).result)[2]!;
    expect(md.articleBody!.split('\n\n')).toEqual([
      'The old locomotive depot in Almaty reopened on Saturday as a railway museum, with six steam engines restored by volunteers.',
      'What you can see',
      'A 1936 locomotive that ran to China',
      'The signal box, working again',
      '"Children can ring the bell," said the curator, Aigerim Sadykova.',
      'Entry is free for the first month, the Eurasian Freight Union said; it paid for the new roof.',
    ]);
  });

  it('links every article to the given entities it names, aliases included', async () => {
    const byId = new Map(articles((await build()).result).map((a) => [a.id, a.mentions]));
    expect(byId.get('new-border-crossing-speeds-trucks-between-kazakhstan-2024-06-03')?.sort()).toEqual(['china', 'eurasian-freight-union', 'kazakhstan']);
    expect(byId.get('port-of-aktau-doubles-its-grain-terminal-2024-08-20')?.sort()).toEqual(['eurasian-freight-union', 'kazakhstan']);
    expect(byId.get('rail-freight-index-published-2024-10-02')).toEqual(['eurasian-freight-union']);
  });

  it('skips what it cannot read, each with a reason', async () => {
    const { skipped } = await build();
    const reasons = Object.fromEntries(skipped.map((s) => [s.path.replace(`${FIXTURES}/mixed/`, ''), s.reason]));
    expect(reasons).toEqual({
      'photo.png': expect.stringMatching(/not an article file/u),
      'more/04-wire.jsonl:3': expect.stringMatching(/headline: must not be empty/u),
      'more/04-wire.jsonl:4': 'not valid JSON',
      'more/04-wire.jsonl:5': expect.stringMatching(/same URL as .*04-wire\.jsonl:1/u),
      'more/05-untitled.md': expect.stringMatching(/no headline/u),
    });
  });

  it('suggests names the entities do not cover, and adds them marked as suggested on request', async () => {
    const { result } = await build({ suggest: true });
    const names = result.suggestions.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Maria Sokolova', 'Aktau', 'Almaty']));
    expect(names).not.toContain('Kazakhstan');
    expect(names).not.toContain('Eurasian Freight Union');
    expect(result.suggestions.find((s) => s.name === 'Maria Sokolova')).toMatchObject({ type: 'Person', articles: 2 });
    expect(result.stats.suggestedEntities).toBe(0);

    const added = (await build({ suggest: true, addSuggestions: true })).result;
    if (!added.validation.ok) throw new Error('invalid');
    const sokolova = added.validation.pack.entities.find((e) => e.name === 'Maria Sokolova');
    expect(sokolova).toMatchObject({ id: 'maria-sokolova', type: 'Person', suggested: true });
    expect(added.stats.suggestedEntities).toBe(result.suggestions.length);
    expect(added.validation.pack.articles.filter((a) => a.mentions?.includes('maria-sokolova'))).toHaveLength(2);
  });

  it('reports why a pack would be invalid instead of hiding it', () => {
    const duplicate = JSON.parse(readFileSync(`${FIXTURES}/duplicate-entities.json`, 'utf8')) as PackEntity[];
    const result = buildPack({ meta: META, articles: [], entities: duplicate, suggest: false, addSuggestions: false });
    expect(result.validation.ok).toBe(false);
    if (result.validation.ok) return;
    expect(result.validation.issues[0]).toMatchObject({ path: 'entities[1].id', message: expect.stringMatching(/china/u) });
  });
});
