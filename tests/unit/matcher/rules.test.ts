import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/matcher';
import { found, match, p } from './helpers';

describe('word boundaries', () => {
  it('matches whole words, at text edges and next to punctuation', () => {
    expect(match(['Ukraine'], 'Ukraine, then (Ukraine) and Ukraine')).toEqual(['Ukraine', 'Ukraine', 'Ukraine']);
  });
  it('does not fire inside a longer word', () => {
    expect(match(['Ukraine'], 'Ukrainian forces')).toEqual([]);
    expect(match(['SCO'], 'Scotland and SCOTLAND')).toEqual([]);
    expect(match(['Putin'], 'Putinism and pre-Putinesque')).toEqual([]);
  });
  it('uses Unicode letter classes, not ASCII \\b', () => {
    expect(match(['Kyiv'], 'Kyivé')).toEqual([]);
    expect(match(['Kyiv'], 'éKyiv')).toEqual([]);
    expect(match(['Kyiv'], '«Kyiv»')).toEqual(['Kyiv']);
    expect(match(['Москва'], 'Москвы и Москва')).toEqual(['Москва']);
  });
  it('treats digits as word characters', () => {
    expect(match(['G7'], 'G7 summit')).toEqual(['G7']);
    expect(match(['G7'], 'G77 group')).toEqual([]);
  });
  it('treats a combining mark after the name as part of the word', () => {
    expect(match(['Kiev'], 'Kieva\u0301')).toEqual([]);
  });
});

describe('leftmost-longest', () => {
  it('prefers the longest name at a position', () => {
    expect(match(['Putin', 'Vladimir Putin'], 'Vladimir Putin said')).toEqual(['Vladimir Putin']);
  });
  it('still finds the short name alone', () => {
    expect(match(['Putin', 'Vladimir Putin'], 'Vladimir said Putin')).toEqual(['Putin']);
  });
  it('resolves overlaps to the leftmost start, the same way every time', () => {
    const names = ['New York', 'York Times', 'New York Times Company'];
    expect(match(names, 'the New York Times said')).toEqual(['New York']);
    expect(match(names.toReversed(), 'the New York Times said')).toEqual(['New York']);
    expect(match(names, 'the New York Times Company')).toEqual(['New York Times Company']);
  });
  it('falls back to a shorter candidate when the longer one fails a boundary', () => {
    expect(match(['Hong Kong', 'Hong Kong Island'], 'Hong Kong Islander')).toEqual(['Hong Kong']);
  });
});

describe('possessives', () => {
  it('excludes straight and curly apostrophe-s from the span', () => {
    expect(match(['Putin'], "Putin's war")).toEqual(['Putin']);
    expect(match(['NATO'], 'NATO’s summit')).toEqual(['NATO']);
    expect(match(['Xi Jinping'], "Xi Jinping's visit")).toEqual(['Xi Jinping']);
    expect(match(['Putin'], "PUTIN'S WAR")).toEqual(['PUTIN']);
  });
  it('gives exact offsets for the name before the possessive', () => {
    const m = compileMatcher([p('Putin', 'putin')]);
    expect(m.scan("Mr Putin's")).toEqual([{ start: 3, end: 8, entityKeys: ['putin'] }]);
  });
  it('does not accept other letters glued to the name', () => {
    expect(match(['Putin'], 'Putins')).toEqual([]);
  });
});

describe('whitespace and hyphens inside names', () => {
  it('accepts any run of spaces, tabs, newlines or no-break spaces', () => {
    const text = 'Vladimir  Putin|Vladimir\tPutin|Vladimir\n Putin|Vladimir\u00a0Putin|Vladimir\u202fPutin';
    expect(match(['Vladimir Putin'], text)).toHaveLength(5);
  });
  it('requires some whitespace where the name has it', () => {
    expect(match(['Vladimir Putin'], 'VladimirPutin')).toEqual([]);
  });
  it('treats -, ‐, ‑ and – as the same hyphen', () => {
    const text = 'Ban Ki-moon|Ban Ki‐moon|Ban Ki‑moon|Ban Ki–moon';
    expect(match(['Ban Ki-moon'], text)).toHaveLength(4);
    expect(match(['Ban Ki–moon'], text)).toHaveLength(4);
  });
  it('does not treat a hyphen as a space', () => {
    expect(match(['Ban Ki-moon'], 'Ban Ki moon')).toEqual([]);
  });
});

describe('case and diacritics', () => {
  it('folds diacritics both ways', () => {
    expect(match(['Erdoğan'], 'Erdogan and Erdoğan')).toEqual(['Erdogan', 'Erdoğan']);
    expect(match(['Erdogan'], 'Erdoğan')).toEqual(['Erdoğan']);
    expect(match(['Łukasz'], 'Lukasz')).toEqual(['Lukasz']);
  });
  it('matches a title-case name in all caps', () => {
    expect(match(['Vladimir Putin'], 'VLADIMIR PUTIN MEETS')).toEqual(['VLADIMIR PUTIN']);
    expect(match(['Erdoğan'], 'ERDOĞAN and ERDOGAN')).toEqual(['ERDOĞAN', 'ERDOGAN']);
  });
  it('does not match a title-case name in lower case or mixed case', () => {
    expect(match(['Nice'], 'a nice day')).toEqual([]);
    expect(match(['Vladimir Putin'], 'vladimir putin')).toEqual([]);
    expect(match(['Putin'], 'PuTin')).toEqual([]);
  });
  it('keeps short all-caps acronyms case-sensitive', () => {
    expect(match(['SCO', 'NATO', 'BRICS'], 'SCO, NATO and BRICS')).toEqual(['SCO', 'NATO', 'BRICS']);
    expect(match(['SCO', 'NATO', 'BRICS'], 'Sco, nato, Nato and brics')).toEqual([]);
  });
  it('matches a short name such as "Xi" only as written', () => {
    expect(match(['Xi'], 'Xi said')).toEqual(['Xi']);
    expect(match(['Xi'], 'Pope Pius XI and the letter xi')).toEqual([]);
  });
  it('lets caseSensitive override the default both ways', () => {
    const insensitive = compileMatcher([p('Xi', 'xi', { caseSensitive: false })]);
    expect(found(insensitive, 'XI xi')).toEqual(['XI', 'xi']);
    const sensitive = compileMatcher([p('Putin', 'putin', { caseSensitive: true })]);
    expect(found(sensitive, 'Putin PUTIN')).toEqual(['Putin']);
  });
  it('lets an all-lowercase pattern match any case', () => {
    expect(match(['bitcoin'], 'Bitcoin BITCOIN bitcoin')).toHaveLength(3);
  });
  it('accepts a capitalized particle', () => {
    expect(match(['Charles de Gaulle'], 'Charles De Gaulle')).toEqual(['Charles De Gaulle']);
  });
});

describe('scripts written without spaces', () => {
  it('matches Han names inside running text', () => {
    expect(match(['习近平'], '习近平主席今天')).toEqual(['习近平']);
    expect(match(['プーチン'], 'ロシアのプーチン大統領')).toEqual(['プーチン']);
    expect(match(['푸틴'], '푸틴은')).toEqual(['푸틴']);
    expect(match(['กรุงเทพ'], 'ไปกรุงเทพวันนี้')).toEqual(['กรุงเทพ']);
  });
  it('does not match a different name sharing characters', () => {
    expect(match(['习近平'], '习近')).toEqual([]);
  });
});

describe('exclude phrases', () => {
  const m = compileMatcher([p('Putin', 'putin', { exclude: ['Putin Street', 'Lake Putin'] })]);
  it('suppresses a match inside an occurrence of the phrase', () => {
    expect(found(m, 'on Putin Street')).toEqual([]);
    expect(found(m, 'by LAKE  PUTIN')).toEqual([]);
  });
  it('keeps matches elsewhere in the same text', () => {
    expect(found(m, 'Putin lives on Putin Street, said Putin')).toEqual(['Putin', 'Putin']);
  });
  it('only suppresses the entity that declared the phrase', () => {
    const shared = compileMatcher([p('Putin', 'a', { exclude: ['Putin Street'] }), p('Putin', 'b')]);
    expect(shared.scan('Putin Street')).toEqual([{ start: 0, end: 5, entityKeys: ['b'] }]);
  });
});

describe('shared aliases', () => {
  it('yields one mention with every entity, deduplicated, in pattern order', () => {
    const m = compileMatcher([p('Georgia', 'country'), p('Georgia', 'state'), p('georgia', 'country'), p('Géorgie', 'x')]);
    expect(m.scan('Georgia')).toEqual([{ start: 0, end: 7, entityKeys: ['country', 'state'] }]);
  });
  it('accepts two patterns of one entity that fold alike', () => {
    const m = compileMatcher([p('Erdoğan', 'e'), p('Erdogan', 'e')]);
    expect(m.scan('Erdogan')).toEqual([{ start: 0, end: 7, entityKeys: ['e'] }]);
    expect(m.patternCount).toBe(2);
  });
  it('applies case rules per pattern', () => {
    const m = compileMatcher([p('Xi', 'leader'), p('xi', 'letter', { caseSensitive: false })]);
    expect(m.scan('Xi')[0]?.entityKeys).toEqual(['leader', 'letter']);
    expect(m.scan('XI')[0]?.entityKeys).toEqual(['letter']);
  });
});

describe('offsets when folding changes length', () => {
  const cases: [string, string, string][] = [
    ['Straße', 'die STRASSE und Strasse', 'STRASSE|Strasse'],
    ['fish', 'big ﬁsh', 'ﬁsh'],
    ['José', 'Jose\u0301 and José', 'Jose\u0301|José'],
    ['Jose\u0301', 'José', 'José'],
    ['Putin', '😀🇷🇺 Putin', 'Putin'],
    ['Putin', '𝐀 Putin', 'Putin'],
    ['Putin', 'Vladimir\u00ad Putin Pu\u00adtin', 'Putin|Pu\u00adtin'],
  ];
  it.each(cases)('%s in %j', (name, text, expected) => {
    expect(match([name], text).join('|')).toBe(expected);
  });
  it('maps spans to exact UTF-16 offsets after astral characters', () => {
    const m = compileMatcher([p('Putin', 'putin')]);
    const text = '👍🏽 ﬁ ß e\u0301 Putin';
    const [span] = m.scan(text);
    expect(span && text.slice(span.start, span.end)).toBe('Putin');
    expect(span?.start).toBe(text.indexOf('Putin'));
  });
});

describe('regressions found by the property test', () => {
  it('starts a name after a combining mark that follows a character of another script', () => {
    const m = compileMatcher([p('ø', 'o')]);
    expect(m.scan('习\u0301ø ')).toEqual([{ start: 2, end: 3, entityKeys: ['o'] }]);
  });
  it('finds a name written with astral letters in plain text and the reverse', () => {
    expect(match(['𝐀BC'], 'ABC')).toEqual(['ABC']);
    expect(match(['ABC'], '𝐀BC')).toEqual(['𝐀BC']);
  });
  it('finds a name next to letter-like symbols that fold to letters', () => {
    expect(match(['Acme™'], 'AcmeTM and Acme™')).toEqual(['AcmeTM', 'Acme™']);
    expect(match(['½ Moon'], '1⁄2 Moon')).toEqual(['1⁄2 Moon']);
  });
});

describe('degenerate patterns', () => {
  it('ignores empty, whitespace-only and fold-to-nothing patterns', () => {
    const m = compileMatcher([p('', 'a'), p('   \n', 'b'), p('\u0301\u00ad', 'c'), p('Putin', 'd')]);
    expect(m.patternCount).toBe(1);
    expect(m.scan(' \u0301 Putin')).toEqual([{ start: 3, end: 8, entityKeys: ['d'] }]);
  });
  it('trims names', () => {
    expect(match(['  Putin \n'], 'Putin')).toEqual(['Putin']);
  });
  it('handles an empty matcher and empty text', () => {
    expect(compileMatcher([]).scan('anything')).toEqual([]);
    expect(match(['Putin'], '')).toEqual([]);
  });
});

describe('common phrases (common-phrases.ts)', () => {
  const m = compileMatcher([p('Turkey', 'turkey'), p('China', 'china'), p('India', 'india'), p('Jordan', 'jordan'), p('Chile', 'chile')]);
  it('does not take a name inside an ordinary phrase for its entity', () => {
    expect(found(m, 'Turkey breast, sliced. Roast Turkey for two hours.')).toEqual([]);
    expect(found(m, 'China plates in the China cabinet; an India Pale Ale; Jordan almonds; Chile peppers')).toEqual([]);
  });
  it('keeps real uses of the same names', () => {
    expect(found(m, "Turkey and Syria; China's economy; Turkey's president")).toEqual(['Turkey', 'China', 'Turkey']);
    expect(found(m, 'India beat Chile; Jordan said')).toEqual(['India', 'Chile', 'Jordan']);
  });
  it('knows what follows "Turkey" in ordinary English: food and the US holiday', () => {
    expect(found(m, 'Turkey sandwiches are great. Turkey Trot this Thanksgiving. Happy Turkey Day!')).toEqual([]);
    expect(found(m, 'A Turkey club, Turkey chili, Turkey meatballs and Turkey wraps; Turkey hunting; Turkey vultures')).toEqual([]);
    expect(found(m, 'Turkey Erdoğan talks; Turkey and Syria; Turkey sanctions')).toEqual(['Turkey', 'Turkey', 'Turkey']);
  });
  it('matches a phrase as whole words only', () => {
    expect(found(m, 'Turkey legislation and the Turkey legal system')).toEqual(['Turkey', 'Turkey']);
  });
  it('applies to any entity with that name, beside its own exclude phrases', () => {
    const own = compileMatcher([p('Turkey', 'country', { exclude: ['Turkey Point'] })]);
    expect(found(own, 'Turkey Point, Turkey breast, Turkey')).toEqual(['Turkey']);
  });
});
