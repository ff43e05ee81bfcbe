import { describe, expect, it } from 'vitest';
import { orderCandidates } from '../../../lib/kb/order-candidates';

const georgiaCountry = { key: 'w/Q230', popularity: 300, belongsTo: [] };
const georgiaState = { key: 'w/Q1428', popularity: 200, belongsTo: ['w/Q30'] };
const georgiaSinger = { key: 'w/Q99', popularity: 20, belongsTo: ['w/Q145'] };

describe('the order of a shared name\'s candidates on a card', () => {
  it('puts the best known first when the page says nothing more', () => {
    const ordered = orderCandidates([georgiaSinger, georgiaState, georgiaCountry], new Set(['w/Q7747']));
    expect(ordered.map((c) => c.key)).toEqual(['w/Q230', 'w/Q1428', 'w/Q99']);
  });

  it('puts first the candidate whose related names are also on the page: context beats popularity', () => {
    const ordered = orderCandidates([georgiaCountry, georgiaState, georgiaSinger], new Set(['w/Q30', 'w/Q7747']));
    expect(ordered.map((c) => c.key)).toEqual(['w/Q1428', 'w/Q230', 'w/Q99']);
  });

  it('keeps the given order among candidates without popularity or context', () => {
    const a = { key: 'a', popularity: undefined };
    const b = { key: 'b', popularity: undefined };
    expect(orderCandidates([b, a], new Set())).toEqual([b, a]);
  });
});
