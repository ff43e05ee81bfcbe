import { describe, expect, it } from 'vitest';
import { packToRows } from '../../../lib/kb/pack-to-rows';
import { declaredTogether, resolveCandidates } from '../../../lib/kb/resolve-candidates';
import { validatePack } from '../../../lib/pack';
import type { Pack } from '../../../lib/pack/schema';
import { fixtureJson } from '../pack/fixtures';

function samePack(): Pack {
  const result = validatePack(fixtureJson('valid', 'same-name.pack.json'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pack;
}

/** Article id → the entity ids it is linked to. */
function links(pack: Pack): Record<string, string[]> {
  const rows = packToRows(pack, { source: { kind: 'file', fileName: 'same-name.pack.json' }, now: 1 });
  return Object.fromEntries(
    rows.articles.map((a) => [a.id, a.entityMentions.map((m) => m.entityKey.slice('same-name/'.length)).toSorted()]),
  );
}

describe('a name two entities share, in pack articles (same-name fixture)', () => {
  const linked = links(samePack());

  it('goes to the candidate related to the other names of the article', () => {
    // ESA is declared with the planet in another article of the pack.
    expect(linked['esa-follow-up']).toEqual(['esa', 'mercury-planet']);
  });

  it('goes to the candidate the article names unambiguously elsewhere', () => {
    expect(linked['queen-tribute']).toEqual(['freddie-mercury', 'queen']);
  });

  it("goes to the candidate the article declares in its about", () => {
    expect(linked.wembley).toEqual(['freddie-mercury']);
  });

  it('goes to neither when nothing in the article settles it', () => {
    expect(linked.unclear).toEqual([]);
  });
});

const span = (keys: string[]) => ({ start: 0, end: 1, entityKeys: keys });

describe('resolveCandidates', () => {

  it('keeps names with one candidate as they are', () => {
    const only = span(['a']);
    expect(resolveCandidates([only])(only)).toEqual(['a']);
  });

  it('keeps every tied candidate that has support', () => {
    const shared = span(['a', 'b', 'c']);
    const keysOf = resolveCandidates([shared, span(['x'])], { related: declaredTogether([['a', 'x'], ['b', 'x']]) });
    expect(keysOf(shared)).toEqual(['a', 'b']);
  });

  it('prefers a declared candidate over one named in the text', () => {
    const shared = span(['a', 'b']);
    expect(resolveCandidates([shared, span(['a'])], { declared: new Set(['b']) })(shared)).toEqual(['b']);
  });
});
