import type { CandidateType } from '../lib/nlp';
import { typeLabel } from '../lib/text/type-labels';

/** A name of the library found in the article. */
export interface KnownMention {
  key: string;
  name: string;
  type: string;
  /** Times the article names it. */
  count: number;
  /** Where the library shows the entity. */
  href: string;
}

export type Decision = 'accepted' | 'ignored';

/** A name that could become an entity of "My articles". */
export interface CandidateChoice {
  name: string;
  type: CandidateType;
  count: number;
  alternateName: string[];
  decision?: Decision;
}

export interface EntityChoicesProps {
  known: KnownMention[];
  candidates: CandidateChoice[];
  onDecide(name: string, decision: Decision | undefined): void;
  onTypeChange(name: string, type: CandidateType): void;
}

const TYPES: readonly CandidateType[] = ['Person', 'Organization', 'Place', 'Thing'];
/** The two answers to a suggested name; pressing the chosen one again takes it back. */
const DECISIONS: ReadonlyArray<{ decision: Decision; label: string }> = [
  { decision: 'accepted', label: 'Accept' },
  { decision: 'ignored', label: 'Ignore' },
];

/** The names of the article: those the library knows (linked), and new ones to accept or ignore. */
export function EntityChoices({ known, candidates, onDecide, onTypeChange }: EntityChoicesProps) {
  return (
    <div class="choices">
      <section aria-labelledby="known-heading">
        <h2 id="known-heading" class="choices__title">
          Already in your library
        </h2>
        {known.length === 0 ? (
          <p class="muted">No name your library knows.</p>
        ) : (
          <ul class="choices__known" aria-labelledby="known-heading">
            {known.map((mention) => (
              <li key={mention.key}>
                <a href={mention.href} target="_blank" rel="noopener">
                  {mention.name}
                </a>
                <span class="muted"> · {typeLabel(mention.type)}{mention.count > 1 ? ` · ${mention.count}×` : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-heading">
        <h2 id="new-heading" class="choices__title">
          New names
        </h2>
        {candidates.length === 0 ? (
          <p class="muted">No other names found.</p>
        ) : (
          <ul class="choices__new" aria-labelledby="new-heading">
            {candidates.map((c) => (
              <li key={c.name} class={`choice choice--${c.decision ?? 'open'}`}>
                <span class="choice__name">{c.name}</span>
                <span class="choice__count muted">{c.count}×</span>
                <select aria-label={`Type of ${c.name}`} value={c.type} onChange={(e) => onTypeChange(c.name, e.currentTarget.value as CandidateType)}>
                  {TYPES.map((type) => (
                    <option key={type} value={type}>
                      {typeLabel(type)}
                    </option>
                  ))}
                </select>
                <span class="choice__buttons">
                  {DECISIONS.map(({ decision, label }) => (
                    <button
                      key={decision}
                      type="button"
                      aria-pressed={c.decision === decision}
                      aria-label={`${label} ${c.name}`}
                      onClick={() => onDecide(c.name, c.decision === decision ? undefined : decision)}
                    >
                      {label}
                    </button>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
