/**
 * The URL if it is an absolute http(s) URL, else undefined. Pack content is untrusted:
 * a `javascript:` or `data:` link must never become clickable.
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The URL as stored articles are compared by: absolute http(s), without the fragment. */
export function comparableUrl(url: string | undefined): string | undefined {
  const safe = safeHttpUrl(url);
  if (!safe) return undefined;
  const parsed = new URL(safe);
  parsed.hash = '';
  return parsed.href;
}
