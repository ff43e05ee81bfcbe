import type { BackstoryDatabase } from '../db/database';
import type { Pack } from '../pack/schema';
import { installPack } from './install-pack';
import { compareSemver } from './semver';

export const STARTER_PACK_ID = 'starter-sco-2024';
const STARTER_OFFERED_KEY = 'starterPackOffered';

/**
 * Installs the built-in starter pack once, on first run, so the extension is useful at
 * once; updates it when a newer one ships; never brings it back after the user removed it.
 */
export async function ensureStarterPack(
  db: BackstoryDatabase,
  loadStarterPack: () => Promise<Pack>,
): Promise<'installed' | 'updated' | 'unchanged'> {
  const offered = await db.meta.get(STARTER_OFFERED_KEY);
  const installed = await db.packs.get(STARTER_PACK_ID);
  if (offered && !installed) return 'unchanged';
  const pack = await loadStarterPack();
  if (installed && compareSemver(pack.pack.version, installed.version) <= 0) return 'unchanged';
  const result = await installPack(db, pack, { source: { kind: 'builtin' } });
  await db.meta.put({ key: STARTER_OFFERED_KEY, value: true });
  return result.status === 'updated' ? 'updated' : 'installed';
}
