import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, formatByteSize } from '../../../lib/pack/limits';
import { parsePack } from './parse-pack';
import { readPackBytes } from '../../../lib/pack/read';
import { fixtureBytes } from './fixtures';

const encode = (text: string) => new TextEncoder().encode(text);
const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));
const BOM = [0xef, 0xbb, 0xbf];

describe('readPackBytes', () => {
  it('reads plain JSON and reports its size', async () => {
    const bytes = fixtureBytes('valid', 'complete.pack.json');
    const result = await readPackBytes(bytes);
    expect(result).toMatchObject({ ok: true, bytes: bytes.length });
    expect(result.ok && (result.data as { format: string }).format).toBe('article-pack');
  });

  it('reads gzip-compressed JSON, detected by its magic bytes', async () => {
    const bytes = fixtureBytes('valid', 'complete.pack.json');
    const plain = await readPackBytes(bytes);
    const compressed = await readPackBytes(gzip(bytes));
    expect(compressed).toEqual(plain);
  });

  it('decompresses a pack larger than one stream chunk', async () => {
    const big = encode(JSON.stringify({ words: Array.from({ length: 50_000 }, (_, i) => `word ${i} ünïcödé`) }));
    const result = await readPackBytes(gzip(big));
    expect(result).toMatchObject({ ok: true, bytes: big.length });
  });

  it('refuses a file over the limit before decoding it, saying the limit', async () => {
    const result = await readPackBytes(encode('[' + '1,'.repeat(600) + '1]'), { maxBytes: 1024 });
    expect(result).toEqual({
      ok: false,
      code: 'too-large',
      message: 'The pack is larger than 1 kB (uncompressed), the most Backstory can import.',
    });
  });

  it('accepts a file of exactly the limit', async () => {
    const bytes = encode(`"${'x'.repeat(98)}"`);
    expect(await readPackBytes(bytes, { maxBytes: 100 })).toMatchObject({ ok: true, bytes: 100 });
  });

  it('stops a gzip bomb as soon as the uncompressed size passes the limit', async () => {
    // 64 MiB of spaces compress to about 64 KB; with a 1 MiB limit the read must stop early.
    const bomb = gzip(new Uint8Array(64 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const result = await readPackBytes(bomb, { maxBytes: 1024 * 1024 });
    expect(result).toEqual({
      ok: false,
      code: 'too-large',
      message: 'The pack is larger than 1 MB (uncompressed), the most Backstory can import.',
    });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('counts uncompressed bytes against the limit, not compressed ones', async () => {
    const bytes = encode(JSON.stringify({ text: 'a'.repeat(5000) }));
    const result = await readPackBytes(gzip(bytes), { maxBytes: 4096 });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('has a default limit that lets a 200 MB pack in', () => {
    expect(MAX_PACK_BYTES).toBeGreaterThanOrEqual(200 * 1024 * 1024);
    expect(formatByteSize(MAX_PACK_BYTES)).toBe('256 MB');
  });

  it('refuses a damaged gzip file', async () => {
    const compressed = gzip(encode(JSON.stringify({ a: 'b'.repeat(1000) })));
    const truncated = compressed.subarray(0, compressed.length - 20);
    const corrupt = compressed.slice();
    corrupt.fill(0xff, 10, 30);
    for (const bytes of [truncated, corrupt, new Uint8Array([0x1f, 0x8b])]) {
      expect(await readPackBytes(bytes)).toEqual({
        ok: false,
        code: 'bad-gzip',
        message: 'The pack is a damaged gzip file and cannot be decompressed.',
      });
    }
  });

  it('tolerates a UTF-8 byte order mark, plain and compressed', async () => {
    const bytes = new Uint8Array([...BOM, ...encode('{"name":"Zoë"}')]);
    expect(await readPackBytes(bytes)).toEqual({ ok: true, data: { name: 'Zoë' }, bytes: bytes.length });
    expect(await readPackBytes(gzip(bytes))).toEqual({ ok: true, data: { name: 'Zoë' }, bytes: bytes.length });
  });

  it('refuses bytes that are not UTF-8, plain and compressed', async () => {
    const latin1 = new Uint8Array([...encode('{"name":"Zo'), 0xeb, ...encode('"}')]);
    const expected = {
      ok: false,
      code: 'bad-encoding',
      message: 'The pack is not valid UTF-8 text; save it as UTF-8 and import it again.',
    };
    expect(await readPackBytes(latin1)).toEqual(expected);
    expect(await readPackBytes(gzip(latin1))).toEqual(expected);
    // A multi-byte sequence cut off by the end of the file.
    expect(await readPackBytes(gzip(encode('"é"').subarray(0, 2)))).toEqual(expected);
  });

  it('says so when the file is UTF-16', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    expect(await readPackBytes(utf16)).toMatchObject({
      code: 'bad-encoding',
      message: 'The pack is UTF-16 text; save it as UTF-8 and import it again.',
    });
  });

  it.each([
    ['', 'unexpected end of the text at line 1, column 1 (character 1)'],
    ['<!doctype html>', 'unexpected character "<" at line 1, column 1 (character 1)'],
    ['{\n  "a": 1,\n}', 'unexpected character "}" at line 3, column 1 (character 13)'],
    ['{"a": [1, 2}', 'unexpected character "}" at line 1, column 12 (character 12)'],
    ['{"a": "b\n"}', 'control character in a string at line 1, column 9 (character 9)'],
    ['{} {}', 'unexpected character "{" at line 1, column 4 (character 4)'],
  ])('gives the position of a JSON error in %j', async (text, where) => {
    expect(await readPackBytes(encode(text))).toEqual({
      ok: false,
      code: 'bad-json',
      message: `The pack is not valid JSON: ${where}.`,
    });
  });

  it('finds the position of an error after a string of many megabytes', async () => {
    // 10 MB of escapes: enough to overflow the stack of a regular-expression scanner.
    const text = `{"articleBody": "${'x\\n\\u00e9 '.repeat(1_000_000)}", }`;
    expect(await readPackBytes(encode(text))).toEqual({
      ok: false,
      code: 'bad-json',
      message: `The pack is not valid JSON: unexpected character "}" at line 1, column ${text.length} (character ${text.length}).`,
    });
  });

  it('counts the position after a byte order mark from the first character of the text', async () => {
    const result = await readPackBytes(new Uint8Array([...BOM, ...encode('[1,]')]));
    expect(result).toMatchObject({ message: 'The pack is not valid JSON: unexpected character "]" at line 1, column 4 (character 4).' });
  });
});

describe('parsePack', () => {
  it('accepts a gzip-compressed valid pack', async () => {
    const result = await parsePack(gzip(fixtureBytes('valid', 'complete.pack.json')));
    expect(result.ok && result.pack.pack.id).toBe('river-delta-summit.2025');
  });

  it('turns a read error into a single issue at the root', async () => {
    expect(await parsePack(encode('{}'), { maxBytes: 1 })).toEqual({
      ok: false,
      code: 'too-large',
      issues: [{ path: '', message: 'The pack is larger than 1 byte (uncompressed), the most Backstory can import.' }],
      total: 1,
    });
  });
});
