/** What the popup can do on a page, decided from its URL. */
export type PageKind =
  | { kind: 'web'; site: string }
  /** Browser pages, the extension stores, other extensions: content scripts cannot run there. */
  | { kind: 'restricted' };

/** Hosts where browsers forbid content scripts even though the page is https. */
const RESTRICTED_HOSTS: ReadonlySet<string> = new Set(['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);
const RESTRICTED_PATH_PREFIXES: ReadonlyArray<[host: string, path: string]> = [['chrome.google.com', '/webstore']];

/** Classifies the active tab's URL; `siteKeyOf` turns a hostname into the stored site form. */
export function pageKind(url: string | undefined, siteKeyOf: (hostname: string) => string): PageKind {
  if (!url) return { kind: 'restricted' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'restricted' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'restricted' };
  if (RESTRICTED_HOSTS.has(parsed.hostname)) return { kind: 'restricted' };
  if (RESTRICTED_PATH_PREFIXES.some(([host, path]) => parsed.hostname === host && parsed.pathname.startsWith(path))) return { kind: 'restricted' };
  return { kind: 'web', site: siteKeyOf(parsed.hostname) };
}
