/**
 * What one feed may make Backstory read and keep. A feed is a file on someone else's
 * server: these bound the memory and time a hostile or broken one can take.
 */

const MB = 1000 * 1000;

export const FEED_LIMITS = {
  /**
   * Largest feed answer read, in bytes (10 MB). Smaller than a pack's cap (256 MB): a
   * real feed of a hundred full articles is under 2 MB, and a feed is parsed whole in
   * the background's memory every two hours.
   */
  maxBytes: 10 * MB,
  /** Characters of decoded text handed to the parser (UTF-16 code units). */
  maxTextChars: 12 * MB,
  /** Items read from one answer; the rest are ignored. */
  maxItems: 500,
  /** Characters of one article's text kept. */
  maxBodyChars: 100_000,
  /** Characters of a headline, an author, a feed title. */
  maxLineChars: 500,
  /** Characters of a summary kept beside full content. */
  maxSummaryChars: 1_000,
  maxAuthors: 10,
  /** The longest a fetch may take, answer and body together. */
  timeLimitMs: 60_000,
} as const;

/** What the user may choose for a feed's retention (the Feeds section; a backup's feed choices are held to it too). */
export const RETENTION_DAYS_RANGE = { min: 1, max: 3650 } as const;
export const KEPT_ITEMS_RANGE = { min: 10, max: 10_000 } as const;
