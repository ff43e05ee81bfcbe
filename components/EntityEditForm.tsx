import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { typedNamesProblem } from '../lib/kb/ordinary-words';
import { splitLines } from './NewEntityForm';

export interface EntityEditFormProps {
  name: string;
  alternateName: readonly string[];
  description?: string;
  hidden: boolean;
  /** Whether the user has changed this entity (offers going back to the pack's version). */
  edited: boolean;
  /** What the last save or reset did ("Saved."), announced politely; cleared by the next edit. */
  status?: { text: string; tone: 'ok' | 'error' };
  onSave(change: { alternateName: string[]; description: string; hidden: boolean }): void;
  onReset(): void;
  /** Any field changed: the last status no longer describes the form. */
  onEdit?(): void;
}

/** The user's own aliases, description and hiding for one entity. */
export function EntityEditForm({ name, alternateName, description, hidden, edited, status, onSave, onReset, onEdit }: EntityEditFormProps) {
  const ids = { aliases: useId(), aliasesNote: useId(), description: useId() };
  const aliasesField = useRef<HTMLTextAreaElement>(null);
  // Names the matcher would drop are refused here, as the pack validator refuses them.
  const [aliasProblem, setAliasProblem] = useState<string>();
  const [aliases, setAliases] = useState(alternateName.join('\n'));
  const [text, setText] = useState(description ?? '');
  const [hide, setHide] = useState(hidden);
  useEffect(() => {
    setAliases(alternateName.join('\n'));
    setText(description ?? '');
    setHide(hidden);
  }, [alternateName.join('\n'), description, hidden]);

  return (
    <form
      class="entity-form"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = typedNamesProblem(splitLines(aliases));
        setAliasProblem(problem);
        if (problem) {
          aliasesField.current?.focus();
          return;
        }
        onSave({ alternateName: splitLines(aliases), description: text.trim(), hidden: hide });
      }}
    >
      <div class="field">
        <label for={ids.aliases}>Other names of {name}, one per line</label>
        <textarea
          id={ids.aliases}
          ref={aliasesField}
          rows={4}
          value={aliases}
          aria-invalid={aliasProblem ? true : undefined}
          aria-describedby={ids.aliasesNote}
          onInput={(e) => {
            setAliases(e.currentTarget.value);
            if (aliasProblem) setAliasProblem(typedNamesProblem(splitLines(e.currentTarget.value)));
            onEdit?.();
          }}
        />
        {/* Always present, so a screen reader announces the problem when it appears. */}
        <p id={ids.aliasesNote} role="status" class="field-note field-note--error">
          {aliasProblem}
        </p>
      </div>
      <div class="field">
        <label for={ids.description}>Description</label>
        <textarea
          id={ids.description}
          rows={3}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            onEdit?.();
          }}
        />
      </div>
      <label class="switch">
        <input
          type="checkbox"
          checked={hide}
          onChange={(e) => {
            setHide(e.currentTarget.checked);
            onEdit?.();
          }}
        />
        <span>Do not highlight {name} on pages</span>
      </label>
      <p class="button-row">
        <button type="submit" class="button">
          Save changes
        </button>
        {edited && (
          <button type="button" class="button button--quiet" onClick={onReset}>
            Use the pack’s version
          </button>
        )}
        {/* Always present, so a screen reader announces the text when it appears. */}
        <span role="status" class={`form-status form-status--${status?.tone ?? 'ok'}`}>
          {status?.text}
        </span>
      </p>
    </form>
  );
}
