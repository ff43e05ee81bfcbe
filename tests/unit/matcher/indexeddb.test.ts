import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, type MatcherSnapshot } from '../../../lib/matcher';
import { p } from './helpers';

/** Stores a value in a fresh (fake) IndexedDB store and reads it back, as the background does. */
async function throughIndexedDb(value: MatcherSnapshot): Promise<MatcherSnapshot> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`matcher-test-${Math.random()}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('matcher');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('matcher', 'readwrite');
    tx.objectStore('matcher').put(value, 'current');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const stored = await new Promise<MatcherSnapshot>((resolve, reject) => {
    const request = db.transaction('matcher').objectStore('matcher').get('current');
    request.onsuccess = () => resolve(request.result as MatcherSnapshot);
    request.onerror = () => reject(request.error);
  });
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
