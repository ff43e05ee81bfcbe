/**
 * Every message between Backstory's parts, declared once: the schema of its payload
 * (checked at the receiving door, lib/messages/channel.ts, before any handler runs), who
 * may send it, and the type of its reply. Request types derive from the schemas; both
 * sides import them from here. Replies are `{ ok: true, result }` or `{ ok: false, error }`.
 */
import * as v from 'valibot';
import type { EntityCard } from '../kb/entity-card';
import type { RestoreOutcome } from '../kb/backup';
import type { ImportOutcome, ImportProgress } from '../kb/import-pipeline';
import type { SaveUserArticleResult, UserArticleInput, UserEntityInput } from '../kb/my-articles';
import type { SearchResults } from '../search/types';
import type { PageConfig } from '../settings/page-config';
import type { FeedRecord } from '../feeds/feed-store';
import { type Declarations, type MessageDeclaration, type PayloadOf, type RequestOf, type ResponseOf, returns, type SenderRole } from './channel';

/** Page text per scan request, in UTF-16 code units: bounds the work one message can ask for. */
export const MAX_SCAN_CHARS = 4_000_000;
/** Cards per `entity.cards` request (the candidates of one name). */
export const MAX_CARD_KEYS = 16;
/** Longest name or entity key accepted in a dismissal (UTF-16 code units). */
export const MAX_DISMISS_FIELD = 300;
/** Longest feed address, and feed title, accepted (UTF-16 code units). */
const MAX_FEED_URL = 2000;
const MAX_FEED_TITLE = 500;
/** Feeds per `feeds.followMany`: an OPML import of 500 is sent in 10, so the page can say its progress. */
export const MAX_FOLLOW_BATCH = 50;

/** A feed a page advertises (`<link rel="alternate" type="application/rss+xml">`). */
export interface AdvertisedFeed {
  url: string;
  title?: string;
}

/** What became of a 'reading.remember': saved (or updated), or why not. */
export type RememberReadingReply =
  | { status: 'saved' | 'updated'; articleKey: string }
  | { status: 'skipped'; reason: 'off' | 'private' | 'site' | 'no-article' | 'not-saved' };

/** A mention found in one scanned text: [start, end) and the entities it may refer to. */
export interface ScannedMention {
  start: number;
  end: number;
  /** Entity keys this name may refer to (several for a shared alias). */
  entityKeys: readonly string[];
}

const ANYONE: readonly SenderRole[] = ['extension-page', 'content-script'];
const EXTENSION_PAGES: readonly SenderRole[] = ['extension-page'];
const CONTENT_SCRIPTS: readonly SenderRole[] = ['content-script'];

/** Declares one message, keeping its own schema, reply and progress types. */
// Pure: a bundle that does not use a declaration (the content script, most of them) drops it.
/* @__NO_SIDE_EFFECTS__ */
function message<Schema extends v.GenericSchema, Response, Progress = never>(
  declaration: MessageDeclaration<Schema, Response, Progress>,
): MessageDeclaration<Schema, Response, Progress> {
  return declaration;
}

/* @__NO_SIDE_EFFECTS__ */
function nonEmptyUpTo(max: number) {
  return v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
}

/** Messages to the background (`runtime.sendMessage`), answered by entrypoints/background/handlers.ts. */
export const BACKGROUND_MESSAGES = {
  /** Find the known names in some page texts. */
  'page.scan': message({
    payload: v.object({
      texts: v.pipe(
        v.array(v.string()),
        v.check((texts) => texts.reduce((n, t) => n + t.length, 0) <= MAX_SCAN_CHARS, `Too much text in one request (at most ${MAX_SCAN_CHARS} characters)`),
      ),
    }),
    senders: ANYONE,
    response: returns<{ mentions: ScannedMention[][]; revision: number }>(),
  }),
  /** What the popover shows. */
  'entity.cards': message({
    payload: v.object({ entityKeys: v.pipe(v.array(v.string()), v.maxLength(MAX_CARD_KEYS, `at most ${MAX_CARD_KEYS} cards per request`)) }),
    senders: ANYONE,
    response: returns<{ cards: EntityCard[] }>(),
  }),
  /** Open an article of the library in a new tab. */
  'article.open': message({
    payload: v.object({ articleKey: v.string() }),
    senders: ANYONE,
    response: returns<{ opened: boolean }>(),
  }),
  /** Open an entity's page in the library, with all its articles, in a new tab ("N more" in the popover). */
  'entity.open': message({
    payload: v.object({ entityKey: nonEmptyUpTo(MAX_DISMISS_FIELD) }),
    senders: ANYONE,
    response: returns<{ opened: boolean }>(),
  }),
  /**
   * The settings and "not this one" choices a page script needs, for the sender's own site
   * (taken from the sender's frame or tab, never from the request): content scripts do not
   * read the storage that holds them.
   */
  'page.config': message({
    payload: v.object({}),
    senders: ANYONE,
    response: returns<PageConfig>(),
  }),
  /**
   * "Not this one": stop offering an entity for a name on the sender's site (the site is
   * taken from the sender's tab, never from the request).
   */
  'site.dismiss': message({
    payload: v.object({ text: nonEmptyUpTo(MAX_DISMISS_FIELD), entityKey: nonEmptyUpTo(MAX_DISMISS_FIELD) }),
    senders: ANYONE,
    response: returns<{ site: string }>(),
  }),
  /** Undo of 'site.dismiss' (the card's "Undo"), for the sender's site likewise. */
  'site.undismiss': message({
    payload: v.object({ text: nonEmptyUpTo(MAX_DISMISS_FIELD), entityKey: nonEmptyUpTo(MAX_DISMISS_FIELD) }),
    senders: ANYONE,
    response: returns<{ site: string }>(),
  }),
  /** "Turn off on this site" in the card: for the sender's tab's site (never one named by the page). */
  'site.disable': message({
    payload: v.object({}),
    senders: ANYONE,
    response: returns<{ site: string }>(),
  }),
  /**
   * "Remember what I read": the sender's tab has been read for the reading time. The
   * background checks the setting, the tab (never private, never an excluded or turned-off
   * site), reads the article itself and saves it to "My reading"; nothing comes from the page.
   */
  'reading.remember': message({
    payload: v.object({}),
    senders: CONTENT_SCRIPTS,
    response: returns<RememberReadingReply>(),
  }),
  /**
   * Inject the card's code into the sender's frame (lib/extension/card-script.ts): a page
   * script asks on its first hover, so that pages nobody hovers never load it.
   */
  'card.load': message({
    payload: v.object({}),
    senders: CONTENT_SCRIPTS,
    response: returns<{ loaded: true }>(),
  }),
  /** Search the knowledge base (the popup, before it has loaded its own copy of the index). */
  'kb.search': message({
    payload: v.object({ query: v.string() }),
    senders: EXTENSION_PAGES,
    response: returns<SearchResults>(),
  }),
  /**
   * Read the article of a tab (Readability, injected under activeTab) and open the save
   * preview with it: the popup's "Save this page".
   */
  'page.capture': message({
    payload: v.object({ tabId: v.pipe(v.number(), v.integer('must be a tab id')) }),
    senders: EXTENSION_PAGES,
    response: returns<{ opened: boolean }>(),
  }),
  /**
   * Follow a feed (the popup's "Follow this site", the options page): noted, then fetched at once in the background.
   * With `check` (an address the user typed), the address is asked first: a web page is followed by the first feed
   * it advertises (`foundOn`, the page's `others`), an error or a page without a feed is refused (`bad-request`).
   */
  'feeds.follow': message({
    payload: v.object({ url: nonEmptyUpTo(MAX_FEED_URL), title: v.optional(v.pipe(v.string(), v.maxLength(MAX_FEED_TITLE))), check: v.optional(v.boolean()) }),
    senders: EXTENSION_PAGES,
    response: returns<{ feed: FeedRecord; alreadyFollowed: boolean; foundOn?: string; others?: AdvertisedFeed[] }>(),
  }),
  /**
   * Follow the feeds of an OPML file, a batch at a time (the page says its progress between batches): noted in one
   * write, then fetched in the background, not before the answer. Addresses that cannot be followed are `refused`.
   */
  'feeds.followMany': message({
    payload: v.object({
      feeds: v.pipe(
        v.array(v.object({ url: nonEmptyUpTo(MAX_FEED_URL), title: v.optional(v.pipe(v.string(), v.maxLength(MAX_FEED_TITLE))) })),
        v.maxLength(MAX_FOLLOW_BATCH, `at most ${MAX_FOLLOW_BATCH} feeds per request`),
      ),
    }),
    senders: EXTENSION_PAGES,
    response: returns<{ added: number; alreadyFollowed: number; refused: Array<{ name: string; message: string }> }>(),
  }),
  /** Fetch one followed feed now ("Fetch now"), or, without an id, every feed that is due. */
  'feeds.fetch': message({
    payload: v.object({ feedId: v.optional(nonEmptyUpTo(MAX_DISMISS_FIELD)) }),
    senders: EXTENSION_PAGES,
    response: returns<{ feed?: FeedRecord }>(),
  }),
  /** Unfollow a feed (the popup's "Unfollow"): its record and pack removed, kept by the background for a short Undo. */
  'feeds.unfollow': message({
    payload: v.object({ feedId: nonEmptyUpTo(MAX_DISMISS_FIELD) }),
    senders: EXTENSION_PAGES,
    response: returns<{ unfollowed: boolean }>(),
  }),
  /** Undo the popup's last "Unfollow" of this feed, within its seconds: the feed and its articles as they were. */
  'feeds.undoUnfollow': message({
    payload: v.object({ feedId: nonEmptyUpTo(MAX_DISMISS_FIELD) }),
    senders: EXTENSION_PAGES,
    response: returns<{ restored: boolean }>(),
  }),
  /** Turn on or off reading the full article from the feed's site for items that carry only a summary (off by default). */
  'feeds.fullArticles': message({
    payload: v.object({ feedId: nonEmptyUpTo(MAX_DISMISS_FIELD), on: v.boolean() }),
    senders: EXTENSION_PAGES,
    response: returns<{ feed?: FeedRecord }>(),
  }),
  /** An extension page changed the knowledge base: rebuild derived data, tell tabs. */
  'kb.changed': message({
    payload: v.object({}),
    senders: EXTENSION_PAGES,
    response: returns<{ revision: number }>(),
  }),
  /** "Back up now" on the options page: an automatic backup into the downloads folder, whatever the schedule. */
  'backup.now': message({
    payload: v.object({}),
    senders: EXTENSION_PAGES,
    response: returns<{ written: boolean }>(),
  }),
} satisfies Declarations;

export type BackgroundMessages = typeof BACKGROUND_MESSAGES;
export type MessageType = keyof BackgroundMessages;
export type RequestOfMessage<T extends MessageType> = RequestOf<BackgroundMessages, T>;
export type ResponseOfMessage<T extends MessageType> = ResponseOf<BackgroundMessages, T>;

/**
 * Messages a content script may send: derived from the declarations, never a second list.
 * The door checks each declaration's `senders`; this set is the view tests and docs check.
 * @internal
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = sentBy(BACKGROUND_MESSAGES, 'content-script');

/* @__NO_SIDE_EFFECTS__ */
function sentBy<D extends Declarations>(declarations: D, sender: SenderRole): ReadonlySet<Extract<keyof D, string>> {
  return new Set((Object.keys(declarations) as Array<Extract<keyof D, string>>).filter((type) => declarations[type]!.senders.includes(sender)));
}

/** Questions from extension pages (the popup) to the top frame of one tab (`tabs.sendMessage`). */
export const TAB_MESSAGES = {
  /** What Backstory found on this page: one row per entity, most mentioned first. */
  'tab.mentions': message({
    payload: v.object({}),
    senders: EXTENSION_PAGES,
    /** `cappedAt`: the page has more names than the highlight cap, so the counts stop at that many mentions. */
    response: returns<{ entities: Array<{ entityKey: string; count: number; text: string }>; enabled: boolean; cappedAt?: number }>(),
  }),
  /** The feeds the page advertises, for "Follow this site". */
  'tab.feeds': message({
    payload: v.object({}),
    senders: EXTENSION_PAGES,
    response: returns<{ feeds: AdvertisedFeed[] }>(),
  }),
  /** Scroll to the first mention of an entity and open its popover. */
  'tab.reveal': message({
    payload: v.object({ entityKey: v.string() }),
    senders: EXTENSION_PAGES,
    response: returns<{ found: boolean }>(),
  }),
} satisfies Declarations;

/**
 * Events from the background to every frame of a tab: one-way (the reply is empty), but
 * validated on receipt like any message, since the content script lives in a hostile page.
 */
export const TAB_EVENTS = {
  /** The knowledge base changed: drop cached cards and rescan. */
  'kb.revision': message({
    payload: v.object({ revision: v.number() }),
    senders: EXTENSION_PAGES,
    response: returns<null>(),
  }),
  /** The settings or dismissals changed: ask for this page's again ('page.config'). */
  'config.changed': message({
    payload: v.object({}),
    senders: EXTENSION_PAGES,
    response: returns<null>(),
  }),
  /** A keyboard command asks to step through the page's mentions (sent to the top frame). */
  'mention.step': message({
    payload: v.object({ direction: v.picklist(['next', 'previous']) }),
    senders: EXTENSION_PAGES,
    response: returns<null>(),
  }),
} satisfies Declarations;

export type TabMessages = typeof TAB_MESSAGES;
export type TabEvents = typeof TAB_EVENTS;
export type TabEventPayload<T extends keyof TabEvents> = PayloadOf<TabEvents, T>;

const bytes = v.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be bytes');
/** Deep checks of saved articles are saveUserArticle's own, with pack-format paths: here, only the shape. */
const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Jobs of the library worker (workers/library.worker.ts), started by extension pages. */
export const LIBRARY_JOBS = {
  /** Import one pack file, reporting progress stage by stage. */
  'pack.import': message({
    payload: v.object({
      bytes,
      source: v.variant('kind', [
        v.object({ kind: v.literal('builtin') }),
        v.object({ kind: v.literal('file'), fileName: v.optional(v.string()) }),
        v.object({ kind: v.literal('url'), url: v.string() }),
        v.object({ kind: v.literal('user') }),
        v.object({ kind: v.literal('wikidata') }),
        v.object({ kind: v.literal('feed'), url: v.string() }),
      ]),
      replace: v.boolean(),
      /** For an update: the pack it was downloaded for (see runImport). */
      expectedPackId: v.optional(v.string()),
    }),
    senders: EXTENSION_PAGES,
    response: returns<ImportOutcome>(),
    progress: returns<ImportProgress>(),
  }),
  /** Replace the library with a backup file. */
  'library.restore': message({
    payload: v.object({ bytes, fileName: v.string() }),
    senders: EXTENSION_PAGES,
    response: returns<RestoreOutcome>(),
  }),
  /** Save one article to "My articles" (the options page's "Add an article", the save page). */
  'article.save': message({
    payload: v.object({
      article: v.custom<UserArticleInput>(isPlainObject, 'must be an article'),
      newEntities: v.optional(
        v.custom<readonly UserEntityInput[]>((value) => Array.isArray(value) && value.every(isPlainObject), 'must be a list of entities'),
      ),
      now: v.optional(v.number()),
    }),
    senders: EXTENSION_PAGES,
    response: returns<SaveUserArticleResult>(),
  }),
} satisfies Declarations;

export type LibraryJobs = typeof LIBRARY_JOBS;
