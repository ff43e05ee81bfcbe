/** Test helper: bytes to a validated pack in one call, as the import pipeline reads them: {@link readPackBytes} then {@link validatePack}. */
import { readPackBytes, type PackReadErrorCode, type ReadPackOptions } from '../../../lib/pack/read';
import type { Pack } from '../../../lib/pack/schema';
import { validatePack, type PackIssue } from '../../../lib/pack/validate';

/** Why a pack was refused: a read error, or `invalid-pack` when the JSON is not a valid pack. */
export type PackParseErrorCode = PackReadErrorCode | 'invalid-pack';

/**
 * Result of {@link parsePack}. A failure always carries issues: for a read error a single
 * one with path `""`, for an invalid pack the first 50 validation issues.
 */
export type PackParse =
  | { ok: true; pack: Pack; /** Uncompressed size in bytes. */ bytes: number }
  | { ok: false; code: PackParseErrorCode; issues: PackIssue[]; total: number };

/** Reads and validates a pack file (JSON or gzip-compressed JSON). Never throws for bad input. */
export async function parsePack(bytes: Uint8Array, options?: ReadPackOptions): Promise<PackParse> {
  const read = await readPackBytes(bytes, options);
  if (!read.ok) return { ok: false, code: read.code, issues: [{ path: '', message: read.message }], total: 1 };
  const validation = validatePack(read.data);
  if (!validation.ok) return { ok: false, code: 'invalid-pack', issues: validation.issues, total: validation.total };
  return { ok: true, pack: validation.pack, bytes: read.bytes };
}
