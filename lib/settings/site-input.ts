/**
 * What a user types into "Sites where Backstory stays off": a URL, a host name, or a
 * wildcard like `*.example.com`, made into the stored site key, or a sentence saying
 * what is wrong with it.
 */
import { siteKey } from './settings';

export type SiteInput = { ok: true; site: string } | { ok: false; message: string };

/** The host names a match pattern accepts (site-patterns.ts leaves any other out). */
const HOSTNAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/u;
const WITH_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//iu;
/** Addresses that are not web pages; Backstory never runs there anyway. */
const NOT_WEB = /^(about|blob|chrome|chrome-extension|data|edge|file|javascript|mailto|moz-extension|view-source):/iu;
/** `*.example.com` and `.example.com` mean the site with its subdomains, as every entry does. */
const WILDCARD = /^((?:https?:\/\/)?)(?:\*\.|\.)/iu;
const EXAMPLE = 'Type it like example.org.';

/**
 * Reads one entry: "https://www.Example.org/news" → "example.org", "*.example.com" →
 * "example.com", "Example.org:8080" → "example.org". A host without a dot (other than
 * localhost), an address that is not a web page, or characters no host name has are
 * refused with a message that says why.
 */
export function parseSiteInput(input: string): SiteInput {
  const text = input.trim();
  if (!text) return { ok: false, message: `Type a site first. ${EXAMPLE}` };
  const scheme = NOT_WEB.exec(text)?.[1] ?? WITH_SCHEME.exec(text)?.[1];
  if (scheme && !/^https?$/iu.test(scheme)) {
    return { ok: false, message: `Backstory only runs on web pages (http and https), not on ${scheme.toLowerCase()}: addresses.` };
  }
  if (/\s/u.test(text)) return { ok: false, message: `A site name has no spaces. ${EXAMPLE}` };
  const address = text.replace(WILDCARD, '$1');
  let host: string;
  try {
    host = new URL(WITH_SCHEME.test(address) ? address : `https://${address}`).hostname;
  } catch {
    return { ok: false, message: `“${text}” is not a site name. ${EXAMPLE}` };
  }
  if (host.startsWith('[')) return { ok: false, message: 'IPv6 addresses cannot be listed here; use the site’s name.' };
  if (!HOSTNAME.test(host)) return { ok: false, message: `“${text}” is not a site name. ${EXAMPLE}` };
  if (!host.includes('.') && host !== 'localhost') return { ok: false, message: `“${host}” has no ending like .com or .org. ${EXAMPLE}` };
  return { ok: true, site: siteKey(host) };
}
