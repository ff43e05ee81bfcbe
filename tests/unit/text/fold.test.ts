import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installPack } from '../../../lib/kb/install-pack';
import { entityKeys } from '../../../lib/kb/library-queries';
import { compileMatcher } from '../../../lib/matcher';
import { getFoldTables } from '../../../lib/matcher/fold-tables';
import { SearchIndexCache } from '../../../lib/search/index-cache';
import { foldString, foldWithMap } from '../../../lib/matcher/fold-text';
import { searchTerms } from '../../../lib/search/words';
import { foldText } from '../../../lib/text/fold';
import { freshDatabase, makePack } from '../kb/test-db';

/** What the matcher's scanner sees: folded from the lookup tables, whitespace runs as one space. */
const matcherFold = (s: string) => foldWithMap(getFoldTables(), s).text;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Strings that each exercise a rule, with the fold all three users must agree on. */
const CASES: ReadonlyArray<readonly [string, string]> = [
  ['Łódź', 'lodz'],
  ['Łódź Straße Ørsted Ærø ıstanbul', 'lodz strasse orsted aero istanbul'],
  ['Straße STRASSE ẞ', 'strasse strasse ss'],
  ['Recep Tayyip ERDOĞAN', 'recep tayyip erdogan'],
  ['İstanbul ıstanbul', 'istanbul istanbul'],
  ['ﬁnance ﬂow', 'finance flow'],
  ['ＡＢＣ　ｘｙｚ１２', 'abc xyz12'],
  ['ΟΔΥΣΣΕΥΣ Οδυσσεύς', 'οδυσσευσ οδυσσευσ'],
  ['Nguyễn Tấn Dũng', 'nguyen tan dung'],
  ['Ørsted Ærø Œuvre þing Đà Nẵng', 'orsted aero oeuvre thing da nang'],
  ['São Paulo', 'sao paulo'],
  ['Putin’s', "putin's"],
  ['soft\u00adhyphen zero\u200bwidth', 'softhyphen zerowidth'],
  ['  Xi\u00a0\u00a0Jinping\n', ' xi jinping '],
  ['习近平 抵达 阿斯塔纳', '习近平 抵达 阿斯塔纳'],
  ['東京タワー', '東京タワー'],
  ['서울', '서울'],
  ['नमस्ते', 'नमस्ते'],
  ['مُحَمَّد القاهرة', 'محمد القاهرة'],
  ['מֹשֶׁה שָׁלוֹם', 'משה שלום'],
];

describe('one way to fold text', () => {
  it.each(CASES)('folds %j to %j for the matcher, search and the library filters alike', (text, folded) => {
    expect(foldText(text)).toBe(folded);
    expect(matcherFold(text)).toBe(folded);
    expect(foldString(getFoldTables(), text)).toBe(folded.trim());
    expect(searchTerms(text)).toEqual(folded.match(WORD) ?? []);
  });


  it('agrees with the matcher on any text (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom(...'ŁłÓóßẞİıﬁＡΣσςếĐđ Ææ\u00ad\u200b\u0301\u00a0x1习'), maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldText(s);
        expect(folded).toBe(matcherFold(s));
        expect(foldString(getFoldTables(), s)).toBe(folded.trim());
        expect(searchTerms(s)).toEqual(folded.match(WORD) ?? []);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('lets the page, the popup and the options page find "Łódź" by "Lodz" alike', async () => {
    const db = freshDatabase();
    const entities = [{ id: 'lodz', name: 'Łódź', type: 'Place' as const }, { id: 'strasse', name: 'Hauptstraße', type: 'Place' as const }];
    await installPack(db, makePack({ entities, articles: [] }), { source: { kind: 'file' } });
    const index = await new SearchIndexCache(db).get();
    for (const [query, key] of [['Lodz', 'test-pack/lodz'], ['hauptstrasse', 'test-pack/strasse']] as const) {
      expect(await entityKeys(db, query), query).toEqual([key]);
      expect(index.search(query, { entities: 5, articles: 5 }).entities.map((e) => e.key), query).toEqual([key]);
    }
    const matcher = compileMatcher(entities.map((e) => ({ text: e.name, entityKey: e.id })));
    expect(matcher.scan('From Lodz to the Hauptstrasse.').map((m) => m.entityKeys)).toEqual([['lodz'], ['strasse']]);
  });
});
