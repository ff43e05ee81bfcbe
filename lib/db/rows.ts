/**
 * Row shapes of the knowledge base. Pack fields keep schema.org names; rows add the
 * keys and derived fields that queries need.
 */

/** Where a pack came from: decides whether it can be updated and how it is shown. */
export type PackSource =
  | { kind: 'builtin' }
  | { kind: 'file'; fileName?: string }
  | { kind: 'url'; url: string }
  | { kind: 'user' }
  /** Made in the options page from a Wikidata query (`pack.wikidata`), which a refresh runs again. */
  | { kind: 'wikidata' }
  /** A followed feed (lib/feeds): its articles arrive by themselves. */
  | { kind: 'feed'; url: string };

export interface PackRow {
  id: string;
  name: string;
  version: string;
  description?: string;
  language?: string;
  publisher?: string;
  license?: string;
  homepage?: string;
  updateUrl?: string;
  created?: string;
  source: PackSource;
  enabled: boolean;
  /** Epoch milliseconds. */
  installedAt: number;
  updatedAt: number;
  entityCount: number;
  articleCount: number;
  /** The pack's `pack` object as imported, unknown properties included, for export. */
  original: Record<string, unknown>;
}

/** `packId/entityId`: entity and article ids are only unique inside their pack. */
export type RowKey = string;

export interface EntityRow {
  key: RowKey;
  packId: string;
  id: string;
  name: string;
  type: string;
  alternateName: string[];
  description?: string;
  sameAs: string[];
  url?: string;
  caseSensitive?: boolean;
  exclude?: string[];
  /** `name` folded (lib/text/fold.ts): the index the library browses and searches by. Since schema v2. */
  nameFold?: string;
  /**
   * Properties of the pack's entity that no field above holds (unknown ones, `match`),
   * kept for export; absent when there are none. Since schema v3, which dropped the
   * full `original` copy: a second copy of every row made imports slower.
   */
  extra?: Record<string, unknown>;
}

export interface ArticleRow {
  key: RowKey;
  packId: string;
  id: string;
  headline: string;
  url?: string;
  author: string[];
  publisher?: string;
  datePublished?: string;
  inLanguage?: string;
  description?: string;
  articleBody?: string;
  about: string[];
  /** The pack's declared mention ids; absent when the pack left mentions to the matcher (pack-format.md). */
  mentions?: string[];
  keywords: string[];
  /** `datePublished`, or '' when unknown: the index the library lists articles by, newest first. Since schema v2. */
  sortDate?: string;
  /**
   * Every entity the article mentions, with the sentence where it first does: precomputed
   * at import so a hover reads a few rows and searches no text. Since schema v3, which
   * folded the separate mention rows into their article (a row per mention made imports
   * slow: IndexedDB's cost is per row).
   */
  entityMentions: ArticleMention[];
  /** One `mentionIndexKey(entityKey, sortDate)` per mention: how an entity's articles are listed newest first. Since schema v3. */
  mentionIndex: string[];
  /** `url` as lookups compare it (lib/kb/find-by-url.ts); absent without a usable URL. Since schema v3. */
  urlKey?: string;
  /** Properties of the pack's article that no field above holds, for export; absent when none. Since schema v3. */
  extra?: Record<string, unknown>;
}

/** One entity an article names, and where. */
export interface ArticleMention {
  entityKey: RowKey;
  /** The first sentence that names the entity, else the article's summary or headline. */
  sentence: string;
  /** 'about' when the article is mainly about the entity. */
  role: 'about' | 'mentions';
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The user's own changes to an entity, kept apart from the pack's rows so that they
 * survive an update of the pack (same `packId/id` key) and are applied when building
 * the matcher and cards. Since schema v2.
 */
export interface EntityEditRow {
  key: RowKey;
  /** Replaces the pack's aliases when set. */
  alternateName?: string[];
  /** Replaces the pack's description when set. */
  description?: string;
  /** Not highlighted on pages (still searchable and browsable). */
  hidden?: boolean;
  /** Epoch milliseconds. */
  updatedAt: number;
}
