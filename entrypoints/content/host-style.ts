/**
 * Declarations for the style attribute of an element Backstory adds to a page, each made
 * important: an element's own important declarations win over the page's `!important`
 * rules (CSS Cascade: element-attached styles come after style rules of the same origin
 * and importance), so the page's CSS cannot hide, blur, move or resize what we add.
 */
export function importantStyle(declarations: string): string {
  return declarations
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => `${declaration} !important;`)
    .join(' ');
}
