import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntityChoices, type CandidateChoice, type Decision } from '../../components/EntityChoices';
import { SaveArticleForm, type ArticleDraft } from '../../components/SaveArticleForm';
import { getDatabase } from '../../lib/db/database';
import type { ExtractedArticle } from '../../lib/extract';
import { findArticlesByUrl, type ArticleAtUrl } from '../../lib/kb/find-by-url';
import { MY_ARTICLES_PACK_NAME } from '../../lib/kb/my-articles';
import { optionsPath } from '../../lib/routes/extension-routes';
// The options page's worker: saving compiles a matcher over the whole library, kept off this page's main thread.
import { saveArticleInWorker } from '../../workers/library-worker';
import type { CandidateType } from '../../lib/nlp';
import { articleFromDraft, draftFromArticle, fieldErrors } from './draft';
import { loadCapture } from './load-capture';
import { useArticleNames } from './use-names';
import { nounFor } from '../../lib/text/plural';

type State =
  | { name: 'loading' }
  | { name: 'failed'; message: string }
  | { name: 'editing'; original: ExtractedArticle; draft: ArticleDraft }
  | { name: 'saved'; articleKey: string; updated: boolean; entities: number };


const articleHref = (key: string) => browser.runtime.getURL(optionsPath({ name: 'article', key }));

/** The save preview: correct the article, choose the new names, save to "My articles". */
export function App() {
  const [state, setState] = useState<State>({ name: 'loading' });
  useEffect(() => {
    loadCapture(location.hash.slice(1))
      .then((capture) =>
        setState(capture.ok ? { name: 'editing', original: capture.article, draft: draftFromArticle(capture.article) } : { name: 'failed', message: capture.message }),
      )
      .catch((error: unknown) => {
        console.error('Backstory: could not load the page to save', error);
        setState({ name: 'failed', message: 'Something went wrong while reading the page. Try again.' });
      });
  }, []);

  return (
    <div class="page">
      <header class="page__header">
        <h1>Save to Backstory</h1>
        <p class="muted">Check what was read from the page, then save it to “{MY_ARTICLES_PACK_NAME}”. It stays in this browser.</p>
      </header>
      <main>
        {state.name === 'loading' && <p class="muted">Reading the page…</p>}
        {state.name === 'failed' && (
          <p role="alert" class="notice notice--error">
            {state.message}
          </p>
        )}
        {state.name === 'editing' && (
          <Editor
            original={state.original}
            draft={state.draft}
            onDraft={(draft) => setState({ ...state, draft })}
            onSaved={(saved) => setState({ name: 'saved', ...saved })}
          />
        )}
        {state.name === 'saved' && (
          <div role="status" class="notice notice--ok">
            <p>
              {state.updated ? 'Updated in' : 'Saved to'} “{MY_ARTICLES_PACK_NAME}”
              {state.entities > 0 ? `, with ${state.entities.toLocaleString()} new ${nounFor(state.entities, 'name')}` : ''}. Its names are
              highlighted on pages from now on.
            </p>
            <p>
              <a href={articleHref(state.articleKey)}>Read it in your library</a>
            </p>
          </div>
        )}
      </main>
    </div>
  );
}

interface EditorProps {
  original: ExtractedArticle;
  draft: ArticleDraft;
  onDraft(draft: ArticleDraft): void;
  onSaved(saved: { articleKey: string; updated: boolean; entities: number }): void;
}

function Editor({ original, draft, onDraft, onSaved }: EditorProps) {
  const names = useArticleNames(draft.headline, draft.text);
  const [choices, setChoices] = useState<Record<string, { decision?: Decision; type?: CandidateType }>>({});
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({ fields: {}, other: [] });
  const [saving, setSaving] = useState(false);
  const [existing, setExisting] = useState<ArticleAtUrl[]>([]);

  useEffect(() => {
    if (!original.url) return;
    void findArticlesByUrl(getDatabase(), original.url).then(setExisting);
  }, [original.url]);

  const candidates: CandidateChoice[] = useMemo(
    () => (names?.candidates ?? []).map((c) => ({ ...c, ...choices[c.name], type: choices[c.name]?.type ?? c.type })),
    [names, choices],
  );
  const accepted = candidates.filter((c) => c.decision === 'accepted');

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    try {
      const result = await saveArticleInWorker({
        article: articleFromDraft(draft, original),
        newEntities: accepted.map((c) => ({ name: c.name, type: c.type, alternateName: c.alternateName })),
      });
      if (result.status === 'invalid') {
        setErrors(fieldErrors(result.issues));
        return;
      }
      onSaved({ articleKey: result.articleKey, updated: result.status === 'updated', entities: accepted.length });
    } catch (error) {
      console.error('Backstory: saving failed', error);
      setErrors({ fields: {}, other: ['Saving failed. Your library is unchanged; try again.'] });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="save" onSubmit={(e) => void save(e)} aria-label="Article to save">
      {existing.length > 0 && (
        <p class="notice">
          This page is already in your library as “{existing[0]!.headline}”.{' '}
          {existing.some((a) => a.packId === 'my-articles') ? 'Saving again updates your copy.' : ''}{' '}
          <a href={articleHref(existing[0]!.key)} target="_blank" rel="noopener">
            Open it
          </a>
        </p>
      )}
      <div class="save__columns">
        <section class="panel save__article" aria-label="Article">
          <SaveArticleForm draft={draft} errors={errors.fields} onChange={onDraft} />
        </section>
        <section class="panel save__names" aria-label="Names in this article" aria-busy={names ? undefined : true}>
          {names ? (
            <EntityChoices
              known={names.known}
              candidates={candidates}
              onDecide={(name, decision) => setChoices({ ...choices, [name]: { ...choices[name], decision } })}
              onTypeChange={(name, type) => setChoices({ ...choices, [name]: { ...choices[name], type } })}
            />
          ) : (
            <p class="muted">Looking for names…</p>
          )}
        </section>
      </div>
      {errors.other.length > 0 && (
        <ul role="alert" class="notice notice--error">
          {errors.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div class="save__actions">
        <button type="submit" class="button" disabled={saving}>
          {saving ? 'Saving…' : `Save to ${MY_ARTICLES_PACK_NAME}`}
        </button>
        <span class="muted">
          {accepted.length > 0 ? `${accepted.length.toLocaleString()} new ${nounFor(accepted.length, 'name')} will be added.` : 'No new names will be added.'}
        </span>
      </div>
    </form>
  );
}
