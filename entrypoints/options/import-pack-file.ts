import { browser } from 'wxt/browser';
import { getDatabase } from '../../lib/db/database';
import { installPack, type InstallPackResult } from '../../lib/kb/install-pack';
import { createMessageClient } from '../../lib/messages/client';
import type { PackIssue } from '../../lib/pack';
import { readPackBytes } from '../../lib/pack/read';
import { validatePack } from '../../lib/pack/validate';

export type ImportOutcome =
  | { ok: true; result: InstallPackResult; packName: string }
  | { ok: false; summary: string; issues: PackIssue[]; total: number };

/**
 * Reads, validates and installs a pack file. Nothing is written unless the whole pack is
 * valid; the background is told afterwards so open tabs highlight the new names.
 */
export async function importPackFile(file: File, options: { replace?: boolean } = {}): Promise<ImportOutcome> {
  const read = await readPackBytes(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return { ok: false, summary: read.message, issues: [], total: 0 };
  const validation = validatePack(read.data);
  if (!validation.ok) {
    return {
      ok: false,
      summary: `${file.name} is not a valid article pack: ${validation.total} ${validation.total === 1 ? 'problem' : 'problems'} found. Nothing was imported.`,
      issues: validation.issues,
      total: validation.total,
    };
  }
  try {
    const result = await installPack(getDatabase(), validation.pack, {
      source: { kind: 'file', fileName: file.name },
      replace: options.replace,
    });
    await notifyBackground();
    return { ok: true, result, packName: validation.pack.pack.name };
  } catch (error) {
    return { ok: false, summary: writeFailureMessage(error), issues: [], total: 0 };
  }
}

/** Tells the background the knowledge base changed, so it recompiles and open tabs rescan. */
export async function notifyBackground(): Promise<void> {
  const client = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));
  await client.send('kb.changed', {});
}

function writeFailureMessage(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError' || (error as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError') {
    return 'The browser has no room left for this pack. Free some disk space or remove another pack, then try again. Your library is unchanged.';
  }
  return 'The pack could not be saved. Your library is unchanged.';
}
