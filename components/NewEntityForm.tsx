import { useId, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../lib/pack/schema';
import { typeLabel } from '../lib/text/type-labels';

export interface NewEntityFormProps {
  onAdd(entity: { name: string; type: EntityType; alternateName: string[]; description?: string }): void;
}

/** Adding an entity by hand: a name, a type, other names, a description. */
export function NewEntityForm({ onAdd }: NewEntityFormProps) {
  const ids = { name: useId(), type: useId(), aliases: useId(), description: useId() };
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('Person');
  const [aliases, setAliases] = useState('');
  const [description, setDescription] = useState('');
  return (
    <form
      class="entity-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onAdd({ name: name.trim(), type, alternateName: splitLines(aliases), description: description.trim() || undefined });
        setName('');
        setAliases('');
        setDescription('');
      }}
    >
      <div class="field">
        <label for={ids.name}>Name</label>
        <input id={ids.name} type="text" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={ids.type}>Type</label>
        <select id={ids.type} value={type} onChange={(e) => setType(e.currentTarget.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={ids.aliases}>Other names, one per line</label>
        <textarea id={ids.aliases} rows={2} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
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

/** Non-empty trimmed lines, without repeats. */
export function splitLines(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
}
