import { describe, expect, it } from 'vitest';
import { searchTerms, wordSpans } from '../../../lib/search/words';

describe('words for search', () => {
  it('splits into words at anything but letters and digits', () => {
    expect(searchTerms('Kassym-Jomart Tokayev’s G20 visit')).toEqual(['kassym', 'jomart', 'tokayev', 's', 'g20', 'visit']);
    expect(searchTerms('  ,;  ')).toEqual([]);
  });

  it('keeps offsets into the original text, whatever folding does to length', () => {
    expect(wordSpans('Der Straße Ende')).toEqual([
      { start: 0, end: 3, folded: 'der' },
      { start: 4, end: 10, folded: 'strasse' },
      { start: 11, end: 15, folded: 'ende' },
    ]);
  });
});
