import { describe, expect, it } from 'vitest';
import { parsePack, type PackParseErrorCode } from './parse-pack';
import { type PackIssue } from '../../../lib/pack/validate';
import { fixtureBytes, fixtureNames } from './fixtures';

const DATE = 'not an ISO 8601 date or date-time (for example 2024-07-10 or 2024-07-10T09:30:00Z)';
const URL = 'not an http or https URL';

/** Each invalid fixture is broken in exactly one way; this is what the import must say. */
const EXPECTED: Record<string, { code?: PackParseErrorCode; issues: PackIssue[] }> = {
  'alternate-name-number': { issues: [{ path: 'entities[0].alternateName', message: 'must be a string or an array of strings' }] },
  'bad-case-sensitive': { issues: [{ path: 'entities[0].match.caseSensitive', message: 'must be true or false' }] },
  'bad-date': { issues: [{ path: 'articles[0].datePublished', message: DATE }] },
  'bad-entity-type': {
    issues: [
      { path: 'entities[1].type', message: 'must be one of Person, Organization, Place, Event, CreativeWork, Thing' },
    ],
  },
  'bad-language': {
    issues: [{ path: 'pack.language', message: 'not a BCP 47 language tag (for example en, pt-BR or zh-Hant)' }],
  },
  'bad-pack-id': {
    issues: [
      {
        path: 'pack.id',
        message:
          'not a valid pack id (1 to 64 characters: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit)',
      },
    ],
  },
  'bad-same-as': { issues: [{ path: 'entities[0].sameAs[1]', message: URL }] },
  'bad-semver': { issues: [{ path: 'pack.version', message: 'not a semantic version (for example 1.2.0)' }] },
  'bad-update-url': { issues: [{ path: 'pack.updateUrl', message: URL }] },
  'dangling-about': { issues: [{ path: 'articles[0].about[0]', message: 'unknown entity id "delta-council"' }] },
  'dangling-mention': { issues: [{ path: 'articles[0].mentions[1]', message: 'unknown entity id "foo"' }] },
  'duplicate-article-id': {
    issues: [
      { path: 'articles[1].id', message: 'duplicate article id "levy-2025-02-14" (first used at articles[0].id)' },
    ],
  },
  'duplicate-entity-id': {
    issues: [{ path: 'entities[3].id', message: 'duplicate entity id "port-vale" (first used at entities[1].id)' }],
  },
  'empty-alternate-name': { issues: [{ path: 'entities[0].alternateName[1]', message: 'must not be empty' }] },
  'empty-headline': { issues: [{ path: 'articles[1].headline', message: 'must not be empty' }] },
  'entities-not-array': { issues: [{ path: 'entities', message: 'must be an array of entities' }] },
  'entity-id-with-space': {
    issues: [{ path: 'entities[3].id', message: 'not a valid id (1 to 200 characters, no spaces)' }],
  },
  'format-version-2': {
    issues: [
      {
        path: 'formatVersion',
        message:
          'this pack uses format version 2 and needs a newer Backstory (this one reads version 1); update Backstory to import it',
      },
    ],
  },
  'format-version-string': { issues: [{ path: 'formatVersion', message: 'must be 1' }] },
  'impossible-date': { issues: [{ path: 'articles[1].datePublished', message: DATE }] },
  'javascript-url': { issues: [{ path: 'entities[1].url', message: URL }] },
  'missing-articles': { issues: [{ path: 'articles', message: 'required' }] },
  'too-deep': {
    issues: [{ path: `entities[0].extra${'[0]'.repeat(29)}`, message: 'nested more than 32 levels deep; Backstory cannot store values this deep' }],
  },
  'missing-entity-name': { issues: [{ path: 'entities[2].name', message: 'required' }] },
  'missing-format': { issues: [{ path: 'format', message: 'required (must be "article-pack")' }] },
  'missing-pack-name': { issues: [{ path: 'pack.name', message: 'required' }] },
  'not-json': {
    code: 'bad-json',
    issues: [
      { path: '', message: 'The pack is not valid JSON: unexpected character "}" at line 4, column 33 (character 85).' },
    ],
  },
  'top-level-array': {
    issues: [
      {
        path: '',
        message: 'not an article pack: expected a JSON object with format, formatVersion, pack, entities and articles',
      },
    ],
  },
  truncated: {
    code: 'bad-json',
    issues: [{ path: '', message: 'The pack is not valid JSON: unterminated string at line 12, column 9 (character 201).' }],
  },
  'wrong-format': { issues: [{ path: 'format', message: 'must be "article-pack"; this file is not an article pack' }] },
};

describe('invalid fixture packs', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    const names = fixtureNames('invalid').map((name) => name.replace(/\.pack\.json$/, ''));
    expect(names).toEqual(Object.keys(EXPECTED).toSorted());
  });

  it.each(Object.entries(EXPECTED))('%s is refused with its path and message', async (name, expected) => {
    const result = await parsePack(fixtureBytes('invalid', `${name}.pack.json`));
    expect(result).toEqual({
      ok: false,
      code: expected.code ?? 'invalid-pack',
      issues: expected.issues,
      total: expected.issues.length,
    });
  });
});

describe('valid fixture packs', () => {
  it.each(fixtureNames('valid'))('%s is accepted', async (name) => {
    const result = await parsePack(fixtureBytes('valid', name));
    expect(result.ok ? 'accepted' : result.issues).toBe('accepted');
  });
});
