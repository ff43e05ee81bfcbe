import { useState } from 'preact/hooks';
import { ImportReport, type ImportReportProps } from '../../components/ImportReport';
import { getDatabase } from '../../lib/db/database';
import { articlesToJsonLines, markdownZip, userArticles } from '../../lib/kb/open-formats';
import { countOf } from '../../lib/text/plural';
import { saveFile } from './save-file';

type Format = 'markdown' | 'jsonl';

/** The user's own articles out of Backstory: a zip of Markdown notes, or JSON Lines. */
export function OpenFormatsExport() {
  const [report, setReport] = useState<ImportReportProps>();
  const [busy, setBusy] = useState(false);

  async function exportAs(format: Format) {
    setBusy(true);
    try {
      const folders = await userArticles(getDatabase());
      const count = folders.reduce((n, f) => n + f.articles.length, 0);
      if (count === 0) {
        setReport({ tone: 'error', summary: 'You have no articles of your own yet: save one from a page first.' });
        return;
      }
      const day = new Date().toISOString().slice(0, 10);
      if (format === 'markdown') saveFile(`backstory-articles-${day}.zip`, new Blob([markdownZip(folders) as BlobPart], { type: 'application/zip' }));
      else saveFile(`backstory-articles-${day}.jsonl`, new Blob([articlesToJsonLines(folders.flatMap((f) => f.articles))], { type: 'application/x-ndjson' }));
      setReport({ tone: 'success', summary: `Exported ${countOf(count, 'article')} as ${format === 'markdown' ? 'Markdown files' : 'JSON Lines'}.` });
    } catch (error) {
      console.error('Backstory: export failed', error);
      setReport({ tone: 'error', summary: 'The export failed. Your library is unchanged.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h3>Your articles in open formats</h3>
      <p class="muted small">
        The articles you saved, as Markdown files with their title, author, date, address and the names they mention (for Obsidian and other note tools), or as
        JSON Lines. <code>npm run pack -- build</code> turns either back into a pack.
      </p>
      <p class="button-row">
        <button type="button" class="button button--quiet" disabled={busy} onClick={() => void exportAs('markdown')}>
          Export as Markdown (.zip)
        </button>
        <button type="button" class="button button--quiet" disabled={busy} onClick={() => void exportAs('jsonl')}>
          Export as JSON Lines
        </button>
      </p>
      {report && <ImportReport {...report} />}
    </>
  );
}
