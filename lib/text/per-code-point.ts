/**
 * Memoizes a function of a code point: folding rules are regular-expression tests, and
 * text uses few distinct characters, each many times.
 */
export function perCodePoint<T>(compute: (cp: number) => T): (cp: number) => T {
  const cache = new Map<number, T>();
  return (cp) => {
    let value = cache.get(cp);
    if (value === undefined) {
      value = compute(cp);
      cache.set(cp, value);
    }
    return value;
  };
}
