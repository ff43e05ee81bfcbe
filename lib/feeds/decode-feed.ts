/**
 * A feed's bytes (or an article page's) as text. The charset is taken, in this order, from a byte order mark,
 * the HTTP Content-Type, the XML declaration (`<?xml … encoding="gb2312"?>`); without
 * any, UTF-8 when the bytes are valid UTF-8, else the legacy encoding chardet judges
 * likeliest (lib/feeds/guess-encoding.ts: an undeclared gb2312, big5, shift_jis,
 * windows-1251 or latin-1 feed). TextDecoder knows the WHATWG encodings, so
 * gb2312 is read as GBK and iso-8859-1 as windows-1252, as browsers do.
 */
import { guessLegacyEncoding } from './guess-encoding';

const XML_ENCODING = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/u;
/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`, for an article page. */
const HTML_META_CHARSET = /<meta[^>]+?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/iu;
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/iu;

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    // An encoding TextDecoder does not know: treated as undeclared.
    return undefined;
  }
}

/** Which BOM, if any, starts the bytes. */
function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The charset named in the XML declaration, else in an HTML page's meta tag (within its first 1,024 bytes, as browsers look), read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  return XML_ENCODING.exec(head)?.[1] ?? HTML_META_CHARSET.exec(head)?.[1];
}

/** Decodes a feed's bytes; `contentType` is the answer's Content-Type header, if any. */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): string {
  const declared =
    decoderFor(bomEncoding(bytes)) ??
    decoderFor(HEADER_CHARSET.exec(contentType ?? '')?.[1]) ??
    decoderFor(declaredEncoding(bytes));
  if (declared) return declared.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(guessLegacyEncoding(bytes)).decode(bytes);
  }
}
