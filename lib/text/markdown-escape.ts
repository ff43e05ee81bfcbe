/** Backslash-escapes what Markdown would read as markup, so the text reads back as itself. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>|~]/gu, (c) => `\\${c}`)
      .replace(/&(?=#?\w+;)/gu, '\\&')
      // At the start of a block: headings, quotes, list markers, thematic breaks, numbered lists.
      .replace(/^([#>+=-])/u, '\\$1')
      .replace(/^(\d+)([.)])/u, '$1\\$2')
  );
}
