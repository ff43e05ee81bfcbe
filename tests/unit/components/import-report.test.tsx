import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportReport } from '../../../components/ImportReport';
import { validatePack } from '../../../lib/pack';

afterEach(cleanup);

describe('ImportReport', () => {
  it('lists each problem as "path: message", as README promises', () => {
    const result = validatePack({
      format: 'article-pack',
      formatVersion: 1,
      pack: { id: 'p', name: 'P', version: 'v1' },
      entities: [],
      articles: [{ id: 'a', headline: 'A', about: ['nobody'] }],
    });
    if (result.ok) throw new Error('expected problems');
    render(<ImportReport tone="error" summary="Not a pack." issues={result.issues} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['pack.version: not a semantic version (for example 1.2.0)', 'articles[0].about[0]: unknown entity id "nobody"']);
  });

  it('names the whole file when a problem has no path', () => {
    render(<ImportReport tone="error" summary="Not a pack." issues={[{ path: '', message: 'not an article pack' }]} />);
    expect(screen.getByRole('listitem').textContent).toBe('(whole file): not an article pack');
  });
});
