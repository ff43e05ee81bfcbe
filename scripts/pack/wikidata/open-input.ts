/**
 * Opens an input file as a stream of decompressed bytes, whatever its compression
 * (recognised by its first bytes): gzip through zlib, which inflates on libuv's thread
 * pool, so on another core than the JSON parsing; bzip2 through, in order of speed:
 *
 * - `lbzip2` (Debian package lbzip2) when installed: bzip2 blocks are independent, and it
 *   decompresses them on every core;
 * - `bzip2`, present on nearly every system: one core, but a separate process, so
 *   decompression and parsing still run side by side;
 * - unbzip2-stream, a maintained pure-JavaScript stream decoder, when neither tool exists
 *   (slowest: it shares the parsing thread).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import unbzip2Stream from 'unbzip2-stream';

export type Compression = 'none' | 'gzip' | 'bzip2';
export type Bzip2Decoder = 'auto' | 'lbzip2' | 'bzip2' | 'js';

export interface OpenedInput {
  /** Decompressed bytes. */
  stream: Readable;
  compression: Compression;
  /** Which bzip2 decoder runs, when the input is bzip2. */
  decoder?: Exclude<Bzip2Decoder, 'auto'>;
  /** Size of the file on disk. */
  fileBytes: number;
  /** Bytes of the file read so far (compressed): for progress. */
  bytesRead(): number;
}

/** Compression from the first bytes of a file. */
export function compressionOf(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2'; // "BZh"
  return 'none';
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(3);
    await file.read(buffer, 0, 3, 0);
    return buffer;
  } finally {
    await file.close();
  }
}

function hasTool(name: string): boolean {
  return spawnSync(name, ['--help'], { stdio: 'ignore' }).error === undefined;
}

/** The bzip2 decoder `auto` picks here. */
export function pickBzip2Decoder(wanted: Bzip2Decoder): Exclude<Bzip2Decoder, 'auto'> {
  if (wanted !== 'auto') return wanted;
  if (hasTool('lbzip2')) return 'lbzip2';
  if (hasTool('bzip2')) return 'bzip2';
  return 'js';
}

function external(command: string, args: string[], input: Readable): Readable {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  input.pipe(child.stdin);
  child.stdin.on('error', () => undefined); // the reader may stop early (--limit)
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) child.stdout.destroy(new Error(`${command} failed (exit code ${code}): the file may be damaged`));
  });
  return child.stdout;
}

/** Opens `path` for streaming; nothing is read whole. */
export async function openInput(path: string, bzip2: Bzip2Decoder = 'auto'): Promise<OpenedInput> {
  const [head, info] = await Promise.all([readHead(path), stat(path)]);
  const compression = compressionOf(head);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const bytesRead = () => file.bytesRead;
  if (compression === 'gzip') return { stream: file.pipe(createGunzip()), compression, fileBytes: info.size, bytesRead };
  if (compression === 'none') return { stream: file, compression, fileBytes: info.size, bytesRead };
  const decoder = pickBzip2Decoder(bzip2);
  const stream =
    decoder === 'lbzip2'
      ? external('lbzip2', ['-d', '-c', '-n', String(availableParallelism())], file)
      : decoder === 'bzip2'
        ? external('bzip2', ['-d', '-c'], file)
        : file.pipe(unbzip2Stream());
  return { stream, compression, decoder, fileBytes: info.size, bytesRead };
}
