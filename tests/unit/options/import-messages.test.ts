import { describe, expect, it } from 'vitest';
import { describeOutcome, type AnyImportOutcome } from '../../../entrypoints/options/import/import-messages';

const failures: AnyImportOutcome[] = [
  { ok: false, code: 'invalid-pack', issues: [{ path: 'articles[0].headline', message: 'must not be empty' }], total: 1 },
  { ok: false, code: 'too-large', message: 'The pack is larger than 256 MB (uncompressed), the most Backstory can import.', issues: [], total: 0 },
  { ok: false, code: 'bad-gzip', message: 'The pack is a damaged gzip file and cannot be decompressed.', issues: [], total: 0 },
  { ok: false, code: 'bad-json', message: 'Unexpected end of the file at line 3, column 1.', issues: [], total: 0 },
  { ok: false, code: 'bad-encoding', message: 'The file is not UTF-8.', issues: [], total: 0 },
  { ok: false, code: 'no-space', needed: 300_000_000, available: 20_000_000, issues: [], total: 0 },
  { ok: false, code: 'quota', issues: [], total: 0 },
  { ok: false, code: 'write-failed', issues: [], total: 0 },
  { ok: false, code: 'worker-failed', issues: [], total: 0 },
  { ok: false, code: 'download-failed', host: 'packs.example', issues: [], total: 0 },
  { ok: false, code: 'http-error', status: 404, statusText: 'Not Found', issues: [], total: 0 },
  { ok: false, code: 'reserved-id', packId: 'starter', packName: 'Mine', issues: [], total: 0 },
  { ok: false, code: 'wrong-pack', packId: 'other', packName: 'Other', issues: [], total: 0 },
  { ok: false, code: 'other-source', packId: 'p', packName: 'P', installedSource: { kind: 'url', url: 'https://packs.example/p.json' }, issues: [], total: 0 },
];

describe('describeOutcome', () => {
  it.each(failures.map((f) => [f.ok ? '' : f.code, f] as const))('%s: a sentence that says the library is safe and what to do', (_code, outcome) => {
    const report = describeOutcome(outcome, 'news.pack.json');
    expect(report.tone).toBe('error');
    expect(report.summary).toMatch(/Nothing was imported\.|Your library is unchanged\./u);
    expect(report.summary).not.toMatch(/unknown error|undefined|\[object|Error:/iu);
  });

  it('says "not valid JSON" once, with where', () => {
    const outcome: AnyImportOutcome = { ok: false, code: 'bad-json', message: 'The pack is not valid JSON: unterminated string at line 12, column 9 (character 201).', issues: [], total: 0 };
    expect(describeOutcome(outcome, 'news.pack.json').summary).toMatch(/^news\.pack\.json is not valid JSON: unterminated string at line 12, column 9 \(character 201\)\. If you wrote it/u);
  });

  it('names sizes for a pack that does not fit', () => {
    const report = describeOutcome(failures[5]!, 'x');
    expect(report.summary).toContain('about 300 MB');
    expect(report.summary).toContain('only 20 MB left');
  });

  it('keeps the JSON paths of a rejected pack', () => {
    expect(describeOutcome(failures[0]!, 'news.pack.json')).toMatchObject({ issues: [{ path: 'articles[0].headline' }], total: 1 });
  });

  it('reports an update with both versions and an import with its counts', () => {
    const result = { status: 'updated', packId: 'p', entities: 50_000, articles: 10_000, previousVersion: '1.0.0' } as const;
    expect(describeOutcome({ ok: true, result, packName: 'News', version: '2.0.0' }, 'x').summary).toBe(
      'Updated News from version 1.0.0 to 2.0.0: 50,000 entities, 10,000 articles.',
    );
  });
});

describe('an exported My articles file', () => {
  it('says what was added to My articles and what was already there', () => {
    const result = { status: 'merged', packId: 'my-articles', entities: 1, articles: 2, alreadyThere: 3 } as const;
    expect(describeOutcome({ ok: true, result, packName: 'My articles', version: '1.0.0' }, 'my-articles-1.0.0.pack.json')).toEqual({
      tone: 'success',
      summary: 'Added to My articles from my-articles-1.0.0.pack.json: 2 articles, 1 entity. Already there, left unchanged: 3 articles.',
    });
  });
});

describe('a pack from another source', () => {
  it('is a question naming where the installed pack came from', () => {
    const report = describeOutcome({ ok: false, code: 'other-source', packId: 'p', packName: 'P', installedSource: { kind: 'url', url: 'https://packs.example/p.json' }, issues: [], total: 0 }, 'p.json');
    expect(report.summary).toBe('P is installed from packs.example; p.json would replace it. Replace it? Your library is unchanged.');
  });
});
