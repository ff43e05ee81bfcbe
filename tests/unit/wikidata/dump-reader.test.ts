// @vitest-environment node
/**
 * The dump reader, on a small dump in the real format
 * (bench/wikidata/generate-dump.ts, 40 entities), gzip and bzip2, and the other shapes.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compressionOf } from '../../../scripts/pack/wikidata/open-input';
import { entityText, readWikidata } from '../../../scripts/pack/wikidata/read-wikidata';

const FIXTURES = 'tests/fixtures/wikidata';
const GZ = `${FIXTURES}/dump-40.json.gz`;
const BZ2 = `${FIXTURES}/dump-40.json.bz2`;
const HAS_BZIP2_TOOL = spawnSync('bzip2', ['--help'], { stdio: 'ignore' }).error === undefined;

describe('reading the dump', () => {
  it('recognises compression by the first bytes', () => {
    expect(compressionOf(new Uint8Array([0x1f, 0x8b, 8]))).toBe('gzip');
    expect(compressionOf(new TextEncoder().encode('BZh'))).toBe('bzip2');
    expect(compressionOf(new TextEncoder().encode('[\n{'))).toBe('none');
  });

  it('strips the array brackets and trailing commas of dump lines', () => {
    expect(entityText('[')).toBeUndefined();
    expect(entityText(']')).toBeUndefined();
    expect(entityText('{"id":"Q1"},')).toBe('{"id":"Q1"}');
  });

  it('streams a gzip dump, entity by entity, with progress', async () => {
    const progress: number[] = [];
    const { items, stats } = await readWikidata(GZ, { progressEvery: 10, onProgress: (p) => progress.push(p.scanned) });
    expect(stats).toMatchObject({ shape: 'dump', compression: 'gzip', scanned: 40, unreadable: 0 });
    expect(stats.bytes).toBeGreaterThan(300_000);
    expect(items).toHaveLength(40);
    expect(items[0]).toMatchObject({ id: 'Q1000', labels: { en: 'Anna Cohen' }, instanceOf: ['Q5'] });
    expect(progress).toEqual([10, 20, 30, 40, 40]);
  });

  it('reads the bzip2 dump the same way with the JavaScript decoder and with the bzip2 tool', async () => {
    const gz = await readWikidata(GZ);
    const js = await readWikidata(BZ2, { bzip2: 'js' });
    expect(js.stats).toMatchObject({ compression: 'bzip2', decoder: 'js', scanned: 40 });
    expect(js.items).toEqual(gz.items);
    if (!HAS_BZIP2_TOOL) return;
    const tool = await readWikidata(BZ2, { bzip2: 'bzip2' });
    expect(tool.stats.decoder).toBe('bzip2');
    expect(tool.items).toEqual(gz.items);
  });

  it('filters by class and sitelinks, and stops reading at the limit', async () => {
    const people = await readWikidata(GZ, { filters: { classes: new Set(['Q5']) } });
    expect(people.items.length).toBeGreaterThan(5);
    expect(people.items.every((i) => i.instanceOf.includes('Q5'))).toBe(true);
    const known = await readWikidata(GZ, { filters: { minSitelinks: 3 } });
    expect(known.items.every((i) => i.sitelinks >= 3)).toBe(true);
    expect(known.items.length).toBeLessThan(40);
    const limited = await readWikidata(GZ, { filters: { limit: 5 } });
    expect(limited.items).toHaveLength(5);
    expect(limited.stats.scanned).toBe(5);
  });

  it('reads newline-delimited entities, SPARQL results and entity JSON', async () => {
    expect((await readWikidata(`${FIXTURES}/entities.ndjson`)).stats).toMatchObject({ shape: 'ndjson', scanned: 5 });
    const sparql = await readWikidata(`${FIXTURES}/heads-of-state.srj.json`);
    expect(sparql.stats.shape).toBe('sparql');
    expect(sparql.items.map((i) => i.id)).toEqual(['Q7747', 'Q159', 'Q264766', 'Q99999999']);
    const entity = await readWikidata(`${FIXTURES}/Q7747.entity.json`);
    expect(entity.stats.shape).toBe('entity-json');
    expect(entity.items[0]?.id).toBe('Q7747');
  });
});

it('keeps only the languages asked for (and their fallbacks), so memory follows the names kept', async () => {
  const { items } = await readWikidata(GZ, { languages: ['fr'], filters: { limit: 3 } });
  expect(Object.keys(items[0]?.labels ?? {}).sort()).toEqual(['en', 'fr']);
  expect(Object.keys(items[0]?.wikipedia ?? {}).every((l) => ['fr', 'mul', 'en'].includes(l))).toBe(true);
});
