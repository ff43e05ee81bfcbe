import { DEFAULT_SETTINGS, isSiteEnabled, mayRememberReading, type Settings } from './settings';
import { dismissalsOf, type SiteDismissals } from './site-dismissals';

/**
 * What a page script needs of the settings and dismissals, for its own site only: the
 * background answers it (`page.config`), since content scripts may not read or write the
 * storage that holds them. Neither the list of sites turned off nor other sites'
 * choices leave the background.
 */
export interface PageConfig {
  /** Whether Backstory runs on this site (not paused, the site not turned off). */
  enabled: boolean;
  highlightStyle: Settings['highlightStyle'];
  hoverDelayMs: number;
  highlightCap: number;
  scanCodeBlocks: boolean;
  /** This site's "not this one" pairs (see lib/settings/site-dismissals.ts). */
  dismissed: string[];
  /** Seconds of reading after which this page is remembered ("Remember what I read"); null where it is not. */
  rememberAfterSeconds: number | null;
}

/** What a page uses before the background has answered: nothing runs yet. */
export const PAGE_CONFIG_BEFORE_ANSWER: Readonly<PageConfig> = Object.freeze({
  enabled: false,
  highlightStyle: DEFAULT_SETTINGS.highlightStyle,
  hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
  highlightCap: DEFAULT_SETTINGS.highlightCap,
  scanCodeBlocks: DEFAULT_SETTINGS.scanCodeBlocks,
  dismissed: [],
  rememberAfterSeconds: null,
});

/** The page configuration of one site, from the whole settings and dismissals. */
export function pageConfigFor(settings: Settings, dismissals: SiteDismissals | null | undefined, site: string): PageConfig {
  return {
    enabled: isSiteEnabled(settings, site),
    highlightStyle: settings.highlightStyle,
    hoverDelayMs: settings.hoverDelayMs,
    highlightCap: settings.highlightCap,
    scanCodeBlocks: settings.scanCodeBlocks,
    dismissed: [...dismissalsOf(dismissals, site)],
    rememberAfterSeconds: site && mayRememberReading(settings, site) ? settings.readingSeconds : null,
  };
}
