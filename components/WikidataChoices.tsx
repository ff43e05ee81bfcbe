import { useId } from 'preact/hooks';

/** One ready query as the reader chooses it. */
export interface WikidataChoice {
  id: string;
  title: string;
  description: string;
  estimatedNames: number;
  needsCountry: boolean;
}

/** The value of the choice that runs the reader's own query. */
export const OWN_QUERY = 'own-query';

export interface WikidataChoicesProps {
  choices: readonly WikidataChoice[];
  countries: ReadonlyArray<{ id: string; name: string }>;
  /** A choice's id, or {@link OWN_QUERY}. */
  selected: string;
  country: string;
  ownQuery: string;
  /** While a query runs or a pack is added. */
  disabled: boolean;
  onSelect(id: string): void;
  onCountry(id: string): void;
  onOwnQuery(text: string): void;
  onRun(): void;
}

/**
 * The ready Wikidata queries, each with what it brings and about how many names, and a
 * box for the reader's own SPARQL. Nothing is asked of Wikidata until "Preview" is pressed.
 */
/** The variables lib/wikidata/from-sparql.ts reads, as a user writing a query needs them. */
const QUERY_VARIABLES: ReadonlyArray<readonly [string, string]> = [
  ['?item', 'the item'],
  ['?itemLabel, ?itemDescription', 'its name and description (the label service)'],
  ['?itemAliases', 'other names, joined by "|" (GROUP_CONCAT)'],
  ['?itemTypes', 'its classes (P31), joined by spaces: person, organization, place or event'],
  ['?itemBirth, ?itemDeath, ?itemFounded, ?itemDissolved, ?itemStart, ?itemEnd', 'dates shown on the card'],
  ['?itemSitelinks', 'how well known it is (wikibase:sitelinks): orders names that several items share'],
  ['?itemArticle, ?itemImage', 'its Wikipedia article and picture, as links'],
  ['?itemBelongsTo', 'the country, party or organization it belongs to, joined by spaces'],
];

export function WikidataChoices({ choices, countries, selected, country, ownQuery, disabled, onSelect, onCountry, onOwnQuery, onRun }: WikidataChoicesProps) {
  const name = useId();
  const countryId = useId();
  const queryId = useId();
  const chosen = choices.find((choice) => choice.id === selected);
  const ready = selected === OWN_QUERY ? ownQuery.trim().length > 0 : chosen !== undefined;
  return (
    <form
      class="wikidata-choices"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !disabled) onRun();
      }}
    >
      <fieldset disabled={disabled}>
        <legend>What to add</legend>
        {choices.map((choice) => (
          <label key={choice.id} class="choice wikidata-choice">
            <input type="radio" name={name} value={choice.id} checked={selected === choice.id} onChange={() => onSelect(choice.id)} />
            <span>
              <span class="wikidata-choice__title">{choice.title}</span>
              <span class="choice__hint muted">
                {choice.description} About {choice.estimatedNames.toLocaleString()} names.
              </span>
            </span>
          </label>
        ))}
        <label class="choice wikidata-choice">
          <input type="radio" name={name} value={OWN_QUERY} checked={selected === OWN_QUERY} onChange={() => onSelect(OWN_QUERY)} />
          <span>
            <span class="wikidata-choice__title">Your own SPARQL query</span>
            <span class="choice__hint muted">For the Wikidata Query Service; select at least ?item and ?itemLabel. Dates, links and popularity come from the variables listed under the box.</span>
          </span>
        </label>
        {chosen?.needsCountry && (
          <div class="field">
            <label for={countryId}>Country</label>
            <select id={countryId} value={country} onChange={(event) => onCountry(event.currentTarget.value)}>
              {countries.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {selected === OWN_QUERY && (
          <div class="field">
            <label for={queryId}>SPARQL query</label>
            <textarea
              id={queryId}
              class="wikidata-choices__query"
              rows={8}
              spellcheck={false}
              value={ownQuery}
              placeholder={'SELECT ?item ?itemLabel ?itemDescription WHERE {\n  ?item wdt:P31 wd:Q6256.\n  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }\n}'}
              onInput={(event) => onOwnQuery(event.currentTarget.value)}
            />
            <details class="wikidata-choices__variables">
              <summary>What Backstory reads from your query</summary>
              <p class="muted small">Only these variables; all but ?item are optional. The ready queries show how each is made.</p>
              <ul class="small">
                {QUERY_VARIABLES.map(([variables, meaning]) => (
                  <li key={variables}>
                    <code>{variables}</code>: {meaning}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        )}
        <p class="button-row">
          <button type="submit" class="button" disabled={!ready}>
            Preview names
          </button>
          <span class="muted small">Asks query.wikidata.org now, and only now.</span>
        </p>
      </fieldset>
    </form>
  );
}
