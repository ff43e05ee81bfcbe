/**
 * Whether an address is on the public internet: what an update address written inside
 * a pack must be, so that a pack cannot make Backstory send requests into the user's
 * own machine or network (a router's admin page, a cloud metadata service).
 *
 * Only the address as written is judged: a public name whose DNS answers with a private
 * address (DNS rebinding) is not caught here (docs/SECURITY.md, Known gaps).
 */
import ipaddr from 'ipaddr.js';

/** Names that never leave the machine or the local network (RFC 6761, RFC 6762, RFC 8375). */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan'];

/** Whether `hostname` (a name or an IP address, IPv6 in brackets or not) is on the public internet. */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  // ipaddr.process turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it is.
  if (ipaddr.isValid(host)) return ipaddr.process(host).range() === 'unicast';
  if (host === 'localhost' || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return false;
  // A single-label name ("router", "intranet") resolves only on a local network.
  return host.includes('.');
}

/** Why `url` may not be an update address written in a pack, as a sentence; undefined when it may. */
export function packAddressProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a valid address';
  }
  if (parsed.protocol !== 'https:') return 'an address written in a pack must use https';
  if (!isPublicHost(parsed.hostname)) return `${parsed.hostname} is not a public address (only an address you type yourself may be local)`;
  return undefined;
}
