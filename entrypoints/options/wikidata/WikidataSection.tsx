import { useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../../components/ImportReport';
import { OWN_QUERY, WikidataChoices } from '../../../components/WikidataChoices';
import { WikidataPreview } from '../../../components/WikidataPreview';
import { getDatabase } from '../../../lib/db/database';
import {
  DEFAULT_REFRESH_DAYS,
  entitiesFingerprint,
  finishWelcome,
  FIRST_WIKIDATA_VERSION,
  nextPatchVersion,
  queryWikidataPack,
  REFRESH_CHOICES,
  setRefreshDays,
  wikidataEndpoint,
} from '../../../lib/kb/wikidata-packs';
import { lifeDates } from '../../../lib/text/life-dates';
import { COUNTRY_CHOICES, READY_QUERIES, readyQuery } from '../../../lib/wikidata/ready-queries';
import type { WikidataPackResult, WikidataSource } from '../../../lib/wikidata/wikidata-pack';
import { runImportInWorker } from '../../../workers/library-worker';
import { describeOutcome } from '../import/import-messages';
import { failureSentence, progressSentence, type QueryProgress } from './wikidata-query-messages';

/** Names shown in the preview. */
const SAMPLE_SIZE = 8;

type Phase =
  | { kind: 'choosing' }
  | { kind: 'running'; progress: QueryProgress; cancel: AbortController }
  | { kind: 'preview'; result: WikidataPackResult }
  | { kind: 'adding'; result: WikidataPackResult };

/** The reader's language as the ready queries take it ("en" from "en-GB"). */
function readerLanguage(): string {
  return (navigator.language || 'en').split('-')[0]!.toLowerCase();
}

interface Request {
  source: WikidataSource & { query: string };
  meta: { id: string; name: string; description: string };
}

/** The query and the pack it makes, for the choice on screen; throws on an invalid country. */
async function requestFor(selected: string, country: string, ownQuery: string): Promise<Request> {
  const languages = [readerLanguage()];
  if (selected === OWN_QUERY) {
    const query = ownQuery.trim();
    const id = `wikidata-query-${(await entitiesFingerprint([query])).slice(0, 10)}`;
    return { source: { query, languages }, meta: { id, name: 'My Wikidata query', description: 'Names from your own Wikidata query.' } };
  }
  const ready = readyQuery(selected)!;
  const countryName = ready.needsCountry ? COUNTRY_CHOICES.find((c) => c.id === country)?.name ?? country : undefined;
  return {
    source: { query: ready.build({ language: languages[0]!, country }), readyQuery: ready.id, ...(ready.needsCountry ? { country } : {}), languages },
    meta: {
      id: ready.needsCountry ? `wikidata-${ready.id}-${country.toLowerCase()}` : `wikidata-${ready.id}`,
      name: countryName ? `${ready.title}: ${countryName} (Wikidata)` : `${ready.title} (Wikidata)`,
      description: ready.description,
    },
  };
}

export interface WikidataSectionProps {
  /** A new user's first visit: the section greets them and can be put away. */
  welcome: boolean;
  /** A pack was added from Wikidata. */
  onUsed(): void;
}

/**
 * "Add names from Wikidata": choose a ready query or write one, preview what it finds,
 * then add it as a pack through the import pipeline. The query leaves the browser only
 * when the reader presses "Preview names".
 */
export function WikidataSection({ welcome, onUsed }: WikidataSectionProps) {
  const [selected, setSelected] = useState(READY_QUERIES[0]!.id);
  const [country, setCountry] = useState('Q30');
  const [ownQuery, setOwnQuery] = useState('');
  const [refreshDays, setRefresh] = useState(DEFAULT_REFRESH_DAYS);
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const [report, setReport] = useState<ImportReportProps>();

  async function run() {
    setReport(undefined);
    const cancel = new AbortController();
    setPhase({ kind: 'running', progress: { stage: 'waiting', bytes: 0, attempt: 1 }, cancel });
    try {
      const db = getDatabase();
      const { source, meta } = await requestFor(selected, country, ownQuery);
      const installed = await db.packs.get(meta.id);
      const outcome = await queryWikidataPack({
        fetch: (input, init) => fetch(input, { ...init, credentials: 'omit' }),
        endpoint: await wikidataEndpoint(db),
        signal: cancel.signal,
        onProgress: (progress) => setPhase({ kind: 'running', progress, cancel }),
        source,
        // Adding the same choice again updates the pack it made before.
        meta: { ...meta, version: installed ? nextPatchVersion(installed.version) : FIRST_WIKIDATA_VERSION },
      });
      if (outcome.ok) setPhase({ kind: 'preview', result: outcome.result });
      else {
        setPhase({ kind: 'choosing' });
        setReport({ tone: 'error', summary: failureSentence(outcome) });
      }
    } catch (error) {
      setPhase({ kind: 'choosing' });
      setReport({ tone: 'error', summary: `The query could not be made: ${(error as Error).message}` });
    }
  }

  async function add(result: WikidataPackResult, replace = false) {
    setPhase({ kind: 'adding', result });
    const bytes = new TextEncoder().encode(JSON.stringify(result.pack));
    const outcome = await runImportInWorker({ bytes, source: { kind: 'wikidata' }, replace }, () => undefined);
    const described = describeOutcome(outcome, result.pack.pack.name);
    if (outcome.ok) {
      await setRefreshDays(getDatabase(), result.pack.pack.id, refreshDays);
      onUsed();
      await finishWelcome(getDatabase());
      setPhase({ kind: 'choosing' });
    } else {
      if (outcome.code === 'other-source') described.action = { label: `Replace ${outcome.packName ?? 'it'}`, onClick: () => void add(result, true) };
      setPhase({ kind: 'preview', result });
    }
    setReport(described);
  }

  const busy = phase.kind === 'running' || phase.kind === 'adding';
  return (
    <section class={`panel wikidata ${welcome ? 'wikidata--welcome' : ''}`} aria-labelledby="wikidata-title" id="wikidata">
      <div class="panel__header">
        <h2 id="wikidata-title">
          {welcome ? 'Start with names from Wikidata' : 'Add names from Wikidata'}
        </h2>
        {welcome && (
          <button type="button" class="button button--quiet" disabled={busy} onClick={() => void finishWelcome(getDatabase())}>
            Not now
          </button>
        )}
      </div>
      <p class="muted">
        {welcome
          ? 'Backstory knows only its starter pack so far. Add the people and organizations of the news from Wikidata, the free knowledge base, and ordinary news pages light up. '
          : ''}
        Each choice becomes a pack you can turn off, export or remove. Wikidata’s data is free to use (CC0).
      </p>
      <WikidataChoices
        choices={READY_QUERIES}
        countries={COUNTRY_CHOICES}
        selected={selected}
        country={country}
        ownQuery={ownQuery}
        disabled={busy || phase.kind === 'preview'}
        onSelect={setSelected}
        onCountry={setCountry}
        onOwnQuery={setOwnQuery}
        onRun={() => void run()}
      />
      {phase.kind === 'running' && (
        <div class="wikidata__progress">
          <p role="status">{progressSentence(phase.progress)}</p>
          <progress aria-label="Wikidata query" />
          <button type="button" class="button button--quiet" onClick={() => phase.cancel.abort()}>
            Cancel
          </button>
        </div>
      )}
      {(phase.kind === 'preview' || phase.kind === 'adding') && (
        <WikidataPreview
          packName={phase.result.pack.pack.name}
          count={phase.result.pack.entities.length}
          sample={phase.result.pack.entities.slice(0, SAMPLE_SIZE).map((entity) => ({ ...entity, type: entity.type ?? 'Thing', dates: lifeDates(entity) }))}
          aliases={phase.result.aliases}
          withoutLabel={phase.result.withoutLabel}
          refreshChoices={REFRESH_CHOICES}
          refreshDays={refreshDays}
          adding={phase.kind === 'adding'}
          onRefreshDays={setRefresh}
          onAdd={() => void add(phase.result)}
          onDiscard={() => {
            setPhase({ kind: 'choosing' });
            setReport(undefined);
          }}
        />
      )}
      {report && <ImportReport {...report} />}
    </section>
  );
}
