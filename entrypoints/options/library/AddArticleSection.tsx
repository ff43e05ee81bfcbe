import { useId, useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../../components/ImportReport';
import { saveArticleInWorker } from '../../../workers/library-worker';
import { parsePlainTextArticle } from '../../../lib/pack/plain-text-article';
import type { PackArticle } from '../../../lib/pack/schema';
import { formatArticleDate } from '../../../lib/text/format-date';
import { countOf } from '../../../lib/text/plural';
import { articleHref } from '../../../lib/routes/extension-routes';

/** Largest text file accepted for one article, in bytes: far above any article. */
const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;
/**
 * Longest text taken as one article, pasted or read from a file: a long feature is
 * 50,000 characters. Past this it is not an article, and parsing it at each keystroke,
 * linking its names and showing it would hold the page for seconds.
 */
const MAX_ARTICLE_CHARS = 1_000_000;

/** One article from pasted text or a .txt file, saved to "My articles" and linked to the library. */
export function AddArticleSection() {
  const ids = { text: useId(), hint: useId(), headline: useId(), headlineNote: useId() };
  const [text, setText] = useState('');
  /** The headline as the user typed it over the detected one; undefined while untouched. */
  const [headline, setHeadline] = useState<string>();
  /** Whether the text's first line is its headline, as the layout says; the user may say it is not. */
  const [firstLineIsHeadline, setFirstLineIsHeadline] = useState(true);
  const [report, setReport] = useState<ImportReportProps>();
  const [busy, setBusy] = useState(false);
  const tooLong = text.length > MAX_ARTICLE_CHARS;
  const parsed = text.trim() && !tooLong ? parsePlainTextArticle(text) : undefined;

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_TEXT_FILE_BYTES) {
      setReport({ tone: 'error', summary: `${file.name} is too big to be one article. Choose the text of a single article.` });
      return;
    }
    setReport(undefined);
    changeText(await file.text());
  }

  function changeText(value: string) {
    setText(value);
    setHeadline(undefined);
    setFirstLineIsHeadline(true);
  }

  const article = parsed?.ok ? withHeadline(parsed.article, { typed: headline, firstLineIsHeadline }) : undefined;
  const paragraphCount = article ? (article.articleBody ?? '').split(/\n\s*\n/u).length : 0;

  async function save() {
    if (!article || !article.headline) return;
    setBusy(true);
    try {
      const a = article;
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
        <textarea id={ids.text} class="article-text" rows={10} aria-describedby={ids.hint} value={text} onInput={(e) => changeText(e.currentTarget.value)} />
      </div>
      {tooLong && (
        <ImportReport
          tone="error"
          summary={`This text is ${text.length.toLocaleString()} characters long: too long for one article (at most ${MAX_ARTICLE_CHARS.toLocaleString()}). Paste a single article.`}
        />
      )}
      {parsed && !parsed.ok && <ImportReport tone="error" summary={`${parsed.message} Check the layout described above.`} />}
      {parsed?.ok && article && (
        <section class="preview" aria-label="Preview">
          <div class="field">
            <label for={ids.headline}>Headline</label>
            <input
              id={ids.headline}
              class="preview__headline-input"
              type="text"
              value={article.headline}
              aria-describedby={ids.headlineNote}
              aria-invalid={article.headline ? undefined : true}
              onInput={(e) => setHeadline(e.currentTarget.value)}
            />
            <p id={ids.headlineNote} class={article.headline ? 'field-note muted' : 'field-note field-note--error'}>
              {!article.headline ? 'Type a headline to save the article.' : firstLineIsHeadline ? 'Taken from the first line of the text.' : ''}
            </p>
          </div>
          <label class="choice choice--inline">
            <input
              type="checkbox"
              checked={firstLineIsHeadline}
              onChange={(e) => {
                setFirstLineIsHeadline(e.currentTarget.checked);
                setHeadline(undefined);
              }}
            />
            <span>The first line is the headline (uncheck to keep it as the first paragraph)</span>
          </label>
          <p class="muted small">
            {[article.author?.join(', '), formatArticleDate(article.datePublished), countOf(paragraphCount, 'paragraph')].filter(Boolean).join(' · ')}
            {parsed.sources.length > 0 ? ` · sources: ${parsed.sources.join(', ')}` : ''}
          </p>
          <button type="button" class="button" disabled={busy || !article.headline} onClick={() => void save()}>
            Save to My articles
          </button>
        </section>
      )}
      {report && <ImportReport {...report} />}
    </section>
  );
}

/**
 * The article as the user corrected it: a headline typed over the detected one, and,
 * when the first line was not the headline, that line back as the first paragraph.
 */
function withHeadline(article: PackArticle, { typed, firstLineIsHeadline }: { typed?: string; firstLineIsHeadline: boolean }): PackArticle {
  if (firstLineIsHeadline) return typed === undefined ? article : { ...article, headline: typed.trim() };
  return { ...article, headline: (typed ?? '').trim(), articleBody: [article.headline, article.articleBody].filter(Boolean).join('\n\n') };
}
