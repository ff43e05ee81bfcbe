/**
 * The store listing of a release: screenshots and promo tile from the built Chrome
 * extension, and the texts (store/listing.md with docs/privacy.md's permission
 * justifications). Called by release.ts; `npm run store` runs it alone, into
 * .output/store/, for working on the listing.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeStoreScreenshots } from './store-screenshots';
import { storeTexts } from './store-texts';

export async function writeStoreListing(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const texts = storeTexts(await readFile('store/listing.md', 'utf8'), await readFile('docs/privacy.md', 'utf8'));
  await writeFile(join(dir, 'listing.md'), texts.listing);
  await writeFile(join(dir, 'short-description.txt'), `${texts.shortDescription}\n`);
  await writeFile(join(dir, 'long-description.txt'), `${texts.longDescription}\n`);
  assertCjkFont();
  await writeStoreScreenshots(dir);
}

/** The demo page names Xi Jinping in Chinese too: without a CJK font the screenshots show boxes. */
function assertCjkFont(): void {
  const fonts = execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (!fonts.trim()) throw new Error('No Chinese font for the store screenshots: install one (Debian: apt-get install fonts-noto-cjk).');
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  await writeStoreListing('.output/store');
  console.info('Store listing written to .output/store/');
}
