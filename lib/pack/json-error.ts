/**
 * Locates the first syntax error in a JSON text. `JSON.parse` says where it failed only
 * in some engines and for some errors, so after it has failed this scanner walks the
 * text by the JSON grammar (RFC 8259) to find the line and column to report.
 */

/** Where and why a JSON text stops being JSON. */
export interface JsonSyntaxError {
  /** 0-based UTF-16 offset. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters (UTF-16 code units). */
  column: number;
  /** A short reason: "unexpected character \"}\"", "unexpected end of the text", … */
  reason: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const FIRST_PRINTABLE = 0x20;
const SIMPLE_ESCAPES = '"\\/bfnrt';
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Returns the first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  // Explicit stack of open containers: deep nesting must not overflow the call stack.
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const fail = (reason?: string): JsonSyntaxError => {
    const fallback = i >= text.length ? 'unexpected end of the text' : `unexpected character ${JSON.stringify(text[i])}`;
    return locate(text, i, reason ?? fallback);
  };
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  // A loop, not a regular expression: a regex over a string of many megabytes
  // overflows the stack in V8.
  const scanString = (): JsonSyntaxError | undefined => {
    if (text[i] !== '"') return fail();
    i++;
    for (;;) {
      if (i >= text.length) return fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i++;
        return undefined;
      }
      if (c < FIRST_PRINTABLE) return fail('control character in a string');
      if (c !== BACKSLASH) {
        i++;
        continue;
      }
      const escape = text[i + 1];
      if (escape === undefined) return fail('unterminated string');
      if (escape === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
      else if (SIMPLE_ESCAPES.includes(escape)) i += 2;
      else return fail('invalid escape in a string');
    }
  };
  // After "{" or ",": a key and its colon.
  const scanKey = (): JsonSyntaxError | undefined => {
    skipWhitespace();
    const error = scanString();
    if (error) return error;
    skipWhitespace();
    if (text[i] !== ':') return fail();
    i++;
    return undefined;
  };
  // Scans one value, or opens a container; true when a value is complete.
  const scanValue = (): JsonSyntaxError | boolean => {
    skipWhitespace();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        return true;
      }
      stack.push(c);
      return c === '{' ? (scanKey() ?? false) : false;
    }
    if (c === '"') return scanString() ?? true;
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) return fail();
    i = NUMBER.lastIndex;
    return true;
  };

  for (;;) {
    const scanned = scanValue();
    if (typeof scanned === 'object') return scanned;
    if (!scanned) continue;
    // A value is complete: close containers until a comma asks for the next value.
    for (;;) {
      skipWhitespace();
      const open = stack.at(-1);
      if (open === undefined) return i < text.length ? fail() : undefined;
      if (text[i] === (open === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail();
      i++;
      if (open === '{') {
        const error = scanKey();
        if (error) return error;
      }
      break;
    }
  }
}

function locate(text: string, offset: number, reason: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let j = text.indexOf('\n'); j !== -1 && j < offset; j = text.indexOf('\n', j + 1)) {
    line++;
    lineStart = j + 1;
  }
  return { offset, line, column: offset - lineStart + 1, reason };
}
