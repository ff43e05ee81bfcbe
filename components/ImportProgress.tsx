import { useEffect, useId, useRef } from 'preact/hooks';

export interface ImportProgressStage {
  id: string;
  label: string;
}

export interface ImportProgressProps {
  /** What is being imported, e.g. "Importing news.pack.json". */
  title: string;
  /** The stages this import goes through, in order. */
  stages: readonly ImportProgressStage[];
  /** Id of the running stage. */
  current: string;
  /** Units done and in all within the current stage; omit for an indeterminate bar. */
  done?: number;
  total?: number;
  /** What the units are: "rows", "articles", "bytes". */
  unit?: string;
  /** What the stage is waiting for, said instead of its counts ("Clearing an unfinished import…"). */
  detail?: string;
}

/**
 * A named-stage progress display. The stage name is announced to screen readers when it
 * changes (a polite live region); the counts are not, so they do not chatter.
 */
export function ImportProgress({ title, stages, current, done, total, unit = 'items', detail }: ImportProgressProps) {
  const titleId = useId();
  const section = useRef<HTMLElement>(null);
  // Shown where the import was started, which may be below the fold (under the Wikidata card): brought into view once.
  useEffect(() => section.current?.scrollIntoView?.({ block: 'nearest' }), []);
  const at = Math.max(0, stages.findIndex((s) => s.id === current));
  const determinate = detail === undefined && total !== undefined && total > 0 && done !== undefined;
  const currentLabel = stages[at]?.label ?? current;
  return (
    <section ref={section} class="import-progress" aria-labelledby={titleId}>
      <h3 id={titleId} class="import-progress__title">
        {title}
      </h3>
      <ol class="import-progress__stages">
        {stages.map((stage, i) => (
          <li
            key={stage.id}
            class={`import-progress__stage import-progress__stage--${i < at ? 'done' : i === at ? 'current' : 'pending'}`}
            aria-current={i === at ? 'step' : undefined}
          >
            <span aria-hidden="true">{i < at ? '✓ ' : ''}</span>
            {stage.label}
            {i < at && <span class="visually-hidden"> (done)</span>}
          </li>
        ))}
      </ol>
      <progress
        class="import-progress__bar"
        aria-labelledby={titleId}
        {...(determinate ? { max: total, value: done } : {})}
      />
      <p class="import-progress__count muted">
        {detail ?? (determinate ? `${currentLabel}: ${done.toLocaleString()} of ${total.toLocaleString()} ${unit}` : `${currentLabel}…`)}
      </p>
      <p class="visually-hidden" role="status" aria-live="polite">
        {detail ?? `${currentLabel} stage`}
      </p>
    </section>
  );
}
