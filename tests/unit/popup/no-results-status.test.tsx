import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NoResultsStatus } from '../../../entrypoints/popup/NoResultsStatus';
import type { SearchSource } from '../../../entrypoints/popup/search-source';
import { packsNotYetSearchable, type TermIndexState } from '../../../lib/search/term-index/term-database';
import { EMPTY_RESULTS } from '../../../lib/search/types';

afterEach(cleanup);

const source = (pending: string[]): SearchSource => ({ search: async () => EMPTY_RESULTS, warm: async () => undefined, notYetSearchable: async () => pending });
const state = (packs: string[], active = true): TermIndexState => ({ key: 'state', format: 1, active, revision: 3, packs: Object.fromEntries(packs.map((id) => [id, { signature: '', segments: [] }])) });

describe('packsNotYetSearchable', () => {
  const installed = [
    { id: 'starter', name: 'Starter', entityCount: 39, articleCount: 6 },
    { id: 'big', name: 'Scale test', entityCount: 500_000, articleCount: 3_000 },
  ];

  it('names the installed packs the term index has not taken in yet', () => {
    expect(packsNotYetSearchable(state(['starter']), installed)).toEqual(['Scale test']);
    expect(packsNotYetSearchable(state(['starter', 'big']), installed)).toEqual([]);
  });

  it('names every pack of a library past the line whose term index is not begun yet (right after the import that crossed it)', () => {
    expect(packsNotYetSearchable(undefined, installed)).toEqual(['Starter', 'Scale test']);
    expect(packsNotYetSearchable(state([], false), installed)).toEqual(['Starter', 'Scale test']);
  });

  it('names none in a library searched in memory', () => {
    expect(packsNotYetSearchable(undefined, installed.slice(0, 1))).toEqual([]);
    expect(packsNotYetSearchable(state([]), installed, 600_000)).toEqual([]);
  });
});

describe('the popup when a search finds nothing', () => {
  it('says which packs cannot be searched yet instead of "nothing in your library matches"', async () => {
    render(<NoResultsStatus source={source(['Scale test'])} query="Qyzmetov" failed={false} />);
    expect(await screen.findByText('Nothing found for “Qyzmetov” yet')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('still adding “Scale test” to search; its names can be found in a few minutes');
  });

  it('names two packs, then counts the rest', async () => {
    render(<NoResultsStatus source={source(['A', 'B', 'C', 'D'])} query="x" failed={false} />);
    expect(await screen.findByText(/still adding “A”, “B”, and 2 other packs to search; their names/u)).toBeTruthy();
  });

  it('says nothing matches when everything is searchable, and when search failed, that it failed', async () => {
    const { rerender } = render(<NoResultsStatus source={source([])} query="Qyzmetov" failed={false} />);
    expect(await screen.findByText('Nothing in your library matches “Qyzmetov”')).toBeTruthy();
    rerender(<NoResultsStatus source={source([])} query="Qyzmetov" failed />);
    expect(screen.getByText('Search is not available right now')).toBeTruthy();
  });
});
