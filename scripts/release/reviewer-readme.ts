/**
 * The README at the top of the sources zip: what a store reviewer runs to rebuild, byte
 * for byte, the add-on they were sent, with the versions this release was built with.
 */

export interface ReviewerReadmeFacts {
  version: string;
  commit: string;
  nodeVersion: string;
  npmVersion: string;
  platform: string;
  /** File name and SHA-256 of each extension zip of the release. */
  zips: ReadonlyArray<{ name: string; browser: 'chrome' | 'firefox'; sha256: string }>;
}

export function reviewerReadme(facts: ReviewerReadmeFacts): string {
  const rebuilt = facts.zips.map(
    (zip) => `- \`npm run zip${zip.browser === 'chrome' ? '' : ':firefox'}\` writes \`.output/${zip.name}\`, SHA-256 \`${zip.sha256}\``,
  );
  return `# Backstory ${facts.version}: rebuilding the add-on from this source

This archive is the source of Backstory ${facts.version} as committed (commit
\`${facts.commit}\`), with this file added. The add-on is built from the TypeScript and
Preact sources in \`entrypoints/\`, \`components/\` and \`lib/\` by WXT and Vite; third-party
code comes from npm, pinned by \`package-lock.json\` (Preact, Dexie, Readability,
MiniSearch, Floating UI, compromise, valibot, TanStack Virtual, @wxt-dev/storage).
Nothing is fetched at build time other than those packages.

## Built with

- Node.js ${facts.nodeVersion} and npm ${facts.npmVersion} (${facts.platform}); use these exact
  versions. WXT declares Node 22 and warns (EBADENGINE) on Node 20: the warning is harmless.
- \`unzip\` and \`sha256sum\` (or \`shasum -a 256\`) to compare.

## Commands

\`\`\`sh
npm ci                 # installs the exact packages of package-lock.json
npm run zip:firefox    # wxt zip -b firefox: builds .output/firefox-mv2 and zips it
sha256sum .output/backstory-${facts.version}-firefox.zip
\`\`\`

The zip is byte-for-byte the one submitted (file order and dates inside it are fixed):

${rebuilt.join('\n')}

To compare file by file instead: \`unzip -d submitted <the submitted zip>\` and
\`diff -r submitted .output/firefox-mv2\` print nothing.

The same zip is the add-on for Firefox on desktop and, once declared, Firefox for Android:
there is no separate Android build.

\`npm run release\` (scripts/release/release.ts) is how the maintainers produce all of the
release's files; it needs Chromium for the store screenshots and is not needed to verify.
`;
}
