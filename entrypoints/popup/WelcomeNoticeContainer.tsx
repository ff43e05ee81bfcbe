import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WelcomeNotice } from '../../components/WelcomeNotice';
import { getDatabase } from '../../lib/db/database';
import { finishWelcome, isWelcomeDone } from '../../lib/kb/wikidata-packs';

/**
 * Shown to a new user until they add names from Wikidata or dismiss it (the options page's
 * greeting and this share one flag). Read after the popup is up, so it never delays search.
 */
export function WelcomeNoticeContainer() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    void isWelcomeDone(getDatabase()).then((done) => setShown(!done), () => undefined);
  }, []);
  if (!shown) return null;
  return (
    <WelcomeNotice
      onOpen={() => void browser.runtime.openOptionsPage()}
      onDismiss={() => {
        setShown(false);
        void finishWelcome(getDatabase());
      }}
    />
  );
}
