import { useId, useRef, useState } from 'preact/hooks';

export interface PackSourcePickerProps {
  disabled: boolean;
  onFile(file: File): void;
  onUrl(url: string): void;
}

/** Three ways to bring a pack in: choose a file, drop one here, or give its address. */
export function PackSourcePicker({ disabled, onFile, onUrl }: PackSourcePickerProps) {
  const [dragging, setDragging] = useState(false);
  const [url, setUrl] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const urlId = useId();
  const hintId = useId();

  const take = (file: File | undefined) => {
    if (!file || disabled) return;
    onFile(file);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <div
      class={`drop-zone ${dragging ? 'drop-zone--active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        take(e.dataTransfer?.files[0]);
      }}
    >
      <p class="drop-zone__line">
        <label class={`button ${disabled ? 'button--busy' : ''}`}>
          Import pack file…
          <input
            ref={fileInput}
            class="visually-hidden"
            type="file"
            accept=".json,.gz,application/json,application/gzip"
            disabled={disabled}
            onChange={(e) => take(e.currentTarget.files?.[0])}
          />
        </label>
        <span class="muted"> or drop a .json or .json.gz pack file here</span>
      </p>
      <form
        class="url-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled && url.trim()) onUrl(url.trim());
        }}
      >
        <label for={urlId}>Pack address</label>
        <div class="url-form__row">
          <input
            id={urlId}
            type="url"
            required
            pattern="https?://.+"
            placeholder="https://example.org/news.pack.json"
            aria-describedby={hintId}
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={disabled}>
            Import from address
          </button>
        </div>
        <p id={hintId} class="muted small">
          Backstory downloads only when you ask, and checks the address for newer versions later.
        </p>
      </form>
    </div>
  );
}
