import { useId } from 'preact/hooks';

export interface SearchFieldProps {
  label: string;
  value: string;
  placeholder?: string;
  onInput(value: string): void;
  /** "1,234 articles": announced politely when it changes. */
  resultText: string;
}

/** A labelled search box with a live count of what it found. */
export function SearchField({ label, value, placeholder, onInput, resultText }: SearchFieldProps) {
  const id = useId();
  return (
    <div class="search-field">
      <label for={id}>{label}</label>
      <input id={id} type="search" value={value} placeholder={placeholder} onInput={(e) => onInput(e.currentTarget.value)} />
      <p class="muted small" role="status" aria-live="polite">
        {resultText}
      </p>
    </div>
  );
}
