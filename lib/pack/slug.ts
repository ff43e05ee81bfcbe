/** Readable ids made from text. */

/**
 * Lowercase words of `text` joined by "-", accents dropped, other scripts kept
 * ("Zoë's Café, 2024" → "zoes-cafe-2024", "Владимир Путин" → "владимир-путин"),
 * cut at a word boundary to at most `maxLength` characters. May return "".
 */
export function slugify(text: string, maxLength: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    // Apostrophes join a word ("Zoë's" → "zoes") instead of splitting it.
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, maxLength)).replace(/-+$/, '');
}
