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
  /** Our content script does not answer in the tab (yet: the background starts it in open tabs when it can). */
  | { status: 'unreachable' }
  /** `cappedAt`: the page has more names than the highlight cap; the counts stop there. */
  | { status: 'ready'; entities: PageEntity[]; cappedAt?: number };

/**
 * How often the open popup asks the page again, in milliseconds: the page may still be
 * scanning (just turned on, a page still loading), Backstory may be arriving in the tab,
 * or the page may change. One message to one tab; the list re-renders only on a change.
 */
const FOLLOW_PAGE_MS = 1_000;
const NO_ANSWER = '';

/** What Backstory found on the target tab, asked again whenever the settings change, and followed while the popup is open. */
export function usePageMentions(tabId: number | undefined, page: PageKind | undefined, settings: Settings | undefined): PageMentions {
  const [state, setState] = useState<PageMentions>({ status: 'loading' });
  useEffect(() => {
    if (!page || !settings) return;
    // Paused is said first: it is true of every page, and the user may have forgotten it.
    if (settings.paused) return setState({ status: 'paused' });
    if (page.kind === 'restricted' || tabId === undefined) return setState({ status: 'restricted' });
    if (!isSiteEnabled(settings, page.site)) return setState({ status: 'site-off', site: page.site });
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastAnswer: string | undefined;
    const ask = async () => {
      try {
        const reply = await askTab(tabId, 'tab.mentions', {});
        const answer = JSON.stringify(reply);
        if (answer !== lastAnswer) {
          const rows = await getDatabase().entities.bulkGet(reply.entities.map((e) => e.entityKey));
          const entities = reply.entities.map((e, i) => ({ ...e, name: rows[i]?.name, type: rows[i]?.type }));
          if (current) setState(reply.enabled ? { status: 'ready', entities, cappedAt: reply.cappedAt } : { status: 'site-off', site: page.site });
          lastAnswer = answer;
        }
      } catch {
        if (current && lastAnswer !== NO_ANSWER) setState({ status: 'unreachable' });
        lastAnswer = NO_ANSWER;
      }
      if (current) timer = setTimeout(() => void ask(), FOLLOW_PAGE_MS);
    };
    void ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [tabId, page, settings]);
  return state;
}
