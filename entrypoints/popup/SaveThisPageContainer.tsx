import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SaveThisPage, type SavedArticleLink } from '../../components/SaveThisPage';
import { getDatabase } from '../../lib/db/database';
import { findArticlesByUrl } from '../../lib/kb/find-by-url';
import { createMessageClient } from '../../lib/messages/client';
import { openArticle } from './open-article';
import { pageUrls, targetTabId } from './target-tab';

const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));

/** "Save this page" for the tab the popup was opened on, and whether it is already saved. */
export function SaveThisPageContainer() {
  const [tabId, setTabId] = useState<number>();
  const [saved, setSaved] = useState<SavedArticleLink[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      if (id === undefined) return;
      const db = getDatabase();
      for (const url of await pageUrls(id)) {
        const found = await findArticlesByUrl(db, url);
        if (found.length > 0) {
          setSaved(found);
          return;
        }
      }
    })().catch((e: unknown) => console.error('Backstory: could not look up this page', e));
  }, []);

  if (tabId === undefined) return null;
  return (
    <SaveThisPage
      saved={saved}
      busy={busy}
      error={error}
      onOpen={openArticle}
      onSave={() => {
        setBusy(true);
        setError(undefined);
        // The background reads the page and opens the preview in a new tab, which closes the popup.
        client
          .send('page.capture', { tabId })
          .catch((e: unknown) => {
            console.error('Backstory: could not read this page', e);
            setError('Backstory could not read this page.');
          })
          .finally(() => setBusy(false));
      }}
    />
  );
}
