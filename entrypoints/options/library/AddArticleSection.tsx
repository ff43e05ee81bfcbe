import { useId, useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../../components/ImportReport';
import { saveArticleInWorker } from '../../../workers/library-worker';
import { parsePlainTextArticle } from '../../../lib/pack/plain-text-article';
import { formatArticleDate } from '../../../lib/text/format-date';
import { articleHref } from '../../../lib/routes/extension-routes';

/** Largest text file accepted for one article, in bytes: far above any article. */
const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

/** One article from pasted text or a .txt file, saved to "My articles" and linked to the library. */
export function AddArticleSection() {
  const ids = { text: useId(), hint: useId() };
  const [text, setText] = useState('');
  const [report, setReport] = useState<ImportReportProps>();
  const [busy, setBusy] = useState(false);
  const parsed = text.trim() ? parsePlainTextArticle(text) : undefined;

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_TEXT_FILE_BYTES) {
      setReport({ tone: 'error', summary: `${file.name} is too big to be one article. Choose the text of a single article.` });
      return;
    }
    setReport(undefined);
    setText(await file.text());
  }

  async function save() {
    if (!parsed?.ok) return;
    setBusy(true);
    try {
      const a = parsed.article;
      const result = await saveArticleInWorker({
        article: {
          headline: a.headline,
          url: a.url,
          author: a.author,
          datePublished: a.datePublished,
          publisher: a.publisher,
          inLanguage: a.inLanguage,
          description: a.description,
          articleBody: a.articleBody ?? '',
        },
      });
      if (result.status === 'invalid') {
        setReport({ tone: 'error', summary: 'The article could not be saved. Nothing was added.', issues: result.issues });
        return;
      }
      location.hash = articleHref(result.articleKey);
    } catch (error) {
      console.error('Backstory: could not save the article', error);
      setReport({ tone: 'error', summary: 'The article could not be saved (the disk may be full). Your library is unchanged.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="add-title">
      <h2 id="add-title">Add an article</h2>
      <p class="muted small" id={ids.hint}>
        Paste an article or choose a .txt file laid out as: the headline on the first line, then “By AUTHOR // YYYY-MM-DD”, a blank line, and the
        paragraphs. It is saved to “My articles” and linked to the names your library knows.
      </p>
      <p>
        <label class="button button--quiet">
          Choose a .txt file…
          <input class="visually-hidden" type="file" accept=".txt,text/plain" onChange={(e) => void chooseFile(e.currentTarget.files?.[0])} />
        </label>
      </p>
      <div class="field">
        <label for={ids.text}>Article text</label>
        <textarea id={ids.text} class="article-text" rows={10} aria-describedby={ids.hint} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      {parsed && !parsed.ok && <ImportReport tone="error" summary={`${parsed.message} Check the layout described above.`} />}
      {parsed?.ok && (
        <section class="preview" aria-label="Preview">
          <h3 class="preview__headline">{parsed.article.headline}</h3>
          <p class="muted small">
            {[parsed.article.author?.join(', '), formatArticleDate(parsed.article.datePublished)].filter(Boolean).join(' · ')}
            {` · ${(parsed.article.articleBody ?? '').split(/\n\s*\n/u).length} paragraphs`}
            {parsed.sources.length > 0 ? ` · sources: ${parsed.sources.join(', ')}` : ''}
          </p>
          <button type="button" class="button" disabled={busy} onClick={() => void save()}>
            Save to My articles
          </button>
        </section>
      )}
      {report && <ImportReport {...report} />}
    </section>
  );
}
