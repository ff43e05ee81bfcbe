/** A few names for a sentence, the rest counted: "A, B, C, D, E and 3 more". */
export function nameList(names: readonly string[], shown = 5): string {
  const named = names.slice(0, shown).join(', ');
  const others = names.length - shown;
  return others > 0 ? `${named} and ${others.toLocaleString()} more` : named;
}
