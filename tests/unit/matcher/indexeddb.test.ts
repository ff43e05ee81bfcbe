import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, type MatcherSnapshot } from '../../../lib/matcher';
import { freshDatabase } from '../kb/test-db';
import { p } from './helpers';

/** Stores a snapshot in the knowledge base's meta table and reads it back, as the background does. */
async function throughIndexedDb(value: MatcherSnapshot): Promise<MatcherSnapshot> {
  const db = freshDatabase();
  await db.meta.put({ key: 'matcherSnapshot', value });
  const stored = (await db.meta.get('matcherSnapshot'))?.value as MatcherSnapshot;
  db.close();
  return stored;
}

describe('snapshot in IndexedDB', () => {
  it('loads from a stored copy and scans the same', async () => {
    const m = compileMatcher([
      p('Vladimir Putin', 'putin'),
      p('Putin', 'putin', { exclude: ['Putin Street'] }),
      p('NATO', 'nato'),
      p('习近平', 'xi'),
      p('Erdoğan', 'erdogan'),
    ]);
    const text = "VLADIMIR PUTIN and NATO’s Erdogan on Putin Street; 习近平主席. Putin's";
    const loaded = loadMatcher(await throughIndexedDb(m.snapshot()));
    expect(loaded.scan(text)).toEqual(m.scan(text));
    expect(loaded.scan(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'VLADIMIR PUTIN',
      'NATO',
      'Erdogan',
      '习近平',
      'Putin',
    ]);
  });
});
