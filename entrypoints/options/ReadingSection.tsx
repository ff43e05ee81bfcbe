import { useState } from 'preact/hooks';
import { ReadingHistoryList, type ReadingHistoryDay } from '../../components/ReadingHistoryList';
import { useSettings } from '../../hooks/use-settings';
import { getDatabase } from '../../lib/db/database';
import { byDay, forgetAllReadings, forgetReadings, readingHistory, type ReadingEntry } from '../../lib/kb/my-reading';
import { articleHref, routeHash } from '../../lib/routes/extension-routes';
import { countOf } from '../../lib/text/plural';
import { useDebounced } from './library/use-debounced';
import { useLiveQuery } from './use-live-query';

const SEARCH_DELAY_MS = 150;
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** The local calendar day of a moment, as a stable id ("2026-12-06"). */
function localDay(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./u, '') : undefined;
  } catch {
    return undefined;
  }
}

/** The days of `entries` (what the search shows), each with the keys of everything read that day (`all`). */
function toDays(entries: readonly ReadingEntry[], all: readonly ReadingEntry[]): ReadingHistoryDay[] {
  const allKeys = new Map(byDay(all, localDay).map(({ day, entries: read }) => [day, read.map((e) => e.key)]));
  return byDay(entries, localDay).map(({ day, entries: read }) => ({
    day,
    label: dayFormat.format(read[0]!.readAt),
    allKeys: allKeys.get(day) ?? read.map((e) => e.key),
    entries: read.map((e) => ({ key: e.key, headline: e.headline, href: articleHref(e.key), meta: [e.publisher ?? hostOf(e.url), timeFormat.format(e.readAt)] })),
  }));
}

/** The options page's reading history: what "Remember what I read" saved, to search and delete. */
export function ReadingSection() {
  const [settings] = useSettings();
  const [query, setQuery] = useState('');
  const [note, setNote] = useState('');
  const search = useDebounced(query, SEARCH_DELAY_MS);
  const entries = useLiveQuery(() => readingHistory(getDatabase(), search), [search]);
  // "Delete this day" deletes the whole day, not only what the search shows: it needs the whole day.
  const all = useLiveQuery(() => readingHistory(getDatabase()), []);

  async function remove(forget: () => Promise<number>) {
    const count = await forget();
    setNote(`Deleted ${countOf(count, 'article')} from your reading history.`);
  }

  return (
    <section class="panel" aria-labelledby="reading-title">
      <h2 id="reading-title">Reading history</h2>
      {settings && (
        <p class="muted">
          {settings.rememberReading
            ? `Articles you read for ${countOf(settings.readingSeconds, 'second')} are remembered here, in this browser only (never in private windows). `
            : 'Remember what I read is off: nothing new is added. '}
          <a href={routeHash({ name: 'settings' })}>{settings.rememberReading ? 'Change in Settings' : 'Turn it on in Settings'}</a>
        </p>
      )}
      <ReadingHistoryList
        days={entries && all && toDays(entries, all)}
        query={query}
        onQuery={setQuery}
        onDelete={(keys) => void remove(() => forgetReadings(getDatabase(), keys))}
        onDeleteAll={() => void remove(() => forgetAllReadings(getDatabase()))}
      />
      <p role="status" class="muted small">
        {note}
      </p>
    </section>
  );
}
