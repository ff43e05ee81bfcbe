import { browser } from 'wxt/browser';
import type { Pack } from '../../lib/pack/schema';
import { validatePack } from '../../lib/pack/validate';

/** The starter pack ships inside the extension (public/packs/): reading it is no network. */
export async function loadBundledStarterPack(): Promise<Pack> {
  const url = browser.runtime.getURL('/packs/starter.pack.json');
  const response = await fetch(url);
  const validation = validatePack(await response.json());
  if (!validation.ok) {
    throw new Error(`Built-in starter pack is invalid: ${validation.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  return validation.pack;
}
