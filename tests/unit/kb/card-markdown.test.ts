import { describe, expect, it } from 'vitest';
import { cardToMarkdown } from '../../../lib/kb/card-markdown';
import type { EntityCard } from '../../../lib/kb/entity-card';

const CARD: EntityCard = {
  key: 'p/xi',
  name: 'Xi Jinping',
  type: 'Person',
  description: 'General Secretary of the *CCP*.',
  alternateName: ['Xi'],
  packName: 'Starter',
  articleCount: 4,
  articles: [
    { key: 'p/a', headline: 'Leaders meet in Astana', publisher: 'The Valley Post', datePublished: '2024-07-05', url: 'https://example.org/a?x=(1)', sentence: 'Xi Jinping met <b>Putin</b>.' },
    { key: 'p/b', headline: 'A note', url: 'javascript:alert(1)', sentence: '' },
  ],
  related: [{ key: 'p/putin', name: 'Vladimir Putin', type: 'Person' }],
};

describe('cardToMarkdown', () => {
  it('writes the card with its sentences and linked sources, pack text escaped', () => {
    expect(cardToMarkdown(CARD)).toBe(
      [
        '# Xi Jinping',
        '',
        '*Person* — General Secretary of the \\*CCP\\*.',
        '',
        'Also known as: Xi',
        '',
        '## In 4 articles',
        '',
        '- [Leaders meet in Astana](<https://example.org/a?x=(1)>) — The Valley Post, 2024-07-05',
        '  > Xi Jinping met \\<b\\>Putin\\</b\\>.',
        '- A note',
        '',
        'Related: Vladimir Putin',
        '',
        'Source: Starter (Backstory)',
        '',
      ].join('\n'),
    );
  });

  it('carries what a Wikidata card shows: its dates beside the description, and its Wikidata and Wikipedia links (http(s) only)', () => {
    const card: EntityCard = {
      ...CARD,
      articles: [],
      articleCount: 0,
      related: [],
      dates: 'born 1953',
      links: [
        { label: 'Wikidata', url: 'https://www.wikidata.org/wiki/Q15031' },
        { label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Xi_Jinping' },
        { label: 'Picture', url: 'javascript:alert(1)' },
      ],
    };
    const markdown = cardToMarkdown(card);
    expect(markdown).toContain('*Person* — General Secretary of the \\*CCP\\*. · born 1953');
    expect(markdown).toContain('[Wikidata](<https://www.wikidata.org/wiki/Q15031>) · [Wikipedia](<https://en.wikipedia.org/wiki/Xi_Jinping>)\n');
    expect(markdown).not.toContain('javascript:');
  });
});
