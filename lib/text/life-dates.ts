/**
 * The dates a card shows under a name, as a reader says them: "born 1957", "1957–2020",
 * "founded 1976", "1914–1918". Pack dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a
 * leading `-` before the common era (docs/pack-format.md); a card needs only the year.
 */

export interface DatedFacts {
  birthDate?: string;
  deathDate?: string;
  foundingDate?: string;
  dissolutionDate?: string;
  startDate?: string;
  endDate?: string;
}

const YEAR = /^(-?)(\d{1,6})/u;

/** "1957", "44 BC"; undefined for a value that is not a pack date. */
export function yearOf(date: unknown): string | undefined {
  if (typeof date !== 'string') return undefined;
  const match = YEAR.exec(date);
  if (!match) return undefined;
  const year = Number(match[2]);
  return match[1] ? `${year} BC` : String(year);
}

/** One span of years: both ends, or one with its word ("born 1957", "died 2020"). */
function span(from: string | undefined, to: string | undefined, words: { from: string; to: string }): string | undefined {
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (from) return `${words.from} ${from}`;
  if (to) return `${words.to} ${to}`;
  return undefined;
}

/**
 * The line of dates for a card, or undefined when the entity has none: a life first,
 * else an organization's founding and end, else an event's or office's span.
 */
export function lifeDates(facts: DatedFacts): string | undefined {
  return (
    span(yearOf(facts.birthDate), yearOf(facts.deathDate), { from: 'born', to: 'died' }) ??
    span(yearOf(facts.foundingDate), yearOf(facts.dissolutionDate), { from: 'founded', to: 'dissolved' }) ??
    span(yearOf(facts.startDate), yearOf(facts.endDate), { from: 'since', to: 'until' })
  );
}
