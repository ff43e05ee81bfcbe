import { useId } from 'preact/hooks';

/** The article as the user is correcting it; every field is text as typed. */
export interface ArticleDraft {
  headline: string;
  /** Authors, separated by commas. */
  author: string;
  datePublished: string;
  publisher: string;
  url: string;
  text: string;
}

export interface SaveArticleFormProps {
  draft: ArticleDraft;
  /** Problems by field, as sentences a person can act on. */
  errors: Partial<Record<keyof ArticleDraft, string>>;
  onChange(draft: ArticleDraft): void;
}

const FIELDS: ReadonlyArray<{ key: Exclude<keyof ArticleDraft, 'text'>; label: string; hint?: string }> = [
  { key: 'headline', label: 'Headline' },
  { key: 'author', label: 'Author', hint: 'Several authors: separate them with commas.' },
  { key: 'datePublished', label: 'Date', hint: 'As YYYY-MM-DD, or with a time.' },
  { key: 'publisher', label: 'Site' },
  { key: 'url', label: 'URL' },
];

/** The editable preview of a page's article: what will be saved, field by field. */
export function SaveArticleForm({ draft, errors, onChange }: SaveArticleFormProps) {
  const id = useId();
  const field = (key: keyof ArticleDraft) => `${id}-${key}`;
  return (
    <div class="save-form">
      {FIELDS.map(({ key, label, hint }) => (
        <div class="save-form__row" key={key}>
          <label for={field(key)}>{label}</label>
          <input
            id={field(key)}
            type="text"
            class={key === 'headline' ? 'save-form__headline' : undefined}
            value={draft[key]}
            aria-invalid={errors[key] ? true : undefined}
            aria-describedby={errors[key] || hint ? `${field(key)}-note` : undefined}
            onInput={(e) => onChange({ ...draft, [key]: e.currentTarget.value })}
          />
          {(errors[key] ?? hint) && (
            <p id={`${field(key)}-note`} class={errors[key] ? 'save-form__error' : 'save-form__hint'}>
              {errors[key] ?? hint}
            </p>
          )}
        </div>
      ))}
      <div class="save-form__row">
        <label for={field('text')}>Text</label>
        <textarea
          id={field('text')}
          rows={14}
          value={draft.text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={`${field('text')}-note`}
          onInput={(e) => onChange({ ...draft, text: e.currentTarget.value })}
        />
        <p id={`${field('text')}-note`} class={errors.text ? 'save-form__error' : 'save-form__hint'}>
          {errors.text ?? 'Paragraphs are separated by a blank line.'}
        </p>
      </div>
    </div>
  );
}
