/**
 * The followed list as OPML, the file every feed reader imports and exports: read with
 * feedsmith (outlines nested in folders included), written with it.
 */
import { generateOpml, parseOpml } from 'feedsmith';
import { feedAddressProblem, normalizeFeedUrl } from './feed-store';

/** Feeds one OPML file may add: a file of thousands is not a reading list. */
export const MAX_OPML_FEEDS = 500;
const MAX_TITLE_CHARS = 500;

export interface OpmlFeed {
  url: string;
  title?: string;
}

type Outline = { text?: string; title?: string; xmlUrl?: string; outlines?: Outline[] };

export interface OpmlList {
  /** The http and https feeds, each once. */
  feeds: OpmlFeed[];
  /** Names of the outlines whose feed address is no web address (javascript:, not a URL…), so the user is told. */
  skipped: string[];
  /** Feeds past the {@link MAX_OPML_FEEDS} one file may add, left out (and said so). */
  leftOut: number;
}

/** The feeds an OPML file lists, and those it names that cannot be followed; undefined when the text is not OPML. */
export function readOpml(text: string): OpmlList | undefined {
  let outlines: Outline[];
  try {
    outlines = (parseOpml(text).body?.outlines ?? []) as Outline[];
  } catch {
    return undefined;
  }
  const feeds = new Map<string, OpmlFeed>();
  const beyond = new Set<string>();
  const skipped: string[] = [];
  const visit = (list: Outline[], depth: number) => {
    for (const outline of list) {
      const url = outline.xmlUrl?.trim();
      const title = (outline.title ?? outline.text)?.trim().slice(0, MAX_TITLE_CHARS) || undefined;
      if (url && !feedAddressProblem(url)) {
        const href = normalizeFeedUrl(url);
        if (feeds.has(href)) continue;
        if (feeds.size < MAX_OPML_FEEDS) feeds.set(href, { url: href, ...(title ? { title } : {}) });
        else beyond.add(href);
      } else if (url) {
        skipped.push(title ?? url.slice(0, MAX_TITLE_CHARS));
      }
      if (outline.outlines && depth < 8) visit(outline.outlines, depth + 1);
    }
  };
  visit(outlines, 0);
  return { feeds: [...feeds.values()], skipped, leftOut: beyond.size };
}

/** An OPML 2.0 file of the followed feeds. */
export function writeOpml(feeds: readonly OpmlFeed[], now = new Date()): string {
  return generateOpml({
    head: { title: 'Feeds followed in Backstory', dateCreated: now },
    body: { outlines: feeds.map((f) => ({ text: f.title ?? f.url, title: f.title ?? f.url, type: 'rss', xmlUrl: f.url })) },
  });
}
