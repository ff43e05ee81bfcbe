/**
 * Turns the bytes of a pack file into parsed JSON, refusing oversized, corrupt or
 * non-UTF-8 input with a code and a sentence. Gzip is recognised by its magic bytes and
 * decompressed as a stream, counting bytes, so that a gzip bomb stops at the limit.
 */
import { findJsonSyntaxError } from './json-error';
import { MAX_PACK_BYTES, formatByteSize } from './limits';

/** Why bytes could not be read as JSON; kebab-case codes the UI maps to sentences. */
export type PackReadErrorCode = 'too-large' | 'bad-gzip' | 'bad-json' | 'bad-encoding';

/** Result of {@link readPackBytes}. */
export type PackRead =
  | {
      ok: true;
      data: unknown;
      /** Size of the JSON text in bytes, after decompression. */
      bytes: number;
    }
  | { ok: false; code: PackReadErrorCode; message: string };

/** Options of {@link readPackBytes}. */
export interface ReadPackOptions {
  /** Largest accepted size in uncompressed bytes; {@link MAX_PACK_BYTES} by default. */
  maxBytes?: number;
}

// Feeding the decompressor in slices keeps its input side small as well.
const GZIP_INPUT_CHUNK_BYTES = 64 * 1024;

type Failure = Extract<PackRead, { ok: false }>;

/**
 * Reads a pack file (JSON, or gzip-compressed JSON) into unknown data. Never throws for
 * bad input; the data still has to go through `validatePack`.
 */
export async function readPackBytes(bytes: Uint8Array, options: ReadPackOptions = {}): Promise<PackRead> {
  const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
  const decoded = isGzip(bytes) ? await gunzipToText(bytes, maxBytes) : decodePlain(bytes, maxBytes);
  if (!decoded.ok) return decoded;
  return parseJson(decoded.text, decoded.bytes);
}

/** Whether the bytes start with the gzip magic number 1f 8b. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

type Decoded = { ok: true; text: string; bytes: number } | Failure;

function tooLarge(maxBytes: number): Failure {
  return {
    ok: false,
    code: 'too-large',
    message: `The pack is larger than ${formatByteSize(maxBytes)} (uncompressed), the most Backstory can import.`,
  };
}

function badEncoding(bytes: Uint8Array): Failure {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return {
    ok: false,
    code: 'bad-encoding',
    message: utf16
      ? 'The pack is UTF-16 text; save it as UTF-8 and import it again.'
      : 'The pack is not valid UTF-8 text; save it as UTF-8 and import it again.',
  };
}

/** A decoder that throws on invalid bytes and drops a leading byte order mark. */
function utf8Decoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
}

function decodePlain(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) return tooLarge(maxBytes);
  try {
    return { ok: true, text: utf8Decoder().decode(bytes), bytes: bytes.length };
  } catch {
    return badEncoding(bytes);
  }
}

async function gunzipToText(bytes: Uint8Array, maxBytes: number): Promise<Decoded> {
  let offset = 0;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + GZIP_INPUT_CHUNK_BYTES));
      offset += GZIP_INPUT_CHUNK_BYTES;
    },
  });
  // The DOM typings want ArrayBuffer-backed chunks; a subarray of the caller's bytes is one.
  const reader = input
    .pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();

  // Decoding chunk by chunk keeps one copy of the text in memory instead of bytes plus text.
  const decoder = utf8Decoder();
  const parts: string[] = [];
  let total = 0;
  let firstChunk: Uint8Array | undefined;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      return { ok: false, code: 'bad-gzip', message: 'The pack is a damaged gzip file and cannot be decompressed.' };
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(maxBytes);
    }
    firstChunk ??= chunk.value;
    try {
      parts.push(decoder.decode(chunk.value, { stream: true }));
    } catch {
      await reader.cancel().catch(() => undefined);
      return badEncoding(firstChunk);
    }
  }
  try {
    parts.push(decoder.decode());
  } catch {
    return badEncoding(firstChunk ?? new Uint8Array());
  }
  return { ok: true, text: parts.join(''), bytes: total };
}

function parseJson(text: string, bytes: number): PackRead {
  try {
    return { ok: true, data: JSON.parse(text), bytes };
  } catch (error) {
    let where: ReturnType<typeof findJsonSyntaxError>;
    try {
      where = findJsonSyntaxError(text);
    } catch {
      // Only the position is lost; the engine's message below still says what is wrong.
    }
    const message = where
      ? `The pack is not valid JSON: ${where.reason} at line ${where.line}, column ${where.column} (character ${where.offset + 1}).`
      : `The pack is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`;
    return { ok: false, code: 'bad-json', message };
  }
}
