/**
 * Sizes for people: "900 bytes", "505 kB", "79 GB". Decimal units (1 kB = 1,000 bytes),
 * as Intl.NumberFormat names them and as browsers and operating systems show file sizes.
 */

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const STEP = 1000;
/** Below this, one decimal is worth reading ("4.2 MB"); above, it is noise ("505 kB"). */
const ONE_DECIMAL_BELOW = 10;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(unit: (typeof UNITS)[number], fractionDigits: number): Intl.NumberFormat {
  const key = `${unit}:${fractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: fractionDigits });
    formatters.set(key, found);
  }
  return found;
}

/** A byte count in the largest unit that keeps it at 1 or more: 505_300 → "505 kB", 82_923_000_000 → "83 GB". */
export function formatByteSize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= STEP && unit < UNITS.length - 1) {
    value /= STEP;
    unit++;
  }
  // 999.96 kB would round to "1,000 kB": show it as the next unit instead.
  if (unit > 0 && unit < UNITS.length - 1 && Math.round(value) >= STEP) {
    value /= STEP;
    unit++;
  }
  return formatter(UNITS[unit]!, unit > 0 && value < ONE_DECIMAL_BELOW ? 1 : 0).format(value);
}
