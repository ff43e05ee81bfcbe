import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ISSUES } from '../../../lib/pack/limits';
import { formatIssue, formatPath, validatePack } from '../../../lib/pack/validate';
import { type Pack } from '../../../lib/pack/schema';
import { fixtureJson } from './fixtures';

function minimal(): Record<string, unknown> {
  return {
    format: 'article-pack',
    formatVersion: 1,
    pack: { id: 'p', name: 'P', version: '1.0.0' },
    entities: [{ id: 'e', name: 'E' }],
    articles: [{ id: 'a', headline: 'A', about: ['e'] }],
  };
}

function withEntity(fields: Record<string, unknown>): unknown {
  return { ...minimal(), entities: [{ id: 'e', name: 'E', ...fields }] };
}

function withArticle(fields: Record<string, unknown>): unknown {
  return { ...minimal(), articles: [{ id: 'a', headline: 'A', ...fields }] };
}

function withMeta(fields: Record<string, unknown>): unknown {
  return { ...minimal(), pack: { id: 'p', name: 'P', version: '1.0.0', ...fields } };
}

function acceptedPack(data: unknown): Pack {
  const result = validatePack(data);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pack;
}

function messagesOf(data: unknown): string[] {
  const result = validatePack(data);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('validatePack', () => {
  it('keeps unknown properties at every level, for export', () => {
    const pack = acceptedPack(fixtureJson('valid', 'complete.pack.json'));
    expect(pack['x-generator']).toBe('hand-written');
    expect(pack.pack['x-curator']).toBe('kept for export');
    expect(pack.entities[0]?.['x-rank']).toBe(1);
    expect(pack.articles[0]?.['x-source']).toBe('fixture');
  });

  it('gives an entity without a type the type Thing', () => {
    const pack = acceptedPack(minimal());
    expect(pack.entities[0]?.type).toBe('Thing');
  });

  it('returns the data of a complete pack unchanged apart from defaults', () => {
    const data = fixtureJson('valid', 'complete.pack.json') as { entities: { type?: string }[] };
    const pack = acceptedPack(structuredClone(data));
    const expected = structuredClone(data);
    for (const entity of expected.entities) entity.type ??= 'Thing';
    expect(pack).toEqual(expected);
  });

  it.each([
    ['2024-07-10'],
    ['2024-02-29'],
    ['2000-02-29'],
    ['2024-07-10T09:30'],
    ['2024-07-10T09:30:00'],
    ['2024-07-10T09:30:00Z'],
    ['2024-07-10T09:30:00.123Z'],
    ['2024-07-10T23:59:59+05:30'],
    ['2024-07-10T09:30:00-0800'],
  ])('accepts the date %s', (date) => {
    expect(messagesOf(withArticle({ datePublished: date }))).toEqual([]);
    expect(messagesOf(withMeta({ created: date }))).toEqual([]);
  });

  it.each([
    ['10/07/2024'],
    ['2024-7-10'],
    ['2023-02-29'],
    ['1900-02-29'],
    ['2024-13-01'],
    ['2024-04-31'],
    ['2024-07-10 09:30'],
    ['2024-07-10T24:00:00Z'],
    ['2024-07-10T09:60Z'],
    ['yesterday'],
    [''],
  ])('refuses the date %j', (date) => {
    expect(messagesOf(withArticle({ datePublished: date }))).toEqual([
      'articles[0].datePublished: not an ISO 8601 date or date-time (for example 2024-07-10 or 2024-07-10T09:30:00Z)',
    ]);
  });

  it.each([['a'], ['0'], ['sco-summit-2024'], ['a.b_c-d'], ['x'.repeat(64)]])('accepts the pack id %s', (id) => {
    expect(messagesOf(withMeta({ id }))).toEqual([]);
  });

  it.each([[''], ['-a'], ['.a'], ['A'], ['a b'], ['a/b'], ['x'.repeat(65)], ['é']])('refuses the pack id %j', (id) => {
    expect(messagesOf(withMeta({ id }))).toHaveLength(1);
  });

  it.each([['0.0.0'], ['1.2.3'], ['10.20.30'], ['1.0.0-alpha.1'], ['1.0.0+20130313144700'], ['1.0.0-rc.1+build.1']])(
    'accepts the version %s',
    (version) => expect(messagesOf(withMeta({ version }))).toEqual([]),
  );

  it.each([['1'], ['1.2'], ['v1.2.3'], ['01.2.3'], ['1.2.3-'], ['1.2.3.4'], ['']])('refuses the version %j', (version) => {
    expect(messagesOf(withMeta({ version }))).toEqual(['pack.version: not a semantic version (for example 1.2.0)']);
  });

  it.each([['en'], ['pt-BR'], ['zh-Hant-TW'], ['sr-Latn'], ['fil']])('accepts the language %s', (language) => {
    expect(messagesOf(withMeta({ language }))).toEqual([]);
    expect(messagesOf(withArticle({ inLanguage: language }))).toEqual([]);
  });

  it.each([['en_US'], ['e'], ['english language'], ['']])('refuses the language %j', (language) => {
    expect(messagesOf(withArticle({ inLanguage: language }))).toEqual([
      'articles[0].inLanguage: not a BCP 47 language tag (for example en, pt-BR or zh-Hant)',
    ]);
  });

  it.each([['https://example.org/'], ['http://example.org/a?b#c'], ['HTTPS://EXAMPLE.ORG']])(
    'accepts the URL %s',
    (url) => expect(messagesOf(withEntity({ url, sameAs: [url] }))).toEqual([]),
  );

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<b>x</b>'],
    ['ftp://example.org/'],
    ['//example.org/'],
    ['example.org'],
    ['https://'],
    [''],
  ])('refuses the URL %j', (url) => {
    expect(messagesOf(withEntity({ url }))).toEqual(['entities[0].url: not an http or https URL']);
  });

  it('refuses values of the wrong type with the expected type', () => {
    expect(messagesOf(withEntity({ name: 3, alternateName: ['A', 4], match: { exclude: 7 } }))).toEqual([
      'entities[0].name: must be a string',
      'entities[0].alternateName[1]: must be a string',
      'entities[0].match.exclude: must be a string or an array of strings',
    ]);
    expect(messagesOf({ ...minimal(), pack: 'p' })).toEqual(['pack: must be an object']);
    expect(messagesOf({ ...minimal(), articles: [7] })).toEqual(['articles[0]: must be an object']);
  });

  it('refuses a pack name longer than a title', () => {
    expect(messagesOf({ ...minimal(), pack: { id: 'p', name: 'x'.repeat(200), version: '1.0.0' } })).toEqual([]);
    expect(messagesOf({ ...minimal(), pack: { id: 'p', name: 'x'.repeat(100_000), version: '1.0.0' } })).toEqual(['pack.name: must be at most 200 characters: it is shown as a title']);
  });

  it('accepts ids from other data sources, but not blank ones', () => {
    expect(messagesOf(withEntity({ id: 'Q7747' }))).toEqual(['articles[0].about[0]: unknown entity id "e"']);
    expect(messagesOf(withArticle({ id: 'https://news.example.com/a' }))).toEqual([]);
    expect(messagesOf(withArticle({ id: '' }))).toEqual([
      'articles[0].id: not a valid id (1 to 200 characters, no spaces)',
    ]);
  });

  it('names every dangling reference, in document order with the other issues', () => {
    const data = {
      ...minimal(),
      entities: [{ id: 'e', name: 'E' }, { id: 'e', name: 'E2' }],
      articles: [
        { id: 'a', headline: 'A', about: ['x'], mentions: ['e', 'y'] },
        { id: 'b', headline: '', mentions: ['z'] },
      ],
    };
    expect(messagesOf(data)).toEqual([
      'entities[1].id: duplicate entity id "e" (first used at entities[0].id)',
      'articles[0].about[0]: unknown entity id "x"',
      'articles[0].mentions[1]: unknown entity id "y"',
      'articles[1].headline: must not be empty',
      'articles[1].mentions[0]: unknown entity id "z"',
    ]);
  });

  it(`reports the first ${MAX_REPORTED_ISSUES} issues and counts them all`, () => {
    const articles = Array.from({ length: 120 }, (_, i) => ({
      id: `a${i}`,
      headline: 'A',
      datePublished: 'soon',
      mentions: ['nobody'],
    }));
    const result = validatePack({ ...minimal(), articles });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.total).toBe(240);
    expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(result.issues[0]?.path).toBe('articles[0].datePublished');
    expect(result.issues[1]).toEqual({ path: 'articles[0].mentions[0]', message: 'unknown entity id "nobody"' });
    expect(result.issues[49]?.path).toBe('articles[24].mentions[0]');
  });

  it('refuses any newer format version, also fractional ones', () => {
    expect(messagesOf({ ...minimal(), formatVersion: 3, pack: 'different in v3' })).toEqual([
      'formatVersion: this pack uses format version 3 and needs a newer Backstory (this one reads version 1); update Backstory to import it',
    ]);
    expect(messagesOf({ ...minimal(), formatVersion: 1.5 })).toEqual(['formatVersion: must be 1']);
    expect(messagesOf({ ...minimal(), formatVersion: 0 })).toEqual(['formatVersion: must be 1']);
  });

  it.each([[null], [42], ['article-pack'], [[]]])('refuses %j as a whole', (data) => {
    const result = validatePack(data);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['']);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and odd keys quoted', () => {
    expect(formatPath(['articles', 12, 'datePublished'])).toBe('articles[12].datePublished');
    expect(formatPath([])).toBe('');
    expect(formatPath(['pack', 'x-curator'])).toBe('pack["x-curator"]');
  });
});

describe('one value where schema.org allows one or a list', () => {
  it('reads single values as lists of one (single-values fixture)', () => {
    const pack = acceptedPack(fixtureJson('valid', 'single-values.pack.json'));
    const [okafor] = pack.entities;
    const [article] = pack.articles;
    expect(okafor?.alternateName).toEqual(['Okafor']);
    expect(okafor?.sameAs).toEqual(['https://www.wikidata.org/wiki/Q4115189']);
    expect(okafor?.match?.exclude).toEqual(['Okafor Street']);
    expect(article?.author).toEqual(['A. Reporter']);
    expect(article?.about).toEqual(['port-vale']);
    expect(article?.mentions).toEqual(['amara-okafor']);
    expect(article?.keywords).toEqual(['floods']);
  });

  it('reads an author or publisher given as a schema.org Person or Organization as its name (schema-org-names fixture)', () => {
    const pack = acceptedPack(fixtureJson('valid', 'schema-org-names.pack.json'));
    expect(pack.pack.publisher).toBe('Valley Press Cooperative');
    expect(pack.articles.map((a) => [a.author, a.publisher])).toEqual([
      [['A. Reporter'], 'Valley Post'],
      [['A. Reporter', 'B. Editor'], 'Valley Post'],
    ]);
  });

  it('refuses a Person without a name, or with a blank one', () => {
    expect(messagesOf(withArticle({ author: [{ '@type': 'Person' }] }))).toEqual(['articles[0].author[0]: must be a string or an object with a string name']);
    expect(messagesOf(withArticle({ author: { name: ' ' } }))).toEqual(['articles[0].author.name: must not be empty']);
    expect(messagesOf(withArticle({ publisher: { name: 7 } }))).toEqual(['articles[0].publisher: must be a string or an object with a string name']);
  });

  it('still checks a single value as it checks a list item', () => {
    expect(messagesOf(withArticle({ author: ' ' }))).toEqual(['articles[0].author: must not be empty']);
    expect(messagesOf(withArticle({ about: 'nobody' }))).toEqual(['articles[0].about: unknown entity id "nobody"']);
    expect(messagesOf(withEntity({ sameAs: 'ftp://example.org/' }))).toEqual(['entities[0].sameAs: not an http or https URL']);
    expect(messagesOf(withArticle({ keywords: { a: 1 } }))).toEqual(['articles[0].keywords: must be a string or an array of strings']);
  });
});
