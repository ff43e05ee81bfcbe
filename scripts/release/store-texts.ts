/**
 * The store listing's texts: store/listing.md's sections, checked against the stores'
 * limits, plus the permission justifications of docs/privacy.md (the reviewers of both
 * stores ask for one per permission; the policy is their one source).
 */
import { readJustifiedPermissions } from './permissions';

/** Chrome Web Store: the summary shown under the name is at most 132 characters. */
export const SHORT_DESCRIPTION_MAX_CHARS = 132;
/** Chrome Web Store's description limit (addons.mozilla.org allows more). */
export const LONG_DESCRIPTION_MAX_CHARS = 16_000;

export interface StoreTexts {
  shortDescription: string;
  longDescription: string;
  /** The whole listing, for the person submitting: every section and the permissions. */
  listing: string;
}

/** The text under each `## Heading` of a Markdown file, trimmed. */
function sections(markdown: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    map.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
  }
  return map;
}

export function storeTexts(listingMarkdown: string, privacyMarkdown: string): StoreTexts {
  const parts = sections(listingMarkdown);
  const section = (name: string) => {
    const text = parts.get(name);
    if (!text) throw new Error(`store/listing.md has no "## ${name}" section`);
    return text;
  };
  const shortDescription = section('Short description');
  const longDescription = section('Long description');
  if ([...shortDescription].length > SHORT_DESCRIPTION_MAX_CHARS) {
    throw new Error(`The short description has ${[...shortDescription].length} characters; the Chrome Web Store allows ${SHORT_DESCRIPTION_MAX_CHARS}.`);
  }
  if ([...longDescription].length > LONG_DESCRIPTION_MAX_CHARS) throw new Error('The long description is too long for the Chrome Web Store.');
  const permissions = readJustifiedPermissions(privacyMarkdown).map((p) => `- ${p.name} (${p.kind}): ${p.why}`);
  const listing = [
    ...[...parts].map(([name, text]) => `## ${name}\n\n${text}`),
    `## Permission justifications\n\n${permissions.join('\n')}`,
  ].join('\n\n');
  return { shortDescription, longDescription, listing: `# Backstory: store listing\n\n${listing}\n` };
}
