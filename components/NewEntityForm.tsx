import { useId, useRef, useState } from 'preact/hooks';
import { typedNamesProblem } from '../lib/kb/ordinary-words';
import { ENTITY_TYPES, type EntityType } from '../lib/pack/schema';
import { typeLabel } from '../lib/text/type-labels';

export interface NewEntityFormProps {
  onAdd(entity: { name: string; type: EntityType; alternateName: string[]; description?: string }): void;
}

/** Adding an entity by hand: a name, a type, other names, a description. */
export function NewEntityForm({ onAdd }: NewEntityFormProps) {
  const ids = { name: useId(), nameNote: useId(), type: useId(), typeNote: useId(), aliases: useId(), aliasesNote: useId(), description: useId() };
  const [name, setName] = useState('');
  // No type is preselected: a preselected "Person" silently made organizations people.
  const [type, setType] = useState<EntityType | ''>('');
  const [aliases, setAliases] = useState('');
  const [description, setDescription] = useState('');
  // Names the matcher would drop are refused here, as the pack validator refuses them.
  const nameField = useRef<HTMLInputElement>(null);
  const typeField = useRef<HTMLSelectElement>(null);
  const aliasesField = useRef<HTMLTextAreaElement>(null);
  const [problems, setProblems] = useState<{ name?: string; type?: string; aliases?: string }>({});
  return (
    <form
      class="entity-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        const found = { ...check(name, aliases), type: type ? undefined : 'Choose what kind of thing it is.' };
        setProblems(found);
        if (found.name || found.type || found.aliases || !type) {
          (found.name ? nameField : found.type ? typeField : aliasesField).current?.focus();
          return;
        }
        onAdd({ name: name.trim(), type, alternateName: splitLines(aliases), description: description.trim() || undefined });
        setName('');
        setType('');
        setAliases('');
        setDescription('');
      }}
    >
      <div class="field">
        <label for={ids.name}>Name</label>
        <input
          id={ids.name}
          ref={nameField}
          type="text"
          required
          value={name}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={ids.nameNote}
          onInput={(e) => {
            setName(e.currentTarget.value);
            if (problems.name) setProblems(check(e.currentTarget.value, aliases));
          }}
        />
        <p id={ids.nameNote} role="status" class="field-note field-note--error">
          {problems.name}
        </p>
      </div>
      <div class="field">
        <label for={ids.type}>Type</label>
        <select
          id={ids.type}
          ref={typeField}
          value={type}
          aria-invalid={problems.type ? true : undefined}
          aria-describedby={ids.typeNote}
          onChange={(e) => {
            setType(e.currentTarget.value as EntityType);
            setProblems({ ...problems, type: undefined });
          }}
        >
          <option value="" disabled>
            Choose…
          </option>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
        <p id={ids.typeNote} role="status" class="field-note field-note--error">
          {problems.type}
        </p>
      </div>
      <div class="field">
        <label for={ids.aliases}>Other names, one per line</label>
        <textarea
          id={ids.aliases}
          ref={aliasesField}
          rows={2}
          value={aliases}
          aria-invalid={problems.aliases ? true : undefined}
          aria-describedby={ids.aliasesNote}
          onInput={(e) => {
            setAliases(e.currentTarget.value);
            if (problems.aliases) setProblems(check(name, e.currentTarget.value));
          }}
        />
        <p id={ids.aliasesNote} role="status" class="field-note field-note--error">
          {problems.aliases}
        </p>
      </div>
      <div class="field">
        <label for={ids.description}>Description</label>
        <textarea id={ids.description} rows={2} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </div>
      <p>
        <button type="submit" class="button">
          Add entity
        </button>
      </p>
    </form>
  );
}

/** What is wrong with each field's names, if anything (the matcher's limits, ordinary words). */
function check(nameText: string, aliasText: string): { name?: string; aliases?: string } {
  return { name: typedNamesProblem([nameText.trim()]), aliases: typedNamesProblem(splitLines(aliasText)) };
}

/** Non-empty trimmed lines, without repeats. */
export function splitLines(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
}
