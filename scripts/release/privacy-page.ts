/**
 * The extension's own copy of the privacy policy (privacy.html, linked from the options
 * page), made from docs/privacy.md at build time so there is one text to keep true.
 * Reading it needs no network. Raw HTML in the Markdown is escaped, not rendered.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { micromark } from 'micromark';

export const PRIVACY_PAGE = 'privacy.html';

/** The page for `markdown`, styled with the palette every extension page uses (`pageCss`). */
export function privacyPageHtml(markdown: string, pageCss: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Backstory — Privacy policy</title>
<style>
${pageCss}
body { margin: 0; background: var(--bg); color: var(--fg); }
main { max-width: 46em; margin: 0 auto; padding: 24px 20px 48px; }
code { background: var(--chip); padding: 0 4px; border-radius: 4px; overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
${micromark(markdown)}
</main>
</body>
</html>
`;
}

/** privacy.html as WXT's `build:publicAssets` hook adds it to every build. */
export function privacyPageAsset(root: string): { relativeDest: string; contents: string } {
  const markdown = readFileSync(resolve(root, 'docs/privacy.md'), 'utf8');
  const pageCss = readFileSync(resolve(root, 'components/extension-page.css'), 'utf8');
  return { relativeDest: PRIVACY_PAGE, contents: privacyPageHtml(markdown, pageCss) };
}
