/**
 * Light or dark, to match the page rather than the OS: a dark site gets a dark popover
 * even when the system is light, and the reverse.
 */
export function pageTheme(doc: Document = document): 'light' | 'dark' {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgba = parseRgb(getComputedStyle(element).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.4 ? 'dark' : 'light';
  }
  const scheme = getComputedStyle(doc.documentElement).colorScheme;
  if (scheme.includes('dark') && !scheme.includes('light')) return 'dark';
  return 'light';
}

function parseRgb(color: string): [number, number, number, number] | undefined {
  const match = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/u.exec(color);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

function channel(c: number): number {
  const v = c / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance, sRGB (WCAG 2). */
function luminance([r, g, b]: [number, number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
