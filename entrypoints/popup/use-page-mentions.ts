import { useEffect, useState } from 'preact/hooks';
import { getDatabase } from '../../lib/db/database';
import type { Settings } from '../../lib/settings/settings';
import { isSiteEnabled } from '../../lib/settings/settings';
import type { PageKind } from './page-kind';
import { askTab } from './tab-client';

export interface PageEntity {
  entityKey: string;
  count: number;
  /** The name as the page writes it. */
  text: string;
  /** The entity's own name and type, when it is still in the library. */
  name?: string;
  type?: string;
}

export type PageMentions =
  | { status: 'loading' }
  | { status: 'restricted' }
  | { status: 'paused' }
  | { status: 'site-off'; site: string }
  /** Our content script is not in the tab: a page opened before Backstory was installed or turned on. */
  | { status: 'unreachable' }
  | { status: 'ready'; entities: PageEntity[] };

/** What Backstory found on the target tab, asked again whenever the settings change. */
export function usePageMentions(tabId: number | undefined, page: PageKind | undefined, settings: Settings | undefined): PageMentions {
  const [state, setState] = useState<PageMentions>({ status: 'loading' });
  useEffect(() => {
    if (!page || !settings) return;
    // Paused is said first: it is true of every page, and the user may have forgotten it.
    if (settings.paused) return setState({ status: 'paused' });
    if (page.kind === 'restricted' || tabId === undefined) return setState({ status: 'restricted' });
    if (!isSiteEnabled(settings, page.site)) return setState({ status: 'site-off', site: page.site });
    let current = true;
    void (async () => {
      try {
        const reply = await askTab(tabId, 'tab.mentions', {});
        const rows = await getDatabase().entities.bulkGet(reply.entities.map((e) => e.entityKey));
        const entities = reply.entities.map((e, i) => ({ ...e, name: rows[i]?.name, type: rows[i]?.type }));
        if (current) setState(reply.enabled ? { status: 'ready', entities } : { status: 'site-off', site: page.site });
      } catch {
        if (current) setState({ status: 'unreachable' });
      }
    })();
    return () => {
      current = false;
    };
  }, [tabId, page, settings]);
  return state;
}
