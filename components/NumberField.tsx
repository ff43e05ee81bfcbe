import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface NumberFieldProps {
  label: string;
  range: { min: number; max: number };
  step: number;
  value: number;
  /** Read by screen readers with the field: what the numbers mean. */
  hint: ComponentChildren;
  onChange(value: number): void;
}

/** A labelled number input with its hint. */
export function NumberField({ label, range, step, value, hint, onChange }: NumberFieldProps) {
  const id = useId();
  const hintId = useId();
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
        aria-describedby={hintId}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <p id={hintId} class="muted small">
        {hint}
      </p>
    </div>
  );
}
