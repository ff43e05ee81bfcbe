// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';
import { quietLogger } from '../../../scripts/release/quiet-logger';
import { askedPermissions, readJustifiedPermissions, unjustifiedPermissions } from '../../../scripts/release/permissions';

/** A built manifest, as the stores receive it (WXT adds host permissions of its own). */
interface BuiltManifest {
  permissions?: string[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } }; gecko_android?: object };
}

const BUILD_TIMEOUT_MS = 120_000;

describe('the built manifests ask for nothing docs/privacy.md does not justify', () => {
  let outDir: string;
  let policy: string;
  const manifests: Record<'chrome' | 'firefox', BuiltManifest> = { chrome: {}, firefox: {} };

  beforeAll(async () => {
    policy = await readFile('docs/privacy.md', 'utf8');
    // Built into a temporary folder, so a test run never replaces the .output the browsers load.
    outDir = await mkdtemp(join(tmpdir(), 'backstory-manifest-'));
    for (const browser of ['chrome', 'firefox'] as const) {
      const output = await build({ browser, outDir, logger: quietLogger });
      manifests[browser] = output.manifest as BuiltManifest;
    }
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each(['chrome', 'firefox'] as const)('%s: every permission is justified, and optional ones stay optional', (browser) => {
    const asked = askedPermissions(manifests[browser]);
    expect(asked.length).toBeGreaterThan(0);
    expect(unjustifiedPermissions(asked, readJustifiedPermissions(policy))).toEqual([]);
  });

  it('every permission the policy justifies is asked for by some build (no stale explanations)', () => {
    const asked = new Set([...askedPermissions(manifests.chrome), ...askedPermissions(manifests.firefox)].map((p) => p.name));
    expect(readJustifiedPermissions(policy).filter((p) => !asked.has(p.name))).toEqual([]);
  });

  it.each(['chrome', 'firefox'] as const)('%s: grants all sites at install and has no optional permission that could never be asked', (browser) => {
    const manifest = manifests[browser] as BuiltManifest & { host_permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[] };
    expect([...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])]).toContain('<all_urls>');
    expect([...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])]).toEqual([]);
  });

  it('the Firefox build declares Firefox for Android (the same zip serves both); the Chrome build does not carry Firefox settings', () => {
    expect(manifests.firefox.browser_specific_settings?.gecko_android).toEqual({});
    expect(manifests.chrome.browser_specific_settings).toBeUndefined();
  });

  it('automatic backups: downloads in both builds; offscreen only in Chrome, whose service worker cannot make a blob URL', () => {
    expect(manifests.chrome.permissions).toEqual(expect.arrayContaining(['downloads', 'offscreen']));
    expect(manifests.firefox.permissions).toContain('downloads');
    expect(manifests.firefox.permissions).not.toContain('offscreen');
  });

  it("Firefox's add-on ID is the one docs/releasing.md names, and no placeholder (AMO keeps it forever)", async () => {
    const id = manifests.firefox.browser_specific_settings?.gecko?.id ?? '';
    expect(id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/u);
    expect(await readFile('docs/releasing.md', 'utf8')).toContain(id);
  });

  it('Firefox declares that it collects no data, as the policy says', () => {
    expect(manifests.firefox.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(policy).toContain('`data_collection_permissions: none`');
  });
});

describe('reading the policy and a manifest', () => {
  const policy = ['# P', '## Permissions', '- `storage` (required): settings.', '- `https://*/*` (optional): one site at a time.', '## Contact'].join('\n');

  it('reads each justified permission with its kind', () => {
    expect(readJustifiedPermissions(policy).map((p) => `${p.name}:${p.kind}`)).toEqual(['storage:required', 'https://*/*:optional']);
  });

  it('names a permission the policy does not justify', () => {
    const asked = askedPermissions({ permissions: ['storage', 'history'] });
    expect(unjustifiedPermissions(asked, readJustifiedPermissions(policy))).toEqual(['"history" is not justified in docs/privacy.md']);
  });

  it('refuses an optional permission asked for at install, through any manifest field', () => {
    for (const manifest of [{ host_permissions: ['https://*/*'] }, { content_scripts: [{ matches: ['https://*/*'] }] }]) {
      expect(unjustifiedPermissions(askedPermissions(manifest), readJustifiedPermissions(policy))).toEqual([
        '"https://*/*" is asked for at install, but docs/privacy.md says it is optional',
      ]);
    }
  });

  it('refuses a policy without its permissions section', () => {
    expect(() => readJustifiedPermissions('# Nothing here')).toThrow(/Permissions/);
  });
});
