import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

export interface NumberFieldProps {
  label: string;
  /** The input's accessible name when the visible label is shared by several fields (one per feed). */
  ariaLabel?: string;
  range: { min: number; max: number };
  step: number;
  value: number;
  /** Read by screen readers with the field: what the numbers mean (say the range). */
  hint: ComponentChildren;
  onChange(value: number): void;
}

/**
 * A labelled number input with its hint. A value that is not a whole number within the
 * range is refused beside the field, naming it, with the range, and not passed on: nothing
 * is saved, and the field shows again the value that is kept.
 */
export function NumberField({ label, ariaLabel, range, step, value, hint, onChange }: NumberFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [error, setError] = useState('');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={range.min}
        max={range.max}
        step={step}
        value={value}
        aria-label={ariaLabel}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${hintId} ${errorId}`}
        onChange={(e) => {
          const typed = e.currentTarget.value.trim();
          const number = Number(typed);
          if (typed === '' || !Number.isInteger(number) || number < range.min || number > range.max) {
            setError(`${typed === '' ? 'An empty field' : typed} was not saved: enter a whole number from ${range.min.toLocaleString()} to ${range.max.toLocaleString()}.`);
            return;
          }
          setError('');
          onChange(number);
        }}
      />
      <p id={hintId} class="muted small">
        {hint}
      </p>
      {/* Kept in the page empty, so that screen readers announce it when it fills. */}
      <p id={errorId} role="status" class="field-note field-note--error">
        {error}
      </p>
    </div>
  );
}
